import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Transaction } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { consentAfter } from "@/lib/contacts/consent";
import { consentHistoryField } from "@/lib/contacts/consent-labels";
import { contactVisibleTo } from "@/lib/contacts/visibility";
import { channels } from "@/lib/messages/channels";
import * as writer from "@/lib/contacts/writer";
import { textArray, uuidArray } from "@/lib/sql/arrays";
import { leavesCarteiraMessage } from "@/lib/contacts/permissions";
import { TAGS_PER_CONTACT_MAX } from "@/lib/contacts/tags";
import type { ImportSettings, UpdatableField } from "./settings";
import { stagedConsent } from "./staged-consent";

// The set-based heart of the import: a chunk of staged rows (import_rows) is sorted against the
// contacts — create, update, unchanged or failed, with the reason — and then written through the
// contact writer, a few statements per chunk whatever its size. The dry run sorts the same way
// and writes nothing.

export type ImportRef = { organizationId: string; id: string; settings: ImportSettings };

/** The rows of one chunk: lines (after, upTo] of the import still in `state`. */
export function chunkRows(ref: ImportRef, after: number, upTo: number, state: SQL = sql`'pending'`): SQL {
  return sql`r.organization_id = ${ref.organizationId}::uuid and r.import_id = ${ref.id}::uuid
    and r.line > ${after} and r.line <= ${upTo} and r.state = ${state}`;
}

/** The last line of the next chunk of `size` rows in `states` after `after`, or null when none is left. */
export async function nextChunkEnd(tx: Transaction, ref: ImportRef, after: number, size: number, states: string[]): Promise<number | null> {
  const [row] = rowsOf<{ last: number | null }>(
    await tx.execute(sql`
      select max(line) as last from (
        select line from import_rows
        where organization_id = ${ref.organizationId}::uuid and import_id = ${ref.id}::uuid and line > ${after}
          and state in (${sql.join(states.map((s) => sql`${s}`), sql`, `)})
        order by line limit ${size}) c`),
  );
  return row?.last === null || row?.last === undefined ? null : Number(row.last);
}

const keyColumn = (ref: ImportRef) => sql.raw(ref.settings.key === "customerCode" ? "customer_code" : "document");

// The contact's columns an import writes, and how each is named in history and in `before`.
const columns: Record<UpdatableField, { column: string; empty: string }> = {
  name: { column: "name", empty: "= ''" },
  document: { column: "document", empty: "= ''" },
  customerCode: { column: "customer_code", empty: "= ''" },
  responsible: { column: "responsible_user_id", empty: "is null" },
  tags: { column: "tags", empty: "= '{}'" },
  priority: { column: "priority", empty: "is null" },
  phones: { column: "phones", empty: "= '{}'" },
  emails: { column: "emails", empty: "= '{}'" },
};

/** A field's value after the import, from the contact's (`contacts.`) and the row's (`r.`) by the field's policy. */
function newValue(ref: ImportRef, field: UpdatableField): SQL {
  const { column, empty } = columns[field];
  const current = sql.raw(`contacts.${column}`);
  const incoming = sql.raw(`r.${column}`);
  const given = sql`${field} = any(r.given)`;
  const policy = ref.settings.policies[field];
  const value =
    policy === "overwrite"
      ? sql`case when ${given} then ${incoming} else ${current} end`
      : policy === "fillEmpty"
        ? sql`case when ${given} and ${current} ${sql.raw(empty)} then ${incoming} else ${current} end`
        : current;
  if (field !== "tags" || ref.settings.addTags.length === 0) return value;
  // The option's hashtags are added to whatever the contact ends up with.
  return sql`(${value} || array(select t from unnest(${textArray(ref.settings.addTags)}) t where t <> all(${value})))`;
}

/** The document's type follows the document. */
const newDocumentType = (ref: ImportRef) =>
  sql`case when ${newValue(ref, "document")} is distinct from contacts.document then r.document_type else contacts.document_type end`;

/**
 * The consent after the import, from the contact's (`contacts.consent`, or none for a new contact)
 * and the row's answers: whatever the update policies, a consent column always applies (it is the
 * customer's latest answer), and an answer equal to the stored one keeps its record.
 */
const newConsent = (viewer: Viewer, current = sql`contacts.consent`) => consentAfter(current, stagedConsent, { source: "import", by: viewer.name });

