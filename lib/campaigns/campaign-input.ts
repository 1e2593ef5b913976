import { z } from "zod";
import { channels } from "@/db/enums";
import { channelLabels } from "@/lib/messages/channels";
import { idField } from "@/lib/sql/ids";
import { hasControlCharacters } from "@/lib/sql/values";

// A campaign as "Público da campanha" (/campaigns/new) sends it: one schema for the form, the
// audience's description while it is being chosen, and the send. Client-safe.

export const CAMPAIGN_NAME_MAX = 120;
// A campaign names a handful of segments; the cap keeps a forged request's array small.
export const CAMPAIGN_SEGMENTS_MAX = 100;

const name = z
  .string({ error: "Dê um nome à campanha." })
  .trim()
  .min(1, { error: "Dê um nome à campanha." })
  .max(CAMPAIGN_NAME_MAX, { error: `O nome pode ter até ${CAMPAIGN_NAME_MAX} caracteres.` })
  .refine((value) => !hasControlCharacters(value), { error: "O nome tem caracteres de controle: digite-o de novo." });

/** What the audience depends on: channel, template, segments and the optional saved filter. */
export const campaignAudienceInput = z.object({
  channel: z.enum(channels, { error: `Escolha o canal: ${Object.values(channelLabels).join(", ")}.` }),
  templateId: idField("Escolha o modelo da mensagem."),
  segmentIds: z
    .array(idField("Segmento não encontrado."), { error: "Escolha ao menos um segmento." })
    .min(1, { error: "Escolha ao menos um segmento." })
    .max(CAMPAIGN_SEGMENTS_MAX, { error: `Escolha até ${CAMPAIGN_SEGMENTS_MAX} segmentos.` })
    .transform((ids) => [...new Set(ids)]),
  // The form's "Nenhum" option sends "".
  savedFilterId: z
    .union([z.literal(""), idField("Filtro salvo não encontrado.")], { error: "Filtro salvo não encontrado." })
    .nullish()
    .transform((id) => id || null),
});

export const campaignInput = campaignAudienceInput.extend({ name });

export type CampaignAudienceInput = z.output<typeof campaignAudienceInput>;
export type CampaignInput = z.output<typeof campaignInput>;
export type RawCampaignInput = z.input<typeof campaignInput>;

/** The form's fields as the schema reads them (segments as repeated values). */
export function campaignFormData(formData: FormData): RawCampaignInput {
  return {
    name: formData.get("name") as string,
    channel: formData.get("channel") as never,
    templateId: formData.get("templateId") as string,
    segmentIds: formData.getAll("segmentIds") as string[],
    savedFilterId: (formData.get("savedFilterId") as string | null) ?? null,
  };
}
