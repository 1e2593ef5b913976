import "server-only";
import { and, desc, sql } from "drizzle-orm";
import { stringify } from "csv-stringify/sync";
import { getDb } from "@/db/client";
import { contacts } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { formatDocument } from "@/lib/documents/document";
import { formatDateTime } from "@/lib/format/date";
import { formatPhone } from "@/lib/phones/phone";
import { matching, withDefaults, type ContactListRequest } from "./contact-list";
import { canExportContacts } from "./permissions";
import { priorityLabels } from "./priority";
import { responsibleName, segmentNames } from "./related-columns";

export type CsvSeparator = ";" | ",";

const batchSize = 2_000;

const header = [
  "Nome", "CPF / CNPJ", "Tipo de documento", "Código do Cliente", "Responsável", "Hashtags",
  "Prioridade", "Segmentos", "Telefones", "E-mails", "Criado em", "Atualizado em",
];

// A spreadsheet runs a cell that begins with one of these as a formula (CSV injection): a leading
// apostrophe makes it text, as OWASP recommends.
export function neutralizeFormula(cell: string) {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * The contacts matching the filters that the viewer may see, as CSV, streamed in keyset batches:
 * a million rows never sit in memory. UTF-8 with BOM and ";" by default, as Excel in Portuguese
 * expects. Null when the viewer may not export.
 */
export function exportContactsCsv(viewer: Viewer, request: ContactListRequest, separator: CsvSeparator = ";"): ReadableStream<Uint8Array> | null {
  if (!canExportContacts(viewer)) return null;
  const where = matching(viewer, withDefaults(request));
  const encoder = new TextEncoder();
  const toCsv = (rows: string[][]) => encoder.encode(stringify(rows, { delimiter: separator, record_delimiter: "\r\n" }));
  let cursor: { createdAt: string; id: string } | null = null;
  let started = false;

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode("\uFEFF"));
        controller.enqueue(toCsv([header]));
      }
      const page = await readBatch(where, cursor);
      if (page.length > 0) controller.enqueue(toCsv(page.map(toCells)));
      if (page.length < batchSize) return controller.close();
      const last = page[page.length - 1];
      cursor = { createdAt: last.createdAtKey, id: last.id };
    },
  });
}

async function readBatch(where: ReturnType<typeof matching>, cursor: { createdAt: string; id: string } | null) {
  const after = cursor ? sql`(${contacts.createdAt}, ${contacts.id}) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)` : undefined;
  return getDb()
    .select({
      id: contacts.id,
      name: contacts.name,
      document: contacts.document,
      documentType: contacts.documentType,
      customerCode: contacts.customerCode,
      responsibleName,
      tags: contacts.tags,
      priority: contacts.priority,
      segmentNames,
      phones: contacts.phones,
      emails: contacts.emails,
      createdAt: contacts.createdAt,
      updatedAt: contacts.updatedAt,
      createdAtKey: sql<string>`${contacts.createdAt}::text`,
    })
    .from(contacts)
    .where(and(...where, after))
    .orderBy(desc(contacts.createdAt), desc(contacts.id))
    .limit(batchSize);
}

type Row = Awaited<ReturnType<typeof readBatch>>[number];

function toCells(row: Row): string[] {
  return [
    row.name,
    formatDocument(row.document, row.documentType),
    row.documentType.toUpperCase(),
    row.customerCode,
    row.responsibleName ?? "",
    row.tags.map((t) => `#${t}`).join(" "),
    priorityLabels[row.priority],
    row.segmentNames.join(", "),
    row.phones.map(formatPhone).join(", "),
    row.emails.join(", "),
    formatDateTime(row.createdAt),
    formatDateTime(row.updatedAt),
  ].map(neutralizeFormula);
}