const updatable = Object.keys(columns) as UpdatableField[];

/** Whether the row would change the contact: a field, its consent, or a segment it is not in yet. */
function changesContact(ref: ImportRef, viewer: Viewer): SQL {
  const fields = updatable.map((field) => sql`${newValue(ref, field)} is distinct from ${sql.raw(`contacts.${columns[field].column}`)}`);
  return sql`(${sql.join(fields, sql` or `)} or ${newConsent(viewer)} is distinct from contacts.consent
    or not (coalesce(r.segment_ids, '{}') <@ contacts.segment_ids))`;
}

/** The other unique key of a contact, which a row may not take from another contact. */
function otherKeyTaken(ref: ImportRef, value: SQL, self: SQL | null): SQL {
  const other = sql.raw(ref.settings.key === "customerCode" ? "document" : "customer_code");
  return sql`exists (select 1 from contacts o where o.organization_id = ${ref.organizationId}::uuid and o.${other} = ${value}
    ${self ? sql`and o.id <> ${self}` : sql``})`;
}
const otherKeyTakenMessage = (ref: ImportRef) =>
  ref.settings.key === "customerCode" ? "Este CPF/CNPJ já pertence a outro contato." : "Este código do cliente já pertence a outro contato.";

const tooManyTags = `Com as hashtags da importação o contato passaria de ${TAGS_PER_CONTACT_MAX} hashtags.`;

/** The contact's fields as they were, for undo and for the history's "from". */
const beforeOfContact = sql`jsonb_build_object('name', contacts.name, 'document', contacts.document, 'documentType', contacts.document_type,
  'customerCode', contacts.customer_code, 'responsibleUserId', contacts.responsible_user_id, 'tags', to_jsonb(contacts.tags),
  'priority', contacts.priority, 'phones', to_jsonb(contacts.phones), 'emails', to_jsonb(contacts.emails), 'segmentIds', to_jsonb(contacts.segment_ids),
  'consent', contacts.consent)`;

/**
 * Sorts the chunk's pending rows: each ends failed (with the reason), unchanged, updated (with
 * the contact, its fields before and the version the write will leave) or created (with the id
 * its contact will have). Locks the existing contacts first, in id order, so two imports or a
 * bulk action on the same contacts cannot deadlock.
 */
