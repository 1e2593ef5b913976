import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CampaignTable } from "@/components/campaigns/campaign-table";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireViewer } from "@/lib/auth/session";
import { listCampaigns } from "@/lib/campaigns/campaigns";

export const metadata: Metadata = { title: "Campanhas" };

export default async function CampaignsPage() {
  const viewer = await requireViewer();
  const campaigns = await listCampaigns(viewer);
  if (!campaigns) notFound();
  const newCampaign = <Link href="/campaigns/new" className={buttonClasses("primary")}>Nova campanha</Link>;

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Campanhas</h1>
          <p className="mt-1 text-sm text-slate-600">Um modelo de mensagem enviado aos contatos de alguns segmentos que aceitam recebê-lo.</p>
        </div>
        {newCampaign}
      </header>
      {campaigns.length === 0 ? (
        <EmptyState title="Nenhuma campanha ainda." description="Escolha um modelo e os segmentos: o público é contado antes do envio." action={newCampaign} />
      ) : (
        <CampaignTable campaigns={campaigns} />
      )}
    </div>
  );
}
