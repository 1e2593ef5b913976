import { z } from "zod";

/** "Salvar filtro": a name, the list's current URL query, and (admins) whether the organization sees it. */
export const savedFilterInput = z.object({
  name: z
    .string({ error: "Dê um nome ao filtro." })
    .trim()
    .min(1, { error: "Dê um nome ao filtro." })
    .max(80, { error: "O nome pode ter até 80 caracteres." }),
  query: z.string().max(4000).default(""),
  shared: z
    .union([z.literal("on"), z.literal("true"), z.literal(""), z.null(), z.undefined()])
    .transform((value) => value === "on" || value === "true"),
});

export type SavedFilterInput = z.output<typeof savedFilterInput>;
