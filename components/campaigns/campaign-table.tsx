import Link from "next/link";
import { ChannelBadge } from "@/components/live/channel-badge";
import { Cell, TableCard } from "@/components/ui/table-card";
import type { CampaignListItem } from "@/lib/campaigns/campaigns";
import { formatDateTime } from "@/lib/format/date";
import { audienceSummary, CampaignStatusLabel } from "./campaign-status";

/** The campaigns, newest first: what, to whom, by whom and when, and how far the send got. */
export function CampaignTable({ campaigns }: { campaigns: CampaignListItem[] }) {
  return (
    <TableCard
      caption="Campanhas"
      cards
      head={
        <>
          <th scope="col" className="px-4 py-3">Nome</th>
          <th scope="col" className="px-4 py-3">Canal</th>
          <th scope="col" className="px-4 py-3">Modelo</th>
          <th scope="col" className="px-4 py-3">Público</th>
          <th scope="col" className="px-4 py-3">Enviada por</th>
          <th scope="col" className="px-4 py-3">Situação</th>
        </>
      }
    >
      {campaigns.map((campaign) => (
        <tr key={campaign.id} className="hover:bg-slate-50">
          <Cell className="px-4 py-3 font-medium">
            <Link href={`/campaigns/${campaign.id}`} className="text-indigo-700 hover:underline">{campaign.name}</Link>
          </Cell>
          <Cell label="Canal" className="px-4 py-3"><ChannelBadge channel={campaign.channel} /></Cell>
          <Cell label="Modelo" className="px-4 py-3 text-slate-700">{campaign.templateName}</Cell>
          <Cell label="Público" className="max-w-xs px-4 py-3 text-slate-700">{audienceSummary(campaign.audience)}</Cell>
          <Cell label="Enviada por" className="px-4 py-3 text-slate-700">
            {campaign.createdByName}
            <span className="block text-xs whitespace-nowrap text-slate-500">{formatDateTime(campaign.createdAt)}</span>
          </Cell>
          <Cell label="Situação" className="px-4 py-3 text-sm">
            <CampaignStatusLabel status={campaign.status} written={campaign.written} reachable={campaign.reachable} />
          </Cell>
        </tr>
      ))}
    </TableCard>
  );
}