export async function sortChunk(tx: Transaction, ref: ImportRef, viewer: Viewer, after: number, upTo: number) {
  const org = ref.organizationId;
  const rows = chunkRows(ref, after, upTo);
  const key = keyColumn(ref);
  const matched = sql`contacts.organization_id = ${org}::uuid and contacts.${key} = r.key`;
  await tx.execute(sql`update import_rows r set state = 'failed' where ${rows} and r.error is not null`);
  await tx.execute(sql`
    with locked as (select contacts.id from contacts join import_rows r on ${matched} where ${rows} order by contacts.id for update of contacts)
    select count(*) from locked`);

  const visible = contactVisibleTo(viewer);
  // The predicate is null, not false, for a contact with no responsável outside the viewer's segments.
  const hidden = sql`(${visible}) is not true`;
  const keyLabel = ref.settings.key === "customerCode" ? "código do cliente" : "CPF/CNPJ";
  const mode = ref.settings.mode;
  // The unique field that is not the key: a row may not take it from another contact.
  const other = ref.settings.key === "customerCode" ? "document" : "customerCode";
  const otherColumn = sql.raw(columns[other].column);
  const otherTaken = sql`${newValue(ref, other)} is distinct from contacts.${otherColumn} and ${otherKeyTaken(ref, newValue(ref, other), sql`contacts.id`)}`;
  const overTags = sql`cardinality(${newValue(ref, "tags")}) > ${TAGS_PER_CONTACT_MAX}`;
  // Someone who sees only their carteira may not give away a contact they see only as its responsável.
  const leaves = can(viewer.role, "contacts.viewAll")
    ? sql`false`
    : sql`${newValue(ref, "responsible")} is distinct from ${viewer.userId}::uuid
        and not ((contacts.segment_ids || coalesce(r.segment_ids, '{}')) && ${uuidArray(viewer.segmentIds)})`;
  await tx.execute(sql`
    update import_rows r set
      state = case
        when ${hidden} then 'failed'
        when ${mode} = 'createOnly' then 'unchanged'
        when ${otherTaken} then 'failed'
        when ${overTags} then 'failed'
        when ${leaves} then 'failed'
        when ${changesContact(ref, viewer)} then 'updated'
        else 'unchanged' end,
      error = case
        when ${hidden} then 'Este contato já existe e não está na sua carteira.'
        when ${mode} = 'createOnly' then null
        when ${otherTaken} then ${otherKeyTakenMessage(ref)}
        when ${overTags} then ${tooManyTags}
        when ${leaves} then ${leavesCarteiraMessage}
        end,
      contact_id = case when ${visible} then contacts.id end,
      before = case when ${visible} then ${beforeOfContact} end,
      version_after = case when ${visible} then contacts.version + 1 end
    from contacts
    where ${rows} and ${matched}`);

  // What no contact matched: a new contact, if the mode and the row allow.
  const allTags = ref.settings.addTags.length === 0 ? sql`coalesce(r.tags, '{}')` : sql`(coalesce(r.tags, '{}') || ${textArray(ref.settings.addTags)})`;
  const incomplete = sql`r.name is null or r.document is null or r.customer_code is null`;
  const newTaken = otherKeyTaken(ref, sql`r.${otherColumn}`, null);
  const newOverTags = sql`cardinality(array(select distinct unnest(${allTags}))) > ${TAGS_PER_CONTACT_MAX}`;
  // Someone who sees only their carteira: a contact with no segment and another responsável would vanish from it.
  const outOfCarteira = can(viewer.role, "contacts.viewAll")
    ? sql`false`
    : sql`coalesce(cardinality(r.segment_ids), 0) = 0 and r.responsible_user_id is not null and r.responsible_user_id <> ${viewer.userId}::uuid`;
  await tx.execute(sql`
    update import_rows r set
      state = case
        when ${mode} = 'updateOnly' then 'failed'
        when ${incomplete} then 'failed'
        when ${newTaken} then 'failed'
        when ${newOverTags} then 'failed'
        when ${outOfCarteira} then 'failed'
        else 'created' end,
      error = case
        when ${mode} = 'updateOnly' then ${`Não há contato com este ${keyLabel} (a importação só atualiza contatos).`}
        when ${incomplete} then 'Para criar o contato, informe nome, CPF/CNPJ e código do cliente.'
        when ${newTaken} then ${otherKeyTakenMessage(ref)}
        when ${newOverTags} then ${tooManyTags}
        when ${outOfCarteira} then 'O contato ficaria fora da sua carteira: informe um dos seus segmentos.'
        end,
      contact_id = gen_random_uuid(),
      version_after = 1
    where ${rows}`);
  await tx.execute(sql`update import_rows r set contact_id = null, version_after = null where ${chunkRows(ref, after, upTo, sql`'failed'`)} and r.before is null`);
}

/** The chunk's rows by their outcome. */
export async function countChunk(tx: Transaction, ref: ImportRef, after: number, upTo: number) {
  const [counts] = rowsOf<Record<"total" | "created" | "updated" | "unchanged" | "failed", string>>(
    await tx.execute(sql`
      select count(*) as total, count(*) filter (where state = 'created') as created, count(*) filter (where state = 'updated') as updated,
        count(*) filter (where state = 'unchanged') as unchanged, count(*) filter (where state = 'failed') as failed
      from import_rows r
      where r.organization_id = ${ref.organizationId}::uuid and r.import_id = ${ref.id}::uuid and r.line > ${after} and r.line <= ${upTo}`),
  );
  return {
    total: Number(counts.total),
    created: Number(counts.created),
    updated: Number(counts.updated),
    unchanged: Number(counts.unchanged),
    failed: Number(counts.failed),
  };
}

/** A segment list as history writes it: the names, sorted. */
const segmentNames = (ids: SQL, org: string) =>
  sql`to_jsonb(array(select s.name from segments s where s.organization_id = ${org}::uuid and s.id = any(${ids}) order by s.name collate "C"))`;
const userName = (id: SQL, org: string) => sql`(select u.name from users u where u.organization_id = ${org}::uuid and u.id = ${id})`;

/**
 * The history's changes of an updated row, as a jsonb array: `from` is the row's `before`,
 * `to` the contact as written (`contacts.*`, evaluated in the writer's RETURNING).
 */
