import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import { listAudienceSegments } from "@/lib/campaigns/audience";
import { providerStatus } from "@/lib/messages/providers";
import { listSavedFilters } from "@/lib/saved-filters/saved-filters";
import { listTemplates } from "@/lib/templates/templates";
import { describeAudienceAction, startCampaignAction } from "../actions";

export const metadata: Metadata = { title: "Público da campanha" };

export default async function NewCampaignPage() {
  const viewer = await requireViewer();
  if (!can(viewer.role, "campaigns.send")) notFound();
  const [templates, segments, savedFilters] = await Promise.all([listTemplates(viewer), listAudienceSegments(viewer), listSavedFilters(viewer)]);

  return (
    <div className="max-w-6xl space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Público da campanha</h1>
        <p className="mt-1 text-sm text-slate-600">
          Recebem a mensagem os contatos dos segmentos escolhidos que você vê, com endereço no canal e consentimento registrado.
        </p>
      </header>
      <CampaignForm
        templates={(templates ?? []).map(({ id, name, channel }) => ({ id, name, channel }))}
        segments={segments}
        savedFilters={savedFilters.map(({ id, name }) => ({ id, name }))}
        connected={providerStatus()}
        describe={describeAudienceAction}
        start={startCampaignAction}
      />
    </div>
  );
}
