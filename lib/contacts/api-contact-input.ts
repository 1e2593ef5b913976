import { z } from "zod";
import { channels, consentStatuses, documentTypes, priorities } from "@/db/enums";
import { parseDocument } from "@/lib/documents/document";
import { parsePhone } from "@/lib/phones/phone";
import { isTimestamp } from "@/lib/sql/values";
import { contactInput, customerCodeField, emailAddress } from "./contact-input";

// The public API's contact inputs and its answer (/api/v1/contacts): client-safe, the OpenAPI
// document is generated from these.

/**
 * The body of PUT and PATCH: the contact input schema of the form and the import, refusing fields
 * it does not know (an integration's typo must not be silently dropped).
 */
export const apiContactWrite = contactInput.in.strict().pipe(contactInput.out);

/** A phone an integration looks a contact up by, in any common format: E.164 out. */
export const phoneLookup = z.string({ error: "Informe o telefone como texto." }).transform((raw, ctx) => {
  const phone = parsePhone(raw);
  if (phone) return phone;
  ctx.addIssue({ code: "custom", message: `Telefone inválido: ${raw}`, input: raw });
  return z.NEVER;
});

export const API_PAGE_MAX = 500;
export const API_PAGE_DEFAULT = 100;

/** GET /api/v1/contacts: at most one of the lookups, a change date to sync from, and the page. */
export const apiContactQuery = z
  .strictObject({
    document: z
      .string()
      .transform((raw, ctx) => {
        const parsed = parseDocument(raw);
        if (parsed.ok) return parsed.document;
        ctx.addIssue({ code: "custom", message: parsed.message, input: raw });
        return z.NEVER;
      })
      .optional()
      .meta({ description: "CPF ou CNPJ, com ou sem máscara: o contato com este documento." }),
    phone: phoneLookup
      .optional()
      .meta({ description: "Um telefone em qualquer formato comum: os contatos que o têm." }),
    email: z.string().trim().toLowerCase().pipe(emailAddress).optional().meta({ description: "Um e-mail: os contatos que o têm." }),
    q: z.string().trim().min(1, { error: "Informe o que buscar." }).max(200, { error: "Use até 200 caracteres." }).optional()
      .meta({ description: "A busca rápida da lista: código, documento, telefone, e-mail ou palavras do nome." }),
    customerCode: customerCodeField.optional().meta({ description: "O código do cliente exato." }),
    updatedSince: z
      .string()
      // An unencoded "+" of the offset arrives as a space ("…14:30:00 03:00"): read it as the "+" it was.
      .transform((value) => value.replace(/ (\d{2}(:?\d{2})?)$/, "+$1"))
      .refine(isTimestamp, { error: "Data e hora inválidas: use o formato ISO 8601 (2026-03-05T14:30:00-03:00)." })
      .optional()
      .meta({ description: "Só os contatos alterados a partir deste momento (ISO 8601): para sincronizar." }),
    limit: z.coerce
      .number({ error: `Informe um número de 1 a ${API_PAGE_MAX}.` })
      .int({ error: `Informe um número de 1 a ${API_PAGE_MAX}.` })
      .min(1, { error: `Informe um número de 1 a ${API_PAGE_MAX}.` })
      .max(API_PAGE_MAX, { error: `Cada página tem até ${API_PAGE_MAX} contatos.` })
      .default(API_PAGE_DEFAULT)
      .meta({ description: `Contatos por página, de 1 a ${API_PAGE_MAX}.` }),
    cursor: z.string().max(2000, { error: "Cursor inválido." }).optional().meta({ description: "Vem no link next: não o monte." }),
  })
  .refine((query) => [query.document, query.phone, query.email, query.q, query.customerCode].filter((v) => v !== undefined).length <= 1, {
    error: "Use uma busca por vez: document, phone, email, customerCode ou q.",
  });
export type ApiContactQuery = z.output<typeof apiContactQuery>;

const consentRecord = z.object({
  status: z.enum(consentStatuses),
  at: z.string().meta({ description: "Quando foi registrado (ISO 8601)." }),
  source: z.string().meta({ description: "Por onde foi registrado: form, import, api, live…" }),
  by: z.string().meta({ description: "Quem registrou." }),
});

/** A contact as the API answers it. */
export const apiContact = z
  .object({
    customerCode: z.string().meta({ description: "O código do cliente, a chave das integrações." }),
    name: z.string().meta({ description: "Nome completo ou razão social." }),
    document: z.string().meta({ description: "CPF (11) ou CNPJ (14), sem máscara." }),
    documentType: z.enum(documentTypes),
    priority: z.enum(priorities).meta({ description: "Alta, média ou baixa: ordena a fila de atendimento." }),
    tags: z.array(z.string()).meta({ description: "As hashtags, sem #, em minúsculas." }),
    phones: z.array(z.string()).meta({ description: "Em E.164: +5511987654321." }),
    emails: z.array(z.string()).meta({ description: "Em minúsculas." }),
    segments: z.array(z.object({ id: z.uuid(), name: z.string() })).meta({ description: "Os segmentos (carteiras) do contato, por nome." }),
    responsible: z
      .object({ id: z.uuid(), name: z.string(), email: z.string() })
      .nullable()
      .meta({ description: "O usuário responsável pelo contato, ou null." }),
    consent: z.partialRecord(z.enum(channels), consentRecord).meta({ description: "O consentimento registrado em cada canal (LGPD), se houver." }),
    version: z.int().meta({ description: "Muda a cada alteração; é o ETag. Envie-o em If-Match para não sobrescrever a alteração de outra pessoa." }),
    createdAt: z.iso.datetime({ offset: true }).meta({ description: "Quando foi criado." }),
    updatedAt: z.iso.datetime({ offset: true }).meta({ description: "Quando foi alterado pela última vez: é a ordem de updatedSince." }),
  })
  .meta({ id: "Contact" });
export type ApiContact = z.output<typeof apiContact>;

export const apiContactPage = z
  .object({
    data: z.array(apiContact),
    next: z.string().nullable().meta({ description: "A próxima página (URL), ou null na última." }),
  })
  .meta({ id: "ContactPage" });
