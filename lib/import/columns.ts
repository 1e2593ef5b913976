import { foldText } from "@/lib/text/fold";
import type { ConsentStatus } from "@/lib/contacts/consent-labels";
import type { Priority } from "@/lib/contacts/priority";
import type { Channel } from "@/lib/messages/channels";

// Client-safe: the mapping screen suggests these, and the import reads values with them.

/** What a column of an import file can fill. */
export const importFields = [
  "name",
  "document",
  "customerCode",
  "responsible",
  "tags",
  "priority",
  "segments",
  "phones",
  "emails",
  "consentWhatsapp",
  "consentSms",
  "consentEmail",
] as const;
export type ImportField = (typeof importFields)[number];

export const importFieldLabels: Record<ImportField, string> = {
  name: "Nome",
  document: "CPF/CNPJ",
  customerCode: "Código do cliente",
  responsible: "Responsável (e-mail do usuário)",
  tags: "Hashtags",
  priority: "Prioridade",
  segments: "Segmentos",
  phones: "Telefones",
  emails: "E-mails",
  consentWhatsapp: "Consentimento WhatsApp",
  consentSms: "Consentimento SMS",
  consentEmail: "Consentimento E-mail",
};

/** The column that answers each channel's consent. */
export const consentImportFields = { whatsapp: "consentWhatsapp", sms: "consentSms", email: "consentEmail" } as const satisfies Record<Channel, ImportField>;

/** A header as compared: no accents, lower case, words joined by single spaces ("Código do  Cliente" → "codigo do cliente"). */
const headerKey = (header: string) => foldText(header).replace(/[^a-z0-9]+/g, " ").trim();

// The usual headers, in Portuguese and English, as headerKey writes them.
const aliases: Record<ImportField, string[]> = {
  name: ["nome", "nome completo", "razao social", "nome razao social", "cliente", "name", "full name", "company name"],
  document: ["cpf", "cnpj", "cpf cnpj", "cnpj cpf", "documento", "doc", "document", "tax id"],
  customerCode: ["codigo do cliente", "codigo cliente", "codigo", "cod cliente", "chave cliente", "chavecliente", "customer code", "code", "customer id"],
  responsible: ["responsavel", "email do responsavel", "e mail do responsavel", "responsible", "owner", "owner email"],
  tags: ["hashtags", "hashtag", "tags", "tag", "etiquetas"],
  priority: ["prioridade", "priority"],
  segments: ["segmentos", "segmento", "carteira", "segments", "segment"],
  phones: ["telefones", "telefone", "celular", "celulares", "whatsapp", "fone", "phones", "phone", "mobile"],
  emails: ["e mails", "e mail", "emails", "email", "mail"],
  consentWhatsapp: ["consentimento whatsapp", "consentimento do whatsapp", "opt in whatsapp", "whatsapp opt in", "consent whatsapp", "whatsapp consent"],
  consentSms: ["consentimento sms", "consentimento do sms", "opt in sms", "sms opt in", "consent sms", "sms consent"],
  consentEmail: [
    "consentimento e mail",
    "consentimento email",
    "consentimento do e mail",
    "opt in e mail",
    "opt in email",
    "e mail opt in",
    "email opt in",
    "consent e mail",
    "consent email",
    "e mail consent",
    "email consent",
  ],
};
const fieldOfHeader = new Map(Object.entries(aliases).flatMap(([field, keys]) => keys.map((key) => [key, field as ImportField])));

/**
 * The field each column of the header probably fills, or null: each field at most once, to its
 * first column (a second "Telefone" column is left for the person mapping the file to choose).
 */
export function suggestMapping(headers: string[]): (ImportField | null)[] {
  const taken = new Set<ImportField>();
  return headers.map((header) => {
    const field = fieldOfHeader.get(headerKey(header)) ?? null;
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

const priorityWords: Record<string, Priority> = { alta: "high", high: "high", media: "medium", medium: "medium", baixa: "low", low: "low" };

/** A priority as files write it: Alta/Média/Baixa, with or without accents, or high/medium/low; null when it is none of them. */
export function parseImportPriority(value: string): Priority | null {
  return priorityWords[foldText(value.trim())] ?? null;
}

// Words compared as headers are: "Não aceita", "nao-aceita" and "NÃO ACEITA" are one answer.
const consentWords = new Map<string, ConsentStatus>([
  ...["sim", "s", "aceita", "aceito", "true", "1", "opt in", "optin"].map((word): [string, ConsentStatus] => [word, "granted"]),
  ...["nao", "n", "nao aceita", "nao aceito", "false", "0", "opt out", "optout"].map((word): [string, ConsentStatus] => [word, "denied"]),
]);

/** The words a consent cell may hold, for the row error that refuses another one. */
export const consentWordsHint = "sim ou não (também aceita/não aceita, s/n, true/false, 1/0, opt-in/opt-out)";

/** A consent answer as files write it (sim/não, aceita/não aceita, s/n, true/false, 1/0, opt-in/opt-out); null when it is none of them. */
export function parseImportConsent(value: string): ConsentStatus | null {
  return consentWords.get(headerKey(value)) ?? null;
}

/** Hashtags in one cell, separated by `,`, `|`, `;` or spaces; a leading # is optional. */
export const splitTags = (value: string) => value.split(/[\s,|;]+/).map((tag) => tag.replace(/^#+/, "")).filter(Boolean);

/** Segment names in one cell, separated by `,` or `|` (names hold spaces: "Varejo SP"). */
export const splitSegments = (value: string) => value.split(/[,|]/).map((name) => name.trim()).filter(Boolean);
