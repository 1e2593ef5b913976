import { z } from "zod";
import { parseDocument } from "@/lib/documents/document";
import { parsePhone } from "@/lib/phones/phone";
import { normalizeTags, tagProblem, TAGS_PER_CONTACT_MAX } from "@/lib/contacts/tags";
import { channelLabels, type Channel } from "@/lib/messages/channels";
import { idField } from "@/lib/sql/ids";
import { hasControlCharacters } from "@/lib/sql/values";
import { consentStatuses, type ConsentStatus } from "./consent-labels";
import { priorities, type Priority } from "./priority";

// Shared by the contact form, the CSV import and the API: client-safe, no server imports.

export { priorities, priorityLabels, type Priority } from "./priority";

export const contactFieldLabels = {
  name: "Nome",
  document: "CPF / CNPJ",
  customerCode: "Código do Cliente",
  responsibleUserId: "Responsável",
  tags: "Hashtags",
  priority: "Prioridade",
  segmentIds: "Segmentos",
  phones: "Telefones",
  emails: "E-mails",
  consent: "Consentimento (LGPD)",
} as const satisfies Record<string, string>;

export type ContactField = keyof typeof contactFieldLabels;

const NAME_MAX_LENGTH = 200;
const CUSTOMER_CODE_MAX_LENGTH = 64;
const EMAIL_MAX_LENGTH = 254;
// Caps per contact: every list page, export row and history entry carries these lists whole.
export const PHONES_PER_CONTACT_MAX = 10;
export const EMAILS_PER_CONTACT_MAX = 10;

export const emailAddress = z.email().max(EMAIL_MAX_LENGTH);

// Optional list fields arrive missing, null (API) or as arrays (form, import).
const optionalStringList = (message: string) =>
  z
    .array(z.string({ error: message }), { error: message })
    .nullish()
    .transform((list) => list ?? []);

function withoutBlanks(list: string[]): string[] {
  return list.map((entry) => entry.trim()).filter((entry) => entry !== "");
}

const name = z
  .string({ error: "Informe o nome." })
  .trim()
  .min(1, { error: "Informe o nome." })
  .max(NAME_MAX_LENGTH, { error: `O nome pode ter até ${NAME_MAX_LENGTH} caracteres.` })
  .refine((value) => !hasControlCharacters(value), { error: "O nome tem caracteres de controle: digite-o de novo." });

const documentField = z.string({ error: "Informe o CPF ou CNPJ." }).transform((raw, ctx) => {
  const parsed = parseDocument(raw);
  if (parsed.ok) return { document: parsed.document, type: parsed.type };
  ctx.addIssue({ code: "custom", message: parsed.message, input: raw });
  return z.NEVER;
});

export const customerCodeField = z
  .string({ error: "Informe o código do cliente." })
  .trim()
  .min(1, { error: "Informe o código do cliente." })
  .max(CUSTOMER_CODE_MAX_LENGTH, {
    error: `O código do cliente pode ter até ${CUSTOMER_CODE_MAX_LENGTH} caracteres.`,
  })
  .regex(/^\S*$/, { error: "O código do cliente não pode ter espaços." })
  .refine((value) => !hasControlCharacters(value), { error: "O código do cliente tem caracteres de controle: digite-o de novo." });

export const responsibleUserIdField = z
  .union([idField("Escolha um responsável válido."), z.literal(""), z.null()], {
    error: "Escolha um responsável válido.",
  })
  .optional()
  .transform((value) => value || null);

const priority = z
  .union([z.enum(priorities), z.literal(""), z.null()], {
    error: "Escolha a prioridade: Alta, Média ou Baixa.",
  })
  .optional()
  .transform((value): Priority => value || "medium");

export const segmentIdsField = z
  .array(idField("Segmento inválido."), {
    error: "Escolha segmentos válidos.",
  })
  .nullish()
  .transform((list) => [...new Set(list ?? [])]);

/** Past the cap, one message with the count (not one per entry) and the entries are not parsed. */
function overCap(count: number, max: number, noun: string, ctx: z.RefinementCtx) {
  if (count <= max) return false;
  ctx.addIssue({ code: "custom", message: `Um contato pode ter até ${max} ${noun}; você informou ${count}.`, input: count });
  return true;
}