function updateChanges(org: string): SQL {
  const b = (field: string) => sql.raw(`r.before->'${field}'`);
  const entry = (field: string, from: SQL, to: SQL) =>
    sql`case when ${from} is distinct from ${to} then jsonb_build_object('field', ${field}::text, 'from', ${from}, 'to', ${to}) end`;
  const entries = [
    entry("name", b("name"), sql`to_jsonb(contacts.name)`),
    entry("document", b("document"), sql`to_jsonb(contacts.document)`),
    entry("customerCode", b("customerCode"), sql`to_jsonb(contacts.customer_code)`),
    sql`case when (r.before->>'responsibleUserId')::uuid is distinct from contacts.responsible_user_id then jsonb_build_object('field', 'responsible',
      'from', to_jsonb(${userName(sql`(r.before->>'responsibleUserId')::uuid`, org)}), 'to', to_jsonb(${userName(sql`contacts.responsible_user_id`, org)})) end`,
    entry("tags", b("tags"), sql`to_jsonb(contacts.tags)`),
    entry("priority", b("priority"), sql`to_jsonb(contacts.priority)`),
    sql`case when r.before->'segmentIds' is distinct from to_jsonb(contacts.segment_ids) then jsonb_build_object('field', 'segments',
      'from', ${segmentNames(sql`array(select jsonb_array_elements_text(r.before->'segmentIds'))::uuid[]`, org)},
      'to', ${segmentNames(sql`contacts.segment_ids`, org)}) end`,
    entry("phones", b("phones"), sql`to_jsonb(contacts.phones)`),
    entry("emails", b("emails"), sql`to_jsonb(contacts.emails)`),
    ...channels.map((channel) =>
      entry(consentHistoryField(channel), sql`r.before->'consent'->${channel}::text->'status'`, sql`contacts.consent->${channel}::text->'status'`),
    ),
  ];
  return sql`coalesce((select jsonb_agg(e) from unnest(array[${sql.join(entries, sql`, `)}]) e where e is not null), '[]'::jsonb)`;
}

/** A created contact's history: every field it has, as a creation through the form records it. */
function createChanges(org: string): SQL {
  const entry = (field: string, value: SQL, present: SQL) => sql`case when ${present} then jsonb_build_object('field', ${field}::text, 'from', null, 'to', ${value}) end`;
  const entries = [
    entry("name", sql`to_jsonb(contacts.name)`, sql`true`),
    entry("document", sql`to_jsonb(contacts.document)`, sql`true`),
    entry("customerCode", sql`to_jsonb(contacts.customer_code)`, sql`true`),
    entry("responsible", sql`to_jsonb(${userName(sql`contacts.responsible_user_id`, org)})`, sql`contacts.responsible_user_id is not null`),
    entry("tags", sql`to_jsonb(contacts.tags)`, sql`contacts.tags <> '{}'`),
    entry("priority", sql`to_jsonb(contacts.priority)`, sql`true`),
    entry("segments", segmentNames(sql`contacts.segment_ids`, org), sql`contacts.segment_ids <> '{}'`),
    entry("phones", sql`to_jsonb(contacts.phones)`, sql`contacts.phones <> '{}'`),
    entry("emails", sql`to_jsonb(contacts.emails)`, sql`contacts.emails <> '{}'`),
    ...channels.map((channel) =>
      entry(consentHistoryField(channel), sql`contacts.consent->${channel}::text->'status'`, sql`contacts.consent->${channel}::text is not null`),
    ),
  ];
  return sql`coalesce((select jsonb_agg(e) from unnest(array[${sql.join(entries, sql`, `)}]) e where e is not null), '[]'::jsonb)`;
}

