import { z } from "zod";
import { newPassword } from "@/lib/auth/password-policy";
import { roles } from "@/lib/auth/roles";
import { segmentIdsField } from "@/lib/contacts/contact-input";
import { idField } from "@/lib/sql/ids";

// Shared by the user forms and their server actions: client-safe, no server imports.

export { roleLabels } from "@/lib/auth/roles";

const role = z.enum(roles, { error: "Escolha o papel." });

/** Role and segments, as an admin edits them. */
export const userAccessInput = z.object({ role, segmentIds: segmentIdsField });
export type UserAccessInput = z.output<typeof userAccessInput>;

/** A new user: invited by link, or given an initial password they must change at first sign-in. */
export const newUserInput = z.discriminatedUnion(
  "access",
  [
    z.object({ access: z.literal("invite") }),
    z.object({ access: z.literal("password"), password: newPassword }),
  ],
  { error: "Escolha como o usuário vai entrar." },
).and(
  z.object({
    name: z.string({ error: "Informe o nome." }).trim().min(1, { error: "Informe o nome." }).max(120, { error: "O nome pode ter até 120 caracteres." }),
    email: z.string({ error: "Informe o e-mail." }).trim().toLowerCase().pipe(z.email({ error: "Informe um e-mail válido." })),
    role,
    segmentIds: segmentIdsField,
  }),
);
export type NewUserInput = z.output<typeof newUserInput>;

/** Deactivation, optionally handing the user's contacts to someone else in the same step. */
export const deactivateUserInput = z.object({
  handoverTo: z.union([idField("Escolha um usuário da lista."), z.literal("")]).nullish().transform((v) => v || null),
});

export const changePasswordInput = z
  .object({ current: z.string({ error: "Informe a senha atual." }).min(1, { error: "Informe a senha atual." }), next: newPassword, confirm: z.string() })
  .refine((v) => v.next === v.confirm, { error: "As senhas não conferem.", path: ["confirm"] });

export const acceptInviteInput = z
  .object({ next: newPassword, confirm: z.string() })
  .refine((v) => v.next === v.confirm, { error: "As senhas não conferem.", path: ["confirm"] });
