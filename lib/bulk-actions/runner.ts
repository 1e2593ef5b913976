import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { getDb, rowsOf, type Transaction } from "@/db/client";
import { logFailure } from "@/lib/actions/log-failure";
import { bulkActions, type BulkActionKind, type BulkActionParams } from "@/db/schema";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/audit";
import { canDeleteContacts } from "@/lib/contacts/permissions";
import { contactVisibleTo } from "@/lib/contacts/visibility";
import { deletedContactBefore, linkSegments, operationFor, permittedFor, restoreSegmentLinks } from "./operations";

/** Contacts per transaction: big enough to be set-based, small enough to show progress and hold few locks. */
export const CHUNK_SIZE = 5_000;
const LEASE_SECONDS = 60;

type Action = {
  organizationId: string;
  id: string;
  kind: BulkActionKind;
  params: BulkActionParams;
  status: "running" | "undoing";
  actorUserId: string;
  undoneByUserId: string | null;
};

/**
 * Works a bulk action (or its undo) through to the end, one chunk of contacts per transaction.
 * Only one worker holds an action at a time (a lease in the database, renewed every chunk), so
 * any app server may call this, and one that restarts picks up the chunks not yet done.
 */
export async function runBulkAction(organizationId: string, id: string, chunkSize = CHUNK_SIZE): Promise<void> {
  const action = await claim(organizationId, id);
  if (!action) return;
  const viewer = await loadViewer(action.status === "running" ? action.actorUserId : action.undoneByUserId!, organizationId);
  if (!viewer || (action.kind === "delete" && !canDeleteContacts(viewer))) {
    await finish(action, null, { status: "failed", error: "Interrompida: o usuário que a pediu não tem mais acesso." });
    return;
  }
  try {
    let after: string | null = null;
    for (;;) {
      const next: string | null = await getDb().transaction((tx) =>
        action.status === "running" ? applyChunk(tx, action, viewer, after, chunkSize) : undoChunk(tx, action, viewer, after, chunkSize),
      );
      if (next === null) break;
      after = next;
    }
    await finish(action, viewer, action.status === "running" ? { status: "done", finishedAt: new Date() } : { status: "undone", undoneAt: new Date() });
  } catch (error) {
    // The lease runs out and the next look at the action resumes it where it stopped.
    logFailure(`Bulk action ${id} (it will be resumed)`, error);
  }
}

/** Bulk actions whose worker died (a restart): resumed by whoever starts up. */
export async function resumeStalledBulkActions(): Promise<void> {
  const stalled = await getDb()
    .select({ organizationId: bulkActions.organizationId, id: bulkActions.id })
    .from(bulkActions)
    .where(sql`${bulkActions.status} in ('running', 'undoing') and (${bulkActions.leaseUntil} is null or ${bulkActions.leaseUntil} < now())`);
  for (const action of stalled) await runBulkAction(action.organizationId, action.id);
}

async function claim(organizationId: string, id: string): Promise<Action | null> {
  const [action] = await getDb()
    .update(bulkActions)
    .set({ leaseUntil: sql`now() + make_interval(secs => ${LEASE_SECONDS})` })
    .where(
      and(
        eq(bulkActions.organizationId, organizationId),
        eq(bulkActions.id, id),
        sql`${bulkActions.status} in ('running', 'undoing') and (${bulkActions.leaseUntil} is null or ${bulkActions.leaseUntil} < now())`,
      ),
    )
    .returning({
      organizationId: bulkActions.organizationId,
      id: bulkActions.id,
      kind: bulkActions.kind,
      params: bulkActions.params,
      status: bulkActions.status,
      actorUserId: bulkActions.actorUserId,
      undoneByUserId: bulkActions.undoneByUserId,
    });
  return (action as Action | undefined) ?? null;
}

// Setting responsáveis in bulk is an administrative change: the audit log gets one line for it.
async function finish(action: Action, viewer: Viewer | null, values: Partial<typeof bulkActions.$inferInsert>) {
  await getDb().transaction(async (tx) => {
    const [done] = await tx
      .update(bulkActions)
      .set({ ...values, leaseUntil: null })
      .where(and(eq(bulkActions.organizationId, action.organizationId), eq(bulkActions.id, action.id)))
      .returning({ changed: bulkActions.changed, undone: bulkActions.undone });
    if (viewer && action.kind === "set_responsible" && values.status === "done" && done.changed > 0) {
      await recordAudit(tx, viewer, {
        action: "contacts.bulk_responsible",
        targetId: action.id,
        targetLabel: "Ação em massa",
        details: { contacts: done.changed, to: action.params.userName ?? null },
      });
    }
  });
}

/**
 * The next chunk's items in contact order, as a condition on `bi`; null when none is left. Chunks
 * commit in contact order, so the items still in `state` are a suffix and a resumed run starts at
 * the first of them without counting earlier chunks twice.
 */