// Per-entry problems are reported on the field itself (path ["tags"], not ["tags", 2]) and name
// the entry, so the form shows them next to the field and every bad entry is listed at once.
export const tagsField = optionalStringList("Informe as hashtags como texto.").transform((list, ctx) => {
  const normalized = normalizeTags(list);
  if (overCap(normalized.length, TAGS_PER_CONTACT_MAX, "hashtags", ctx)) return z.NEVER;
  for (const tag of normalized) {
    const problem = tagProblem(tag);
    if (problem) ctx.addIssue({ code: "custom", message: problem, input: tag });
  }
  return normalized;
});

const phones = optionalStringList("Informe os telefones como texto.").transform((list, ctx) => {
  const entries = withoutBlanks(list);
  if (overCap(entries.length, PHONES_PER_CONTACT_MAX, "telefones", ctx)) return z.NEVER;
  const parsed: string[] = [];
  for (const entry of entries) {
    const phone = parsePhone(entry);
    if (phone) parsed.push(phone);
    else ctx.addIssue({ code: "custom", message: `Telefone inválido: ${entry}`, input: entry });
  }
  return [...new Set(parsed)];
});

const emails = optionalStringList("Informe os e-mails como texto.").transform((list, ctx) => {
  const entries = withoutBlanks(list);
  if (overCap(entries.length, EMAILS_PER_CONTACT_MAX, "e-mails", ctx)) return z.NEVER;
  const parsed: string[] = [];
  for (const entry of entries) {
    const email = entry.toLowerCase();
    if (emailAddress.safeParse(email).success) parsed.push(email);
    else ctx.addIssue({ code: "custom", message: `E-mail inválido: ${entry}`, input: entry });
  }
  return [...new Set(parsed)];
});

/** Consent per channel as given: a status sets it, null clears it ("não informado"), a channel left out keeps what is stored. */
export type ConsentInput = Partial<Record<Channel, ConsentStatus | null>>;

// "" is the form's "Não informado".
const consentStatus = (channel: Channel) =>
  z
    .union([z.enum(consentStatuses), z.literal(""), z.null()], {
      error: `Consentimento (${channelLabels[channel]}): escolha Aceita, Não aceita ou Não informado.`,
    })
    .transform((status) => status || null)
    .optional();

// Unknown channels are refused rather than dropped: an API client's typo must not read as "keep".
const consent = z
  .strictObject(
    { whatsapp: consentStatus("whatsapp"), sms: consentStatus("sms"), email: consentStatus("email") },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `Consentimento: canal desconhecido (${issue.keys.join(", ")}); use whatsapp, sms ou email.`
          : "Informe o consentimento por canal: whatsapp, sms e email.",
    },
  )
  .nullish()
  .transform((given): ConsentInput => {
    const { whatsapp, sms, email } = given ?? {};
    return { ...(whatsapp !== undefined && { whatsapp }), ...(sms !== undefined && { sms }), ...(email !== undefined && { email }) };
  })
  .meta({
    description:
      "Consentimento (LGPD) por canal: granted (aceita), denied (não aceita) ou null (não informado: apaga). Um canal omitido mantém o registrado; sem consentimento aceito o contato não recebe mensagens pelo canal.",
  });

const contactFields = z.object(
  {
    name,
    document: documentField,
    customerCode: customerCodeField,
    responsibleUserId: responsibleUserIdField,
    tags: tagsField,
    priority,
    segmentIds: segmentIdsField,
    phones,
    emails,
    consent,
  },
  { error: "Envie os dados do contato." },
);

/** The one contact input schema: raw form/CSV/API values in, a normalized contact out. */
export const contactInput = contactFields
  // The document travels as one parsed value so that its type cannot drift from it.
  .transform(({ document: { document, type }, ...contact }) => ({
    ...contact,
    document,
    documentType: type,
  }));

/**
 * The same fields for an edit, where the document may be left out: the edit form shows it masked
 * and sends it only once revealed or replaced, and an edit without it keeps the stored one.
 */
export const contactUpdateInput = contactFields
  .partial({ document: true })
  .transform(({ document, ...contact }) => ({
    ...contact,
    ...(document && { document: document.document, documentType: document.type }),
  }));

/**
 * The same fields for one row of an import file, each optional: a row that updates a contact may
 * give only some of them. The import itself demands name, document and código to create one.
 */
export const contactImportInput = contactFields.partial();

export type ContactInput = z.output<typeof contactInput>;
export type ContactUpdateInput = z.output<typeof contactUpdateInput>;
export type RawContactInput = z.input<typeof contactInput>;