/** Writes a sorted chunk: creates, links, updates, each set-based through the contact writer. */
export async function writeChunk(tx: Transaction, ref: ImportRef, viewer: Viewer, after: number, upTo: number) {
  const org = ref.organizationId;
  const ctx: writer.WriteContext = { viewer, source: "import", batchId: ref.id };
  const viewAll = can(viewer.role, "contacts.viewAll");
  const created = chunkRows(ref, after, upTo, sql`'created'`);
  const tags = sql`(coalesce(r.tags, '{}') || array(select t from unnest(${textArray(ref.settings.addTags)}) t where t <> all(coalesce(r.tags, '{}'))))`;
  // A non-admin's contact with no segment is given to them, as the form does, so it stays in their carteira.
  const responsible = viewAll
    ? sql`r.responsible_user_id`
    : sql`case when r.responsible_user_id is null and cardinality(coalesce(r.segment_ids, '{}')) = 0 then ${viewer.userId}::uuid else r.responsible_user_id end`;
  await writer.insertContacts(tx, ctx, {
    action: "create",
    columns: sql`organization_id, id, name, document, document_type, customer_code, responsible_user_id, tags, priority, phones, emails,
      consent, segment_ids, updated_by_user_id`,
    select: sql`select ${org}::uuid, r.contact_id, r.name, r.document, r.document_type, r.customer_code, ${responsible},
        ${tags}, coalesce(r.priority, 'medium'), coalesce(r.phones, '{}'), coalesce(r.emails, '{}'), ${newConsent(viewer, sql`'{}'::jsonb`)},
        array(select distinct s from unnest(coalesce(r.segment_ids, '{}')) s order by s), ${viewer.userId}::uuid
      from import_rows r where ${created} order by r.line`,
    onConflictDoNothing: true,
    changes: createChanges(org),
  });
  // A contact created meanwhile by someone else with the same código or document: reported, not imported.
  await tx.execute(sql`
    update import_rows r set state = 'failed', contact_id = null, version_after = null,
      error = 'Outro contato com este código ou CPF/CNPJ foi criado durante a importação.'
    where ${created} and not exists (select 1 from contacts where contacts.organization_id = ${org}::uuid and contacts.id = r.contact_id)`);

  // The new contacts already hold their segment_ids: the mirror trigger is told it has nothing to do.
  await tx.execute(sql`select set_config('carteira.links_mirrored', 'on', true)`);
  await linkSegments(tx, ref, chunkRows(ref, after, upTo, sql`'created'`));
  await tx.execute(sql`select set_config('carteira.links_mirrored', 'off', true)`);
  await updateRows(tx, ref, viewer, chunkRows(ref, after, upTo, sql`'updated'`));
}

/** The segments a chunk's written rows add (never removes one); the mirror trigger keeps contacts.segment_ids. */
async function linkSegments(tx: Transaction, ref: ImportRef, rows: SQL) {
  await tx.execute(sql`
    insert into contact_segments (organization_id, contact_id, segment_id)
    select ${ref.organizationId}::uuid, r.contact_id, s from import_rows r, unnest(r.segment_ids) s
    where ${rows} and r.segment_ids is not null
    on conflict do nothing`);
}

/** Writes the updates of sorted rows: their segments first, then the writer's one statement with the history. */
async function updateRows(tx: Transaction, ref: ImportRef, viewer: Viewer, rows: SQL) {
  await linkSegments(tx, ref, rows);
  const assignments = sql.join(
    [
      ...updatable.map((field) => sql`${sql.raw(columns[field].column)} = ${newValue(ref, field)}`),
      sql`document_type = ${newDocumentType(ref)}`,
      sql`consent = ${newConsent(viewer)}`,
    ],
    sql`, `,
  );
  return writer.updateContacts(tx, { viewer, source: "import", batchId: ref.id }, {
    from: sql`import_rows r`,
    where: sql`contacts.id = r.contact_id and ${rows}`,
    set: assignments,
    changes: updateChanges(ref.organizationId),
  });
}

class RolledBack extends Error {}

