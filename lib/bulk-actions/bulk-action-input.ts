import { z } from "zod";
import { priorities, priorityLabels, responsibleUserIdField, segmentIdsField, tagsField } from "@/lib/contacts/contact-input";
import { TAGS_PER_CONTACT_MAX } from "@/lib/contacts/tags";
import { idField } from "@/lib/sql/ids";
import type { BulkActionKind, BulkActionParams } from "./kinds";

// Shared by the bulk bar (client) and the server actions: client-safe, no server imports.

/** The most rows a selection names one by one; more is "all matching", sent as the filter. */
export const SELECTION_MAX = 100;

const atLeastOne = <T>(list: T[]) => list.length > 0;

const operation = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("set_responsible"), userId: responsibleUserIdField }),
    z.object({ kind: z.literal("set_priority"), priority: z.enum(priorities, { error: "Escolha a prioridade: Alta, Média ou Baixa." }) }),
    z.object({ kind: z.literal("add_tags"), tags: tagsField.refine(atLeastOne, { error: "Informe ao menos uma hashtag." }) }),
    z.object({ kind: z.literal("remove_tags"), tags: tagsField.refine(atLeastOne, { error: "Informe ao menos uma hashtag." }) }),
    z.object({ kind: z.literal("add_segments"), segmentIds: segmentIdsField.refine(atLeastOne, { error: "Escolha ao menos um segmento." }) }),
    z.object({ kind: z.literal("remove_segments"), segmentIds: segmentIdsField.refine(atLeastOne, { error: "Escolha ao menos um segmento." }) }),
    z.object({ kind: z.literal("delete") }),
  ],
  { error: "Escolha uma ação." },
);

const scope = z.union(
  [
    z.object({
      ids: z
        .array(idField("Seleção inválida."), { error: "Seleção inválida." })
        .min(1, { error: "Selecione ao menos um contato." })
        .max(SELECTION_MAX, { error: `Selecione até ${SELECTION_MAX} contatos, ou todos os do filtro.` }),
    }),
    // The list's URL query: "all contacts matching this filter", parsed like the list parses it.
    z.object({ query: z.string().max(4000) }),
  ],
  { error: "Selecione os contatos." },
);

/** One bulk action: which contacts (a selection or the filter) and what to do to them. */
export const bulkActionInput = z.object({ scope, operation });

export type BulkActionInput = z.output<typeof bulkActionInput>;
export type BulkOperation = BulkActionInput["operation"];
export type RawBulkActionInput = z.input<typeof bulkActionInput>;

export const bulkActionLabels: Record<BulkActionKind, string> = {
  set_responsible: "Definir responsável",
  set_priority: "Definir prioridade",
  add_tags: "Adicionar hashtags",
  remove_tags: "Remover hashtags",
  add_segments: "Adicionar aos segmentos",
  remove_segments: "Remover dos segmentos",
  delete: "Excluir contatos",
};

/** Why contacts are skipped (see permittedFor): hashtags are open to all, but a contact has a cap. */
export function skippedReason(kind: BulkActionKind): string {
  return kind === "add_tags" ? `passariam de ${TAGS_PER_CONTACT_MAX} hashtags` : "fora da sua permissão";
}

/** "Responsável: Ana Souza", "Hashtags: #vip #novo"… as the confirmation and the log say it. */
export function describeBulkAction(kind: BulkActionKind, params: BulkActionParams): string {
  switch (kind) {
    case "set_responsible":
      return `Responsável: ${params.userName ?? "sem responsável"}`;
    case "set_priority":
      return `Prioridade: ${priorityLabels[params.priority as keyof typeof priorityLabels] ?? params.priority}`;
    case "add_tags":
    case "remove_tags":
      return `Hashtags: ${(params.tags ?? []).map((t) => `#${t}`).join(" ")}`;
    case "add_segments":
    case "remove_segments":
      return `Segmentos: ${(params.segmentNames ?? []).join(", ")}`;
    case "delete":
      return "Exclusão";
  }
}
