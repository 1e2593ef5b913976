import { z } from "zod";
import { auditActions, type AuditAction } from "@/db/enums";
import { idField } from "@/lib/sql/ids";
import { isDay } from "@/lib/sql/values";

// Client-safe: the /audit filter form and the data layer read the same URL.

export const auditActionLabels: Record<AuditAction, string> = {
  "user.create": "Criou usuário",
  "user.role_change": "Mudou o papel do usuário",
  "user.segments_change": "Mudou os segmentos do usuário",
  "user.deactivate": "Desativou usuário",
  "user.responsibles_handover": "Passou os contatos de um responsável",
  "contact.responsible_change": "Mudou o responsável de um contato",
  "contacts.bulk_responsible": "Definiu o responsável em massa",
  "contacts.export": "Exportou contatos (CSV)",
  "segment.create": "Criou segmento",
  "segment.update": "Alterou segmento",
  "segment.archive": "Arquivou segmento",
  "segment.member_add": "Adicionou membro ao segmento",
  "segment.member_remove": "Removeu membro do segmento",
  "api_key.create": "Criou chave de API",
  "api_key.revoke": "Revogou chave de API",
};

// A day the database can cast (see lib/sql/values.ts): 2024-13-45 is dropped like any other typo.
const day = z.string().refine(isDay);
const one = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (Array.isArray(value) ? value[0] : value || undefined), schema.optional().catch(undefined));

/** The log's filters from the URL; anything malformed is dropped, never an error page. */
export const auditFilters = z.object({
  user: one(idField()),
  action: one(z.enum(auditActions)),
  from: one(day),
  to: one(day),
  before: one(z.string().max(200)),
});
export type AuditFilters = z.output<typeof auditFilters>;