/** Runs `work` inside a savepoint that is always rolled back: what it wrote is gone, what it returned stays. */
export async function rolledBack<T>(tx: Transaction, work: (savepoint: Transaction) => Promise<T>): Promise<T> {
  let result: T;
  try {
    await tx.transaction(async (savepoint) => {
      result = await work(savepoint);
      throw new RolledBack();
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
  }
  return result!;
}

/**
 * Some of the changes a sorted chunk's updates would make, field by field, for the dry run: the
 * first `limit` updates are written and their history read back, inside a savepoint that is then
 * rolled back, so the sample is exactly what the import will record.
 */
export async function sampleChanges(tx: Transaction, ref: ImportRef, viewer: Viewer, after: number, upTo: number, limit: number) {
  if (limit <= 0) return [];
  const first = sql`${chunkRows(ref, after, upTo, sql`'updated'`)} and r.line in (
    select line from import_rows r where ${chunkRows(ref, after, upTo, sql`'updated'`)} order by line limit ${limit})`;
  return rolledBack(tx, async (savepoint) => {
    const written = await updateRows(savepoint, ref, viewer, first);
    if (written.count === 0) return [];
    const rows = rowsOf<{ line: number; customer_code: string; changes: { field: string; from: unknown; to: unknown }[] }>(
      await savepoint.execute(sql`
        select r.line, c.customer_code, h.changes from contact_history h
        join import_rows r on ${first} and r.contact_id = h.contact_id
        join contacts c on c.organization_id = h.organization_id and c.id = h.contact_id
        where h.organization_id = ${ref.organizationId}::uuid and h.batch_id = ${ref.id}::uuid order by r.line`),
    );
    return rows.flatMap((row) => row.changes.map((change) => ({ line: Number(row.line), customerCode: row.customer_code, ...change })));
  });
}

/**
 * Undoes a chunk of written rows: contacts it created are deleted and contacts it updated get
 * their fields and segments back, only where nobody changed them since (same version) and the
 * undoer still sees them; the others are kept (state 'kept') and listed.
 */
export async function undoChunk(tx: Transaction, ref: ImportRef, viewer: Viewer, after: number, upTo: number) {
  const org = ref.organizationId;
  const ctx: writer.WriteContext = { viewer, source: "import_undo", batchId: ref.id };
  const rows = sql`r.organization_id = ${org}::uuid and r.import_id = ${ref.id}::uuid and r.line > ${after} and r.line <= ${upTo}`;
  const ours = sql`${contactVisibleTo(viewer)} and contacts.id = r.contact_id and ${rows} and r.state in ('created', 'updated')`;
  await tx.execute(sql`
    with locked as (select contacts.id from contacts join import_rows r on ${ours} order by contacts.id for update of contacts)
    select count(*) from locked`);
  // 'undone' for now marks the rows to undo; created ones are told apart by having no `before`.
  await tx.execute(sql`update import_rows r set state = 'undone' from contacts where ${ours} and contacts.version = r.version_after`);
  await writer.deleteContacts(tx, ctx, {
    using: sql`import_rows r`,
    where: sql`contacts.id = r.contact_id and ${rows} and r.state = 'undone' and r.before is null`,
  });
  const restored = sql`${rows} and r.state = 'undone' and r.before is not null`;
  await tx.execute(sql`
    delete from contact_segments cs using import_rows r
    where cs.organization_id = ${org}::uuid and cs.contact_id = r.contact_id and ${restored}
      and not (r.before->'segmentIds' ? cs.segment_id::text)`);
  await writer.updateContacts(tx, ctx, {
    from: sql`import_rows r`,
    where: sql`contacts.id = r.contact_id and ${restored}`,
    set: sql`name = r.before->>'name', document = r.before->>'document', document_type = r.before->>'documentType',
      customer_code = r.before->>'customerCode', responsible_user_id = (r.before->>'responsibleUserId')::uuid,
      tags = array(select jsonb_array_elements_text(r.before->'tags')), priority = r.before->>'priority',
      phones = array(select jsonb_array_elements_text(r.before->'phones')), emails = array(select jsonb_array_elements_text(r.before->'emails')),
      consent = coalesce(r.before->'consent', contacts.consent)`,
    // The import's own changes, reversed.
    changes: sql`(
      select coalesce(jsonb_agg(jsonb_build_object('field', e->>'field', 'from', e->'to', 'to', e->'from')), '[]'::jsonb)
      from contact_history h, jsonb_array_elements(h.changes) e
      where h.organization_id = ${org}::uuid and h.batch_id = ${ref.id}::uuid and h.contact_id = r.contact_id and h.source = 'import')`,
  });
  await tx.execute(sql`update import_rows r set state = 'kept' where ${rows} and r.state in ('created', 'updated')`);
  const [counts] = rowsOf<{ undone: string; kept: string }>(
    await tx.execute(sql`
      select count(*) filter (where state = 'undone') as undone, count(*) filter (where state = 'kept') as kept
      from import_rows r where ${rows}`),
  );
  return { undone: Number(counts.undone), kept: Number(counts.kept) };
}
