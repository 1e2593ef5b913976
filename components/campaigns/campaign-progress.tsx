import { progressBarClasses } from "@/components/import/progress-bar";
import { AutoRefresh } from "@/components/live/auto-refresh";
import { Alert } from "@/components/ui/alert";
import type { CampaignDetail } from "@/lib/campaigns/campaigns";
import { formatDateTime } from "@/lib/format/date";
import { formatNumber, plural } from "@/lib/format/number";
import { deliveryNote } from "@/lib/messages/delivery-note";
import { CampaignStatusLabel } from "./campaign-status";

/** How often the page asks for the send's progress while it runs. */
const REFRESH_MS = 2000;

/**
 * The send's progress (messages written into the outbox, of the reachable and complete contacts
 * counted at the start), refreshed while it runs; then what delivery did with them.
 */
export function CampaignProgress({ campaign, connected }: { campaign: CampaignDetail; connected: boolean }) {
  const { status, written, reachable, delivery } = campaign;
  return (
    <section aria-labelledby="campaign-progress" className="space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      {status === "sending" && <AutoRefresh intervalMs={REFRESH_MS} />}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="campaign-progress" className="text-base font-semibold">Envio</h2>
        <CampaignStatusLabel status={status} written={written} reachable={reachable} />
      </div>
      <progress
        className={progressBarClasses}
        max={Math.max(reachable, 1)}
        value={Math.min(written, Math.max(reachable, 1))}
        aria-label={`${formatNumber(written)} de ${formatNumber(reachable)} mensagens na fila de envio`}
      />
      <p className="text-sm text-slate-700">
        {status === "sending"
          ? `Colocando as mensagens na fila de envio: ${formatNumber(written)} de ${formatNumber(reachable)}.`
          : status === "sent"
            ? `${plural(written, "mensagem posta", "mensagens postas")} na fila de envio${campaign.finishedAt ? ` (concluído em ${formatDateTime(campaign.finishedAt)})` : ""}.`
            : `Interrompida: ${plural(written, "mensagem foi posta", "mensagens foram postas")} na fila de envio antes.`}
        {status !== "sending" && written !== reachable && " O público é avaliado de novo no envio: quem saiu dos segmentos ou deixou de ser visível não recebe."}
      </p>
      {status === "failed" && <Alert>O envio foi interrompido: o usuário que a criou não tem mais acesso, ou erros se repetiram.</Alert>}
      <dl className="grid grid-cols-3 gap-3 text-center">
        <Count label="Na fila" value={delivery.queued} />
        <Count label="Enviadas" value={delivery.sent} />
        <Count label="Falharam" value={delivery.failed} />
      </dl>
      <p className="text-xs text-slate-500">{deliveryNote(campaign.channel, connected)}</p>
    </section>
  );
}

function Count({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums">{formatNumber(value)}</dd>
    </div>
  );
}