async function nextChunk(tx: Transaction, action: Action, state: "pending" | "changed", after: string | null, size: number) {
  const ofAction = sql`bi.organization_id = ${action.organizationId}::uuid and bi.bulk_action_id = ${action.id}::uuid`;
  // As text: uuid has no min/max before PostgreSQL 18, and its canonical text sorts as it does.
  const [bounds] = rowsOf<{ first: string | null; last: string | null }>(
    await tx.execute(sql`
      select min(contact_id::text) as first, max(contact_id::text) as last from (
        select bi.contact_id from bulk_action_items bi
        where ${ofAction} and bi.state = ${state} ${after ? sql`and bi.contact_id > ${after}::uuid` : sql``}
        order by bi.contact_id limit ${size}) chunk`),
  );
  if (!bounds?.first || !bounds.last) return null;
  return { last: bounds.last, items: sql`${ofAction} and bi.contact_id between ${bounds.first}::uuid and ${bounds.last}::uuid` };
}

async function applyChunk(tx: Transaction, action: Action, viewer: Viewer, after: string | null, size: number): Promise<string | null> {
  const chunk = await nextChunk(tx, action, "pending", after, size);
  if (!chunk) return null;
  const { items } = chunk;
  const org = action.organizationId;
  const operation = action.kind === "delete" ? null : operationFor(org, action.kind, action.params);
  const changes = operation?.changes ?? sql`true`;
  const before = operation?.before ?? deletedContactBefore(org);

  // Lock the chunk's contacts the viewer still sees (in id order, so two overlapping actions cannot
  // deadlock), then sort each item: changed (with the version it will have), unchanged or skipped.
  // Two statements, each a join driven by the items: a CTE joined back would be scanned once per
  // item (the planner cannot know how many items a new action has).
  const chunkContacts = sql`${contactVisibleTo(viewer)} and contacts.id = bi.contact_id and ${items} and bi.state = 'pending'`;
  await tx.execute(sql`
    with locked as (select contacts.id from contacts join bulk_action_items bi on ${chunkContacts} order by contacts.id for update of contacts)
    select count(*) from locked`);
  const permitted = permittedFor(viewer, action.kind, action.params);
  await tx.execute(sql`
    update bulk_action_items bi
    set state = case when ${permitted} is not true then 'skipped' when not ${changes} then 'unchanged' else 'changed' end,
        before = case when ${permitted} and ${changes} then ${before} end,
        version_after = contacts.version + 1
    from contacts
    where ${chunkContacts}`);
  // Whatever is still pending is gone or out of sight.
  await tx.execute(sql`update bulk_action_items bi set state = 'skipped' where ${items} and bi.state = 'pending'`);

  if (action.kind === "delete") {
    await recordHistory(tx, action, viewer, items, "delete", "changed", sql`'bulk'`,
      sql`jsonb_build_array(jsonb_build_object('field', 'name', 'from', bi.before->'contact'->'name', 'to', null))`);
    await tx.execute(sql`
      delete from contacts using bulk_action_items bi
      where contacts.organization_id = ${org}::uuid and contacts.id = bi.contact_id and ${items} and bi.state = 'changed'`);
  } else {
    if (action.kind === "add_segments" || action.kind === "remove_segments") {
      await tx.execute(linkSegments(org, action.kind, action.params.segmentIds ?? [], items));
    }
    await tx.execute(sql`
      update contacts set ${operation!.assignments ? sql`${operation!.assignments}, ` : sql``}
        version = contacts.version + 1, updated_at = now(), updated_by_user_id = ${viewer.userId}::uuid
      from bulk_action_items bi
      where contacts.organization_id = ${org}::uuid and contacts.id = bi.contact_id and ${items} and bi.state = 'changed'`);
    await recordHistory(tx, action, viewer, items, "update", "changed", sql`'bulk'`, operation!.history);
  }
  await tx.execute(sql`
    update bulk_actions set
      processed = bulk_actions.processed + c.total, changed = bulk_actions.changed + c.changed,
      unchanged = bulk_actions.unchanged + c.unchanged, skipped = bulk_actions.skipped + c.skipped,
      lease_until = now() + make_interval(secs => ${LEASE_SECONDS})
    from (
      select count(*) as total, count(*) filter (where state = 'changed') as changed,
        count(*) filter (where state = 'unchanged') as unchanged, count(*) filter (where state = 'skipped') as skipped
      from bulk_action_items bi where ${items}) c
    where organization_id = ${org}::uuid and id = ${action.id}::uuid`);
  return chunk.last;
}

