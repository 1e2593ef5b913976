import "server-only";
import { and, desc, sql, type SQL } from "drizzle-orm";
import { stringify } from "csv-stringify/sync";
import type { PgColumn } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { contacts } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { formatDocument } from "@/lib/documents/document";
import { formatPhone } from "@/lib/phones/phone";
import { matching, withDefaults, type ContactListRequest } from "./contact-list";
import { priorityLabels } from "./priority";
import { responsibleName, segmentNames } from "./columns";

export type CsvSeparator = ";" | ",";

const batchSize = 5_000;

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
  if (!can(viewer.role, "contacts.export")) return null;
  const where = matching(viewer, withDefaults(request));
  const encoder = new TextEncoder();
  const toCsv = (rows: string[][]) => encoder.encode(stringify(rows, { delimiter: separator, record_delimiter: "\r\n" }));
  // The next batch is read while this one is formatted and sent: the database and the app work
  // at the same time, with at most two batches in memory. A failed read is kept, not thrown, until
  // the stream asks for it (an unhandled rejection would end the process).
  type Batch = { rows: Row[] } | { error: unknown };
  const read = (cursor: { createdAt: string; id: string } | null): Promise<Batch> =>
    readBatch(where, cursor).then((rows) => ({ rows }), (error: unknown) => ({ error }));
  let next: Promise<Batch> | null = null;

  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode("\uFEFF"));
      controller.enqueue(toCsv([header]));
      next = read(null);
    },
    async pull(controller) {
      const batch = await next!;
      if ("error" in batch) throw batch.error;
      const page = batch.rows;
      const last = page[page.length - 1];
      next = page.length === batchSize ? read({ createdAt: last.createdAtKey, id: last.id }) : null;
      if (page.length > 0) controller.enqueue(toCsv(page.map(toCells)));
      if (!next) controller.close();
    },
  });
}

// Lists and dates arrive as text, formatted by PostgreSQL: parsing arrays and timestamps into JS
// objects only to format them again was most of the export's time.
const joined = (list: SQL, separator: string) => sql<string>`array_to_string(${list}, ${separator})`;
const brasiliaTime = (column: PgColumn) =>
  sql<string>`to_char(${column} at time zone 'America/Sao_Paulo', 'DD/MM/YYYY, HH24:MI')`;

async function readBatch(where: ReturnType<typeof matching>, cursor: { createdAt: string; id: string } | null) {
  const after = cursor ? sql`(${contacts.createdAt}, ${contacts.id}) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)` : undefined;
  return getDb()
    .select({
      name: contacts.name,
      document: contacts.document,
      documentType: contacts.documentType,
      customerCode: contacts.customerCode,
      responsibleName,
      tags: joined(sql`array(select '#' || t from unnest(contacts.tags) t)`, " "),
      priority: contacts.priority,
      segmentNames: joined(segmentNames, ", "),
      phones: contacts.phones,
      emails: joined(sql`${contacts.emails}`, ", "),
      createdAt: brasiliaTime(contacts.createdAt),
      updatedAt: brasiliaTime(contacts.updatedAt),
      id: contacts.id,
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
    row.tags,
    priorityLabels[row.priority],
    row.segmentNames,
    row.phones.map(formatPhone).join(", "),
    row.emails,
    row.createdAt,
    row.updatedAt,
  ].map(neutralizeFormula);
}
