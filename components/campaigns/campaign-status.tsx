import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { CampaignListItem } from "@/lib/campaigns/campaigns";
import { formatNumber } from "@/lib/format/number";

type CampaignStatus = CampaignListItem["status"];

const statusLabels: Record<CampaignStatus, string> = { sending: "Enviando", sent: "Enviada", failed: "Interrompida" };
const statusTones: Record<CampaignStatus, BadgeTone> = { sending: "indigo", sent: "green", failed: "red" };

/** "Enviando · 1.200 de 3.400": the status, with the messages written of those it meant to write. */
export function CampaignStatusLabel({ status, written, reachable }: { status: CampaignStatus; written: number; reachable: number }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Badge tone={statusTones[status]}>{statusLabels[status]}</Badge>
      <span className="text-slate-600 tabular-nums">{`${formatNumber(written)} de ${formatNumber(reachable)}`}</span>
    </span>
  );
}

/** "S1, S2 · filtro Inadimplentes". */
export function audienceSummary({ segmentNames, savedFilterName }: { segmentNames: string[]; savedFilterName: string | null }): string {
  return `${segmentNames.join(", ")}${savedFilterName ? ` · filtro ${savedFilterName}` : ""}`;
}