async function undoChunk(tx: Transaction, action: Action, viewer: Viewer, after: string | null, size: number): Promise<string | null> {
  const chunk = await nextChunk(tx, action, "changed", after, size);
  if (!chunk) return null;
  const { items } = chunk;
  const org = action.organizationId;

  if (action.kind === "delete") {
    // Back with its id, version and dates; not if its código or document was taken meanwhile.
    await tx.execute(sql`
      insert into contacts (organization_id, id, name, document, document_type, customer_code, responsible_user_id,
        tags, priority, phones, emails, version, created_at, updated_at, updated_by_user_id)
      select r.organization_id, r.id, r.name, r.document, r.document_type, r.customer_code, r.responsible_user_id,
        r.tags, r.priority, r.phones, r.emails, r.version + 1, r.created_at, now(), ${viewer.userId}::uuid
      from bulk_action_items bi, jsonb_populate_record(null::contacts, bi.before->'contact') r
      where ${items} and bi.state = 'changed' and r.organization_id = ${org}::uuid
      on conflict do nothing`);
    await tx.execute(sql`
      update bulk_action_items bi set state = 'undone' from contacts
      where contacts.organization_id = ${org}::uuid and contacts.id = bi.contact_id and ${items} and bi.state = 'changed'`);
    await tx.execute(sql`
      insert into contact_segments (organization_id, contact_id, segment_id)
      select ${org}::uuid, bi.contact_id, s.id from bulk_action_items bi
      join segments s on s.organization_id = ${org}::uuid and (bi.before->'segmentIds' ? s.id::text)
      where ${items} and bi.state = 'undone'
      on conflict do nothing`);
    await recordHistory(tx, action, viewer, items, "restore", "undone", sql`'undo'`,
      sql`jsonb_build_array(jsonb_build_object('field', 'name', 'from', null, 'to', bi.before->'contact'->'name'))`);
  } else {
    const operation = operationFor(org, action.kind, action.params);
    // Only contacts nobody changed since (same version) and that the undoer still sees. Joins
    // driven by the items, as in applyChunk.
    const chunkContacts = sql`${contactVisibleTo(viewer)} and contacts.id = bi.contact_id and ${items} and bi.state = 'changed'`;
    await tx.execute(sql`
      with locked as (select contacts.id from contacts join bulk_action_items bi on ${chunkContacts} order by contacts.id for update of contacts)
      select count(*) from locked`);
    await tx.execute(sql`
      update bulk_action_items bi set state = 'undone' from contacts
      where ${chunkContacts} and contacts.version = bi.version_after`);
    await tx.execute(sql`
      update contacts set ${operation.restore ? sql`${operation.restore}, ` : sql``}
        version = contacts.version + 1, updated_at = now(), updated_by_user_id = ${viewer.userId}::uuid
      from bulk_action_items bi
      where contacts.organization_id = ${org}::uuid and contacts.id = bi.contact_id and ${items} and bi.state = 'undone'`);
    if (action.kind === "add_segments" || action.kind === "remove_segments") {
      for (const statement of restoreSegmentLinks(org, action.params.segmentIds ?? [], items)) await tx.execute(statement);
    }
    // The undo's history is the action's own, reversed.
    await recordHistory(tx, action, viewer, items, "update", "undone", sql`'undo'`, sql`(
      select coalesce(jsonb_agg(jsonb_build_object('field', e->>'field', 'from', e->'to', 'to', e->'from')), '[]'::jsonb)
      from contact_history h, jsonb_array_elements(h.changes) e
      where h.organization_id = ${org}::uuid and h.batch_id = ${action.id}::uuid and h.contact_id = bi.contact_id and h.source = 'bulk')`);
  }
  await tx.execute(sql`update bulk_action_items bi set state = 'kept' where ${items} and bi.state = 'changed'`);
  await tx.execute(sql`
    update bulk_actions set
      undone = bulk_actions.undone + c.undone, kept_on_undo = bulk_actions.kept_on_undo + c.kept,
      lease_until = now() + make_interval(secs => ${LEASE_SECONDS})
    from (
      select count(*) filter (where state = 'undone') as undone, count(*) filter (where state = 'kept') as kept
      from bulk_action_items bi where ${items}) c
    where organization_id = ${org}::uuid and id = ${action.id}::uuid`);
  return chunk.last;
}

/** One history row per item of the chunk in `state`, all under the action's id as batch id. */
async function recordHistory(
  tx: Transaction,
  action: Action,
  viewer: Viewer,
  items: SQL,
  historyAction: "update" | "delete" | "restore",
  state: "changed" | "undone",
  source: SQL,
  changes: SQL,
) {
  await tx.execute(sql`
    insert into contact_history (organization_id, contact_id, actor_user_id, actor_name, source, action, changes, batch_id)
    select ${action.organizationId}::uuid, bi.contact_id, ${viewer.userId}::uuid, ${viewer.name}, ${source}, ${historyAction}, ${changes}, ${action.id}::uuid
    from bulk_action_items bi
    left join contacts on contacts.organization_id = ${action.organizationId}::uuid and contacts.id = bi.contact_id
    where ${items} and bi.state = ${state}`);
}
