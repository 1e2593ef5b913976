"use server";

import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/actions/result";
import { withViewer } from "@/lib/actions/validated-action";
import { describeAudience, type AudienceDescription } from "@/lib/campaigns/audience";
import { startCampaign } from "@/lib/campaigns/campaigns";

// Every action checks the session (withViewer); the data layer checks campaigns.send and parses
// the input with the shared schema (lib/campaigns/campaign-input.ts), so a forged argument is a
// field error, never an error.

/** "Público da campanha": the audience of the choices as they are now. */
export async function describeAudienceAction(input: unknown): Promise<ActionResult<{ audience: AudienceDescription }>> {
  return withViewer("describeAudienceAction", (viewer) => describeAudience(viewer, input));
}

/** "Enviar": creates the campaign with its send job, then opens its page. */
export async function startCampaignAction(input: unknown): Promise<ActionResult> {
  return withViewer("startCampaignAction", async (viewer) => {
    const result = await startCampaign(viewer, input);
    if (result.ok) redirect(`/campaigns/${result.id}`);
    return result;
  });
}
