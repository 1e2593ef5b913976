import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CampaignProgress } from "@/components/campaigns/campaign-progress";
import { audienceSummary } from "@/components/campaigns/campaign-status";
import { ChannelBadge } from "@/components/live/channel-badge";
import { DetailItem } from "@/components/ui/detail-item";
import { requireViewer } from "@/lib/auth/session";
import { getCampaign } from "@/lib/campaigns/campaigns";
import { formatDateTime } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";
import { providerStatus } from "@/lib/messages/providers";

export const metadata: Metadata = { title: "Campanha" };

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer();
  // A malformed id is not found, like another organization's or another supervisor's campaign.
  const campaign = await getCampaign(viewer, (await params).id);
  if (!campaign) notFound();

  return (
    <div className="max-w-4xl space-y-6">
      <header>
        <p className="text-sm"><Link href="/campaigns" className="text-indigo-700 hover:underline">← Campanhas</Link></p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{campaign.name}</h1>
        <p className="mt-1 text-sm text-slate-600">Enviada por {campaign.createdByName} em {formatDateTime(campaign.createdAt)}</p>
      </header>
      <CampaignProgress campaign={campaign} connected={providerStatus()[campaign.channel]} />
      <section aria-labelledby="campaign-details" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 id="campaign-details" className="text-base font-semibold">Detalhes</h2>
        <dl className="mt-3 grid gap-4 sm:grid-cols-2">
          <DetailItem label="Canal"><ChannelBadge channel={campaign.channel} /></DetailItem>
          <DetailItem label="Modelo">{campaign.templateName}</DetailItem>
          <DetailItem label="Público">{audienceSummary(campaign.audience)}</DetailItem>
          <DetailItem label="Correspondiam ao iniciar">{formatNumber(campaign.matched)}</DetailItem>
        </dl>
        {campaign.subject !== null && <p className="mt-4 text-sm font-medium">{campaign.subject}</p>}
        <p className="mt-2 rounded-md bg-slate-50 p-3 text-sm break-words whitespace-pre-wrap ring-1 ring-slate-200">{campaign.body}</p>
      </section>
    </div>
  );
}
