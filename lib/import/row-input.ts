import { contactImportInput, type ConsentInput } from "@/lib/contacts/contact-input";
import type { DocumentType } from "@/lib/documents/document";
import type { Priority } from "@/lib/contacts/priority";
import { foldText } from "@/lib/text/fold";
import { channels } from "@/lib/messages/channels";
import { consentImportFields, consentWordsHint, importFieldLabels, parseImportConsent, parseImportPriority, splitSegments, splitTags, type ImportField } from "./columns";
import { spreadsheetDamage } from "./excel-damage";
import type { ImportSettings } from "./settings";

// One data row of a file → the values of a contact, through the contact form's own schema
// (contactImportInput), or the reason it is refused, in Portuguese, as the error file shows it.

/** A segment or user the file may name, and whether the importer may put contacts there / make them responsável. */
export type Named = { id: string; allowed: boolean };

export type RowContext = {
  settings: ImportSettings;
  /** The organization's segments in use, by folded name. */
  segmentsByName: Map<string, Named>;
  /** The organization's active users, by lower-cased e-mail. */
  usersByEmail: Map<string, Named>;
};

/** A row as the import stores it: only the fields the file gave (`given`), normalized. */
export type RowValues = {
  key: string | null;
  given: ImportField[];
  name?: string;
  document?: string;
  documentType?: DocumentType;
  customerCode?: string;
  responsibleUserId?: string | null;
  tags?: string[];
  priority?: Priority;
  phones?: string[];
  emails?: string[];
  /** The channels whose consent column has an answer (a blank cell keeps the stored one). */
  consent?: ConsentInput;
  segmentIds: string[];
  error: string | null;
};

const splitList = (value: string) => value.split(/[,;|]/).map((v) => v.trim()).filter(Boolean);
const splitEmails = (value: string) => value.split(/[\s,;|]+/).filter(Boolean);

export function readRow(cells: string[], context: RowContext): RowValues {
  const { settings } = context;
  const cellOf = new Map<ImportField, string>();
  settings.mapping.forEach((field, i) => {
    const cell = (cells[i] ?? "").trim();
    if (field && cell !== "") cellOf.set(field, cell);
  });
  const errors: string[] = [];
  const raw: Record<string, unknown> = {};

  for (const field of ["document", "customerCode"] as const) {
    const cell = cellOf.get(field);
    const damage = cell === undefined ? null : spreadsheetDamage(cell, field);
    if (damage) errors.push(damage);
    else if (cell !== undefined) raw[field] = cell;
  }
  if (cellOf.has("name")) raw.name = cellOf.get("name");
  if (cellOf.has("tags")) raw.tags = splitTags(cellOf.get("tags")!);
  if (cellOf.has("phones")) raw.phones = splitList(cellOf.get("phones")!);
  if (cellOf.has("emails")) raw.emails = splitEmails(cellOf.get("emails")!);
  if (cellOf.has("priority")) {
    const cell = cellOf.get("priority")!;
    const priority = parseImportPriority(cell);
    if (priority) raw.priority = priority;
    else errors.push(`Prioridade “${cell}” inválida: use Alta, Média ou Baixa.`);
  }
  const consent: ConsentInput = {};
  for (const channel of channels) {
    const field = consentImportFields[channel];
    const cell = cellOf.get(field);
    if (cell === undefined) continue;
    const status = parseImportConsent(cell);
    if (status) consent[channel] = status;
    else errors.push(`${importFieldLabels[field]} “${cell}” inválido: use ${consentWordsHint}.`);
  }
  if (Object.keys(consent).length > 0) raw.consent = consent;

  const segmentIds: string[] = [];
  for (const name of splitSegments(cellOf.get("segments") ?? "")) {
    const segment = context.segmentsByName.get(foldText(name));
    if (!segment) errors.push(`Segmento “${name}” não existe.`);
    else if (!segment.allowed) errors.push(`Segmento “${name}” não é da sua carteira.`);
    else segmentIds.push(segment.id);
  }
  if (settings.segmentId) segmentIds.push(settings.segmentId);

  let responsible: string | null | undefined;
  if (settings.responsibleUserId) {
    responsible = settings.responsibleUserId;
  } else if (cellOf.has("responsible")) {
    const email = cellOf.get("responsible")!;
    const user = context.usersByEmail.get(email.toLowerCase());
    if (!user) errors.push(`Responsável “${email}” não é um usuário ativo.`);
    else if (!user.allowed) errors.push(`Você não pode definir “${email}” como responsável.`);
    else responsible = user.id;
  }
  if (responsible !== undefined) raw.responsibleUserId = responsible;
  if (segmentIds.length > 0) raw.segmentIds = segmentIds;

  const parsed = contactImportInput.safeParse(raw);
  if (!parsed.success) errors.push(...parsed.error.issues.map((issue) => issue.message));
  const given = [...cellOf.keys()];
  if (settings.responsibleUserId && !given.includes("responsible")) given.push("responsible");

  const keyCell = settings.key === "customerCode" ? parsed.data?.customerCode : parsed.data?.document?.document;
  if (!cellOf.has(settings.key)) {
    errors.unshift(`Informe ${settings.key === "customerCode" ? "o código do cliente" : "o CPF/CNPJ"}: é a chave da importação.`);
  }
  if (errors.length > 0 || !parsed.data) {
    return { key: keyCell ?? null, given, segmentIds: [], error: [...new Set(errors)].join(" ") };
  }
  const values = parsed.data;
  return {
    key: keyCell ?? null,
    given,
    name: values.name,
    document: values.document?.document,
    documentType: values.document?.type,
    customerCode: values.customerCode,
    responsibleUserId: values.responsibleUserId,
    tags: values.tags,
    priority: values.priority,
    phones: values.phones,
    emails: values.emails,
    consent: values.consent,
    segmentIds: values.segmentIds ?? [],
    error: null,
  };
}
