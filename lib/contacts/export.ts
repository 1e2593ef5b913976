import "server-only";
import { and, sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { stringify } from "csv-stringify/sync";
import { escapeLiteral } from "pg";
import { to as copyTo } from "pg-copy-streams";
import { getDb, getPool, rowsOf } from "@/db/client";
import { logFailure } from "@/lib/actions/log-failure";
import { recordAudit } from "@/lib/audit/audit";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { filtersToSearchParams, type ContactFilters } from "./contact-filters";
import { matching, withDefaults, type ContactListRequest } from "./contact-list";
import { activeFilters } from "./filter-labels";
import { filterNames } from "./filter-names";
import { priorityLabels } from "./priority";

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
  if (!can(viewer.role, "contacts.export")) return null;
  const filters = withDefaults(request);
  const where = matching(viewer, filters);
  const rows = (path === "copy" ? copyRows : batchedRows)(viewer.organizationId, where, separator);
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
        // The COPY's text holds the filters' values inline: log the code only, never the error.
        logFailure("exportContactsCsv", error);
        throw new Error("The export stopped: the database refused the query.");
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
  const names = await filterNames(viewer, filters);
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

/**
 * A spreadsheet runs a cell that begins with one of these as a formula (CSV injection): a leading
 * apostrophe makes it text, as OWASP recommends. Empty cells become NULL, which COPY writes as
 * nothing (an empty string it would write as ""). `ascii` is the code of the first character.
 */
const formulaStarts = sql.raw(["=", "+", "-", "@", "\t", "\r"].map((c) => c.charCodeAt(0)).join(", "));
const cell = (text: SQL) => sql`case when ascii(${text}) in (${formulaStarts}) then '''' || ${text} else nullif(${text}, '') end`;

const formattedDocument = sql`case r.document_type
  when 'cpf' then concat(substr(r.document, 1, 3), '.', substr(r.document, 4, 3), '.', substr(r.document, 7, 3), '-', substr(r.document, 10, 2))
  else concat(substr(r.document, 1, 2), '.', substr(r.document, 3, 3), '.', substr(r.document, 6, 3), '/', substr(r.document, 9, 4), '-', substr(r.document, 13, 2))
  end`;

// Stored phones are E.164: a Brazilian one is +55, 2 digits of area code and 8 or 9 digits, written
// "(11) 98765-4321" as formatPhone writes it. Others stay in E.164 (formatting them takes
// libphonenumber's metadata). String functions, not a regular expression: 5× cheaper here.
const formattedPhones = sql`array_to_string(array(select case
    when left(p, 3) <> '+55' then p
    when length(p) = 13 then concat('(', substr(p, 4, 2), ') ', substr(p, 6, 4), '-', substr(p, 10, 4))
    when length(p) = 14 then concat('(', substr(p, 4, 2), ') ', substr(p, 6, 5), '-', substr(p, 11, 4))
    else p end
  from unnest(r.phones) p), ', ')`;

const priorityLabel = sql`case r.priority ${sql.join(
  Object.entries(priorityLabels).map(([priority, label]) => sql`when ${priority} then ${label}`),
  sql` `,
)} end`;

const brasiliaTime = (column: SQL) => sql`to_char(${column} at time zone 'America/Sao_Paulo', 'DD/MM/YYYY, HH24:MI')`;

type Cursor = { createdAt: string; id: string };

/**
 * The export's rows, newest first; a page of them (with their keyset) when `page` is given. The
 * matching contacts are read once, in order, then joined to their responsável and to their segment
 * names, aggregated in one pass: per-row subqueries made it 2-3× slower at 100k rows.
 */
function exportQuery(organizationId: string, where: SQL[], page?: { after: Cursor | null }): SQL {
  const after = page?.after
    ? sql`(contacts.created_at, contacts.id) < (${page.after.createdAt}::timestamptz, ${page.after.id}::uuid)`
    : undefined;
  return sql`with matched as materialized (
      select contacts.id, contacts.created_at, contacts.updated_at, contacts.name, contacts.document, contacts.document_type,
        contacts.customer_code, contacts.responsible_user_id, contacts.tags, contacts.priority, contacts.phones, contacts.emails
      from contacts
      where ${and(...where, after)}
      order by contacts.created_at desc, contacts.id desc
      ${page ? sql`limit ${batchSize}` : sql``}
    )
    select
      ${cell(sql`r.name`)} as c1,
      ${formattedDocument} as c2,
      upper(r.document_type) as c3,
      ${cell(sql`r.customer_code`)} as c4,
      ${cell(sql`responsible.name`)} as c5,
      case when cardinality(r.tags) > 0 then '#' || array_to_string(r.tags, ' #') end as c6,
      ${priorityLabel} as c7,
      ${cell(sql`segment_names.names`)} as c8,
      ${cell(formattedPhones)} as c9,
      ${cell(sql`array_to_string(r.emails, ', ')`)} as c10,
      ${brasiliaTime(sql`r.created_at`)} as c11,
      ${brasiliaTime(sql`r.updated_at`)} as c12
      ${page ? sql`, r.created_at::text as key, r.id` : sql``}
    from matched r
    left join users responsible on responsible.organization_id = ${organizationId}::uuid and responsible.id = r.responsible_user_id
    left join (
      select cs.contact_id, string_agg(s.name, ', ' order by s.name) as names
      from contact_segments cs
      join segments s on s.organization_id = cs.organization_id and s.id = cs.segment_id
      where cs.organization_id = ${organizationId}::uuid and cs.contact_id in (select id from matched)
      group by cs.contact_id
    ) segment_names on segment_names.contact_id = r.id
    order by r.created_at desc, r.id desc`;
}

type ExportRow = Record<`c${number}`, string | null> & { key: string; id: string };
const cellNames = header.map((_, i) => `c${i + 1}` as const);

/** Keyset pages of the export query, each written as CSV here; returns the number of rows. */
async function* batchedRows(organizationId: string, where: SQL[], separator: CsvSeparator): AsyncGenerator<Uint8Array, number> {
  const encoder = new TextEncoder();
  let count = 0;
  let after: Cursor | null = null;
  for (;;) {
    const rows: ExportRow[] = rowsOf<ExportRow>(await getDb().execute(exportQuery(organizationId, where, { after })));
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
async function* copyRows(organizationId: string, where: SQL[], separator: CsvSeparator): AsyncGenerator<Uint8Array, number> {
  const pool = getPool();
  if (!pool) throw new Error("COPY … TO STDOUT needs PostgreSQL: PGlite exports in batches.");
  const query = inlineLiterals.sqlToQuery(exportQuery(organizationId, where).inlineParams()).sql;
  const client = await pool.connect();
  let finished = false;
  try {
    // JIT compiling this query's many expressions costs more than it saves (measured at 100k rows:
    // 1.8 s of 4.9 s); off for this transaction only.
    await client.query("begin read only; set local jit = off");
    const copy = client.query(copyTo(`copy (${query}) to stdout with (format csv, delimiter ${escapeLiteral(separator)})`));
    for await (const chunk of copy) yield chunk as Uint8Array;
    // Queries run in turn: once the commit is answered, the server's "COPY n" has set rowCount.
    await client.query("commit");
    finished = true;
    return copy.rowCount;
  } finally {
    // A COPY left midway (download cancelled, error) keeps its connection busy: close it rather than
    // give it back to the pool.
    client.release(!finished);
  }
}
