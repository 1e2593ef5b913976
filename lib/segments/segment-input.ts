import { z } from "zod";
import { idField } from "@/lib/sql/ids";

// Shared by the segment forms and their server actions: client-safe, no server imports.

export const SEGMENT_NAME_MAX = 80;
export const SEGMENT_DESCRIPTION_MAX = 500;

export const segmentInput = z.object({
  name: z
    .string({ error: "Informe o nome do segmento." })
    .trim()
    .min(1, { error: "Informe o nome do segmento." })
    .max(SEGMENT_NAME_MAX, { error: `O nome pode ter até ${SEGMENT_NAME_MAX} caracteres.` }),
  description: z
    .string()
    .trim()
    .max(SEGMENT_DESCRIPTION_MAX, { error: `A descrição pode ter até ${SEGMENT_DESCRIPTION_MAX} caracteres.` })
    .nullish()
    .transform((value) => value ?? ""),
});
export type SegmentInput = z.output<typeof segmentInput>;

/** Archiving a segment that holds contacts: move them to another segment, or just unlink them. */
export const archiveSegmentInput = z.discriminatedUnion(
  "contacts",
  [
    z.object({ contacts: z.literal("unlink") }),
    z.object({ contacts: z.literal("move"), targetSegmentId: idField("Escolha o segmento de destino.") }),
  ],
  { error: "Escolha o que fazer com os contatos." },
);
export type ArchiveSegmentInput = z.output<typeof archiveSegmentInput>;
