// The import benchmark's floor (issue 12): what a DBA would run to load the same file into the same
// schema, with nothing of the app in between. The CSV is COPYed as it is into an UNLOGGED staging
// table of text columns; then ONE statement parses the cells (masks, phones to E.164, hashtags,
// priority words, segment names to ids), drops the rows a plain check refuses (the file's invalid
// rows are made so that it refuses exactly them), upserts the contacts on (organization, código)
// (an existing contact is written only when a field differs) and inserts their segment links; then
// one history row per contact written. All in one transaction, every index, trigger and foreign key
// of the schema in place, as the app has them.
import { openAsBlob } from "node:fs";
import { createReadStream } from "node:fs";
import { randomUUID } from "node:crypto";
import { pipeline } from "node:stream/promises";
import type { PGlite } from "@electric-sql/pglite";
import type { Client } from "pg";
import { from as copyFrom } from "pg-copy-streams";

/** One connection to the floor's database: plain queries, and a CSV file COPYed into a table. */
export type FloorConnection = {
  query: (text: string, values?: unknown[]) => Promise<Record<string, unknown>[]>;
  copyCsv: (table: string, file: string) => Promise<void>;
};

const csvOptions = "(format csv, delimiter ';', header true, encoding 'UTF8')";

export function postgresFloor(client: Client): FloorConnection {
  return {
    query: async (text, values) => (await client.query(text, values)).rows,
    copyCsv: async (table, file) => {
      await pipeline(createReadStream(file), client.query(copyFrom(`copy ${table} from stdin with ${csvOptions}`)));
    },
  };
}

/** PGlite has no COPY FROM STDIN over a wire: its COPY reads the file given as a blob. */
export function pgliteFloor(client: PGlite): FloorConnection {
  return {
    query: async (text, values) => (await client.query<Record<string, unknown>>(text, values)).rows,
    copyCsv: async (table, file) => {
      await client.query(`copy ${table} from '/dev/blob' with ${csvOptions}`, [], { blob: await openAsBlob(file) });
    },
  };
}

export type FloorResult = { copySeconds: number; mergeSeconds: number; historySeconds: number; created: number; updated: number };

const staging = "import_staging";

// $1 organization, $2 the user writing. Cells as the file writes them; a null cell is an empty one.
const merge = `
with parsed as (
  select trim(s.nome) as name,
    upper(regexp_replace(s.documento, '[\\s./-]', '', 'g')) as document,
    trim(s.codigo) as customer_code,
    array(select '+55' || regexp_replace(p, '\\D', '', 'g') from unnest(string_to_array(s.telefones, ',')) p) as phones,
    array(select lower(trim(e)) from unnest(string_to_array(s.emails, ',')) e) as emails,
    array(select lower(ltrim(t, '#')) from unnest(string_to_array(s.hashtags, ' ')) t where t <> '') as tags,
    case lower(coalesce(s.prioridade, 'média')) when 'alta' then 'high' when 'média' then 'medium' when 'media' then 'medium' when 'baixa' then 'low' end as priority,
    coalesce(cardinality(string_to_array(s.segmentos, '|')), 0) as segments_named,
    array(select g.id from unnest(string_to_array(s.segmentos, '|')) n
      join segments g on g.organization_id = $1 and g.name = trim(n) and g.archived_at is null order by g.id) as segment_ids
  from ${staging} s),
valid as (
  select * from parsed
  where length(document) in (11, 14) and priority is not null and cardinality(segment_ids) = segments_named
    and not exists (select 1 from unnest(emails) e where e !~ '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$')),
written as (
  insert into contacts as c (organization_id, name, document, document_type, customer_code, tags, priority, phones, emails, segment_ids, updated_by_user_id)
  select $1, name, document, case when length(document) = 11 then 'cpf' else 'cnpj' end, customer_code, tags, priority, phones, emails, segment_ids, $2
  from valid
  on conflict (organization_id, customer_code) do update set
    name = excluded.name, tags = excluded.tags, priority = excluded.priority, phones = excluded.phones, emails = excluded.emails,
    segment_ids = array(select distinct x from unnest(c.segment_ids || excluded.segment_ids) x order by x),
    version = c.version + 1, updated_at = now(), updated_by_user_id = excluded.updated_by_user_id
  where (c.name, c.tags, c.priority, c.phones, c.emails) is distinct from (excluded.name, excluded.tags, excluded.priority, excluded.phones, excluded.emails)
    or not (excluded.segment_ids <@ c.segment_ids)
  returning c.id, c.segment_ids, c.version = 1 as created),
linked as (
  insert into contact_segments (organization_id, contact_id, segment_id)
  select $1, w.id, s from written w, unnest(w.segment_ids) s
  on conflict do nothing)
select count(*) filter (where created)::int as created, count(*) filter (where not created)::int as updated from written`;

// Every contact this transaction wrote has updated_at = now(), the transaction's start.
const history = `
insert into contact_history (organization_id, contact_id, actor_user_id, actor_name, source, action, changes, batch_id)
select c.organization_id, c.id, $2, 'Floor', 'import', case when c.version = 1 then 'create' else 'update' end,
  jsonb_build_array(jsonb_build_object('field', 'name', 'to', c.name), jsonb_build_object('field', 'document', 'to', c.document),
    jsonb_build_object('field', 'customerCode', 'to', c.customer_code), jsonb_build_object('field', 'tags', 'to', c.tags),
    jsonb_build_object('field', 'priority', 'to', c.priority), jsonb_build_object('field', 'phones', 'to', c.phones),
    jsonb_build_object('field', 'emails', 'to', c.emails), jsonb_build_object('field', 'segments', 'to', c.segment_ids)),
  $3::uuid
from contacts c where c.organization_id = $1 and c.updated_at = now()`;

export async function prepareFloor(db: FloorConnection) {
  await db.query(`create unlogged table if not exists ${staging} (nome text, documento text, codigo text, telefones text, emails text, hashtags text, prioridade text, segmentos text)`);
}

/** Loads `file` into the organization as the DBA would; each step timed. */
export async function runFloor(db: FloorConnection, file: string, organizationId: string, userId: string): Promise<FloorResult> {
  await db.query(`truncate ${staging}`);
  await db.query("begin");
  try {
    let started = performance.now();
    await db.copyCsv(staging, file);
    const copySeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const [counts] = (await db.query(merge, [organizationId, userId])) as { created: number; updated: number }[];
    const mergeSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    await db.query(history, [organizationId, userId, randomUUID()]);
    await db.query("commit");
    const historySeconds = (performance.now() - started) / 1000;
    return { copySeconds, mergeSeconds, historySeconds, ...counts };
  } catch (error) {
    await db.query("rollback");
    throw error;
  } finally {
    await db.query(`truncate ${staging}`);
  }
}
