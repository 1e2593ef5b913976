import "server-only";
import { and, sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { stringify } from "csv-stringify/sync";
import { escapeLiteral } from "pg";
import { to as copyTo } from "pg-copy-streams";
import { getDb, getPool, rowsOf } from "@/db/client";
import { recordAudit } from "@/lib/audit/audit";
import type { Viewer } from "@/lib/auth/viewer";
import { listAssignableSegments } from "@/lib/segments/queries";
import { listResponsibleFilterOptions } from "@/lib/users/queries";
import { filtersToSearchParams, type ContactFilters } from "./contact-filters";
import { matching, withDefaults, type ContactListRequest } from "./contact-list";
import { activeFilters } from "./filter-labels";
import { canExportContacts } from "./permissions";
import { priorityLabels } from "./priority";
import { responsibleName, segmentNames } from "./columns";

export type CsvSeparator = ";" | ",";

/**
 * How the rows leave the database. "copy": one `COPY (…) TO STDOUT` on a connection of its own,
 * PostgreSQL writing the CSV itself. "batches": keyset pages of the same query, written as CSV
 * here — PGlite has no COPY TO STDOUT over the wire. Both give the same bytes (export.db.test.ts).
 */
export type ExportPath = "copy" | "batches";

const header = [
  "Nome", "CPF / CNPJ", "Tipo de documento", "Código do Cliente", "Responsável", "Hashtags",
  "Prioridade", "Segmentos", "Telefones", "E-mails", "Criado em", "Atualizado em",
];

const batchSize = 5_000;

/**
 * The contacts matching the filters that the viewer may see, as CSV (UTF-8 with BOM and ";" by
 * default, as Excel in Portuguese expects), streamed: a million rows never sit in memory. Null when
 * the viewer may not export. Every export is recorded in the audit log once its stream ends,
 * finished or interrupted (see recordExport).
 */
export function exportContactsCsv(
  viewer: Viewer,
  request: ContactListRequest,
  separator: CsvSeparator = ";",
  path: ExportPath = getPool() ? "copy" : "batches",
): ReadableStream<Uint8Array> | null {
  if (!canExportContacts(viewer)) return null;
  const filters = withDefaults(request);
  const where = matching(viewer, filters);
  const rows = path === "copy" ? copyRows(where, separator) : batchedRows(where, separator);
  const encoder = new TextEncoder();
  // Rows handed to the response so far, for an export that ends early. Lines, in fact: a cell
  // holding a line break would count twice.
  let lines = 0;
  let ended = false;
  const end = (rowCount: number, completed: boolean) => {
    ended = true;
    return recordExport(viewer, filters, separator, rowCount, completed);
  };

  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csv([header], separator)}`));
    },
    async pull(controller) {
      let next: IteratorResult<Uint8Array, number>;
      try {
        next = await rows.next();
      } catch (error) {
        if (!ended) await end(lines, false);
        throw error;
      }
      if (ended) return; // cancelled while this chunk was on its way
      if (next.done) {
        // The audit row exists before the download is complete: no finished export goes unrecorded.
        await end(next.value, true);
        controller.close();
      } else {
        lines += countLines(next.value);
        controller.enqueue(next.value);
      }
    },
    // The download was aborted: the COPY's connection is closed and the export recorded as interrupted.
    async cancel() {
      if (ended) return;
      const recorded = end(lines, false);
      await rows.return(0);
      await recorded;
    },
  });
}

/** One audit row per export: who (the entry's actor), which contacts, how many rows, which separator. */
async function recordExport(viewer: Viewer, filters: ContactFilters, separator: CsvSeparator, rows: number, completed: boolean) {
  const [segments, responsibles] = await Promise.all([listAssignableSegments(viewer), listResponsibleFilterOptions(viewer)]);
  const names = { segments: new Map(segments.map((s) => [s.id, s.name])), responsibles: new Map(responsibles.map((u) => [u.id, u.name])) };
  const labels = [...(filters.q ? [`Busca: ${filters.q}`] : []), ...activeFilters(filters, names).map((f) => f.label)];
  await recordAudit(getDb(), viewer, {
    action: "contacts.export",
    targetId: null,
    targetLabel: labels.join("; ") || "Sem filtros",
    details: {
      // The list's URL query: /contacts?<query> shows the same set again.
      query: filtersToSearchParams({ ...filters, sort: undefined, size: undefined, after: undefined, before: undefined }).toString(),
      filters: labels,
      rows,
      separator,
      completed,
    },
  });
}

/** Rows as CSV the way PostgreSQL's COPY writes them: "\n" after each row, NULL as an empty cell. */
function csv(rows: (string | null)[][], separator: CsvSeparator) {
  return stringify(rows, { delimiter: separator, record_delimiter: "\n" });
}

function countLines(bytes: Uint8Array) {
  let count = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) count++;
  return count;
}

// The export's columns, formatted by PostgreSQL for both paths, so that they cannot differ.
// The inner query reads each contact once (responsável and segments are subqueries); the outer one
// formats, referring to the inner columns by name so no subquery runs twice.

const brasiliaTime = (column: SQL) => sql`to_char(${column} at time zone 'America/Sao_Paulo', 'DD/MM/YYYY, HH24:MI')`;

/**
 * A spreadsheet runs a cell that begins with one of these as a formula (CSV injection): a leading
 * apostrophe makes it text, as OWASP recommends. Empty cells become NULL, which COPY writes as
 * nothing (an empty string it would write as "").
 */
const cell = (text: SQL) =>
  sql`case when left(${text}, 1) in ('=', '+', '-', '@', chr(9), chr(13)) then '''' || ${text} else nullif(${text}, '') end`;

const formattedDocument = sql`case r.document_type
  when 'cpf' then substr(r.document, 1, 3) || '.' || substr(r.document, 4, 3) || '.' || substr(r.document, 7, 3) || '-' || substr(r.document, 10, 2)
  else substr(r.document, 1, 2) || '.' || substr(r.document, 3, 3) || '.' || substr(r.document, 6, 3) || '/' || substr(r.document, 9, 4) || '-' || substr(r.document, 13, 2)
  end`;

const priorityLabel = sql`case r.priority ${sql.join(
  Object.entries(priorityLabels).map(([priority, label]) => sql`when ${priority} then ${label}`),
  sql` `,
)} end`;

// Brazilian numbers as "(11) 98765-4321", like formatPhone; others stay in E.164. One regular
// expression over the joined list instead of one per phone; given as values, so their backslashes
// are never read as string escapes.
const formattedPhones = sql`regexp_replace(array_to_string(contacts.phones, ', '), ${String.raw`\+55(\d{2})(\d{4,5})(\d{4})(?=,|$)`}, ${String.raw`(\1) \2-\3`}, 'g')`;

type Cursor = { createdAt: string; id: string };

/** The export's rows, newest first; a page of them (with their keyset) when `page` is given. */
function exportQuery(where: SQL[], page?: { after: Cursor | null }): SQL {
  const after = page?.after
    ? sql`(contacts.created_at, contacts.id) < (${page.after.createdAt}::timestamptz, ${page.after.id}::uuid)`
    : undefined;
  return sql`select
      ${cell(sql`r.name`)} as c1,
      ${formattedDocument} as c2,
      upper(r.document_type) as c3,
      ${cell(sql`r.customer_code`)} as c4,
      ${cell(sql`r.responsible`)} as c5,
      case when cardinality(r.tags) > 0 then '#' || array_to_string(r.tags, ' #') end as c6,
      ${priorityLabel} as c7,
      ${cell(sql`r.segments`)} as c8,
      ${cell(sql`r.phones`)} as c9,
      ${cell(sql`r.emails`)} as c10,
      ${brasiliaTime(sql`r.created_at`)} as c11,
      ${brasiliaTime(sql`r.updated_at`)} as c12
      ${page ? sql`, r.created_at::text as key, r.id` : sql``}
    from (
      select contacts.id, contacts.created_at, contacts.updated_at, contacts.name, contacts.document, contacts.document_type,
        contacts.customer_code, ${responsibleName} as responsible, contacts.tags, contacts.priority,
        array_to_string(${segmentNames}, ', ') as segments, ${formattedPhones} as phones,
        array_to_string(contacts.emails, ', ') as emails
      from contacts
      where ${and(...where, after)}
      order by contacts.created_at desc, contacts.id desc
      ${page ? sql`limit ${batchSize}` : sql``}
    ) r
    order by r.created_at desc, r.id desc`;
}

type ExportRow = Record<`c${number}`, string | null> & { key: string; id: string };
const cellNames = header.map((_, i) => `c${i + 1}` as const);

/** Keyset pages of the export query, each written as CSV here; returns the number of rows. */
async function* batchedRows(where: SQL[], separator: CsvSeparator): AsyncGenerator<Uint8Array, number> {
  const encoder = new TextEncoder();
  let count = 0;
  let after: Cursor | null = null;
  for (;;) {
    const rows: ExportRow[] = rowsOf<ExportRow>(await getDb().execute(exportQuery(where, { after })));
    count += rows.length;
    if (rows.length > 0) yield encoder.encode(csv(rows.map((row) => cellNames.map((name) => row[name])), separator));
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return count;
    after = { createdAt: last.key, id: last.id };
  }
}

// COPY takes no bind parameters: its query goes with every value inlined as a literal, quoted by
// pg's escapeLiteral (safe whatever standard_conforming_strings says).
class InlineLiteralsDialect extends PgDialect {
  override escapeString(value: string) {
    return escapeLiteral(value);
  }
}
const inlineLiterals = new InlineLiteralsDialect();

/** The export query through `COPY … TO STDOUT` on a pool client of its own; returns the number of rows. */
async function* copyRows(where: SQL[], separator: CsvSeparator): AsyncGenerator<Uint8Array, number> {
  const pool = getPool();
  if (!pool) throw new Error("COPY … TO STDOUT needs PostgreSQL: PGlite exports in batches.");
  const query = inlineLiterals.sqlToQuery(exportQuery(where).inlineParams()).sql;
  const client = await pool.connect();
  let finished = false;
  try {
    // The row count arrives with the server's "COPY n", after the data: "drain" says the query is over.
    const over = new Promise<void>((resolve) => client.once("drain", resolve));
    const copy = client.query(copyTo(`copy (${query}) to stdout with (format csv, delimiter ${escapeLiteral(separator)})`));
    for await (const chunk of copy) yield chunk as Uint8Array;
    await over;
    finished = true;
    return copy.rowCount;
  } finally {
    // A COPY left midway (download cancelled, error) keeps its connection busy: close it rather than
    // give it back to the pool.
    client.release(!finished);
  }
}
