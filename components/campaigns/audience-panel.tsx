import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Spinner } from "@/components/ui/spinner";
import type { AudienceDescription } from "@/lib/campaigns/audience";
import { formatNumber, plural } from "@/lib/format/number";
import { channelLabels, type Channel } from "@/lib/messages/channels";
import { formatPhone } from "@/lib/phones/phone";
import { variableToken } from "@/lib/templates/variables";

export type AudiencePanelProps = {
  channel: Channel;
  /** The audience of the current choices; null until they are complete. */
  audience: AudienceDescription | null;
  loading: boolean;
  /** Why the choices describe no audience (a refusal's message), if they do not. */
  error: string | null;
  /** "Baixar público (CSV)" for the current choices. */
  csvHref: string | null;
};

/** "Público da campanha": the three figures, the pre-flight check and the preview, for the choices as they are now. */
export function AudiencePanel({ channel, audience, loading, error, csvHref }: AudiencePanelProps) {
  return (
    <section aria-labelledby="audience-title" aria-busy={loading} className="space-y-5 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <div className="flex items-center justify-between gap-3">
        <h2 id="audience-title" className="text-base font-semibold">Público</h2>
        {loading && <Spinner label="Calculando o público…" />}
      </div>
      {error ? (
        <Alert>{error}</Alert>
      ) : !audience ? (
        <p className="text-sm text-slate-600">Escolha o modelo e ao menos um segmento para ver quem recebe a mensagem.</p>
      ) : (
        <>
          <dl className="grid grid-cols-3 gap-3 text-center">
            <Figure label="Correspondem" value={audience.matched} hint="nos segmentos e no filtro" />
            <Figure label="Alcançáveis" value={audience.reachable} hint={`com endereço e consentimento para ${channelLabels[channel]}`} />
            <Figure label="Incompletos" value={audience.incomplete} hint="alcançáveis, com dados faltando" tone={audience.incomplete > 0 ? "amber" : undefined} />
          </dl>
          <p className="text-sm text-slate-800">
            {audience.sendable === 0
              ? "Ninguém deste público recebe a mensagem."
              : `Recebem a mensagem ${plural(audience.sendable, "contato", "contatos")}: os alcançáveis com todos os dados do modelo “${audience.templateName}”.`}{" "}
            Os incompletos não recebem: complete os dados deles antes de enviar.
          </p>
          {csvHref && (
            <p className="text-sm">
              <a href={csvHref} className="font-medium text-indigo-700 hover:underline" download>Baixar público (CSV)</a>
            </p>
          )}
          <Preflight audience={audience} />
          <Samples audience={audience} channel={channel} />
        </>
      )}
    </section>
  );
}

function Figure({ label, value, hint, tone }: { label: string; value: number; hint: string; tone?: "amber" }) {
  return (
    <div className={`rounded-md p-3 ring-1 ${tone === "amber" ? "bg-amber-50 ring-amber-200" : "bg-slate-50 ring-slate-200"}`}>
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums">{formatNumber(value)}</dd>
      <dd className="text-xs text-slate-500">{hint}</dd>
    </div>
  );
}

function Preflight({ audience }: { audience: AudienceDescription }) {
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-semibold">Verificação antes do envio</h3>
      {audience.preflight.length === 0 ? (
        <p className="text-sm text-slate-600">Nenhum contato alcançável com dados faltando.</p>
      ) : (
        <>
          <p className="text-sm text-slate-600">
            {audience.incomplete > audience.preflight.length
              ? `Os ${formatNumber(audience.preflight.length)} primeiros de ${formatNumber(audience.incomplete)} contatos incompletos, por nome:`
              : "Estes contatos não recebem a mensagem enquanto os dados faltarem:"}
          </p>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Contatos incompletos</caption>
              <thead className="text-xs text-slate-600">
                <tr>
                  <th scope="col" className="py-1 pr-3">Contato</th>
                  <th scope="col" className="py-1 pr-3">Código</th>
                  <th scope="col" className="py-1">Falta</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {audience.preflight.map((contact) => (
                  <tr key={contact.contactId}>
                    <td className="py-1 pr-3">
                      <Link href={`/contacts/${contact.contactId}`} className="text-indigo-700 hover:underline">{contact.name}</Link>
                    </td>
                    <td className="py-1 pr-3 text-slate-600">{contact.customerCode}</td>
                    <td className="py-1 text-amber-800">
                      {contact.missing.map((key) => (
                        <span key={key} className="block">{`${variableToken(key)} ficaria vazio`}</span>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

function Samples({ audience, channel }: { audience: AudienceDescription; channel: Channel }) {
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-semibold">Pré-visualização</h3>
      {audience.samples.length === 0 ? (
        <p className="text-sm text-slate-600">Sem contatos que recebam a mensagem, não há o que mostrar.</p>
      ) : (
        <ul className="space-y-3">
          {audience.samples.map((sample) => (
            <li key={`${sample.customerCode}`} className="rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
              <p className="text-xs text-slate-600">Para {sample.name} ({sample.customerCode}) · {channel === "email" ? sample.address : formatPhone(sample.address)}</p>
              {sample.subject !== null && <p className="mt-1 text-sm font-medium">{sample.subject}</p>}
              <p className="mt-1 text-sm break-words whitespace-pre-wrap">{sample.body}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
