import "server-only";
import { randomUUID } from "node:crypto";
import type PgBoss from "pg-boss";
import { and, eq, sql } from "drizzle-orm";
import { getDb, rowsOf, type Transaction } from "@/db/client";
import { logFailure } from "@/lib/actions/log-failure";
import { bulkActions, type BulkActionKind, type BulkActionParams } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import { recordAudit } from "@/lib/audit/audit";
import { contactVisibleTo } from "@/lib/contacts/visibility";
import * as writer from "@/lib/contacts/writer";
import { enqueueJob, queues } from "@/lib/jobs/engine";
import { resumeOrphans } from "@/lib/jobs/orphans";
import { deletedContactBefore, linkSegments, operationFor, permittedFor, restoreSegmentLinks } from "./operations";

/** Contacts per transaction: big enough to be set-based, small enough to show progress and hold few locks. */
export const CHUNK_SIZE = 5_000;
/** One run of the job works this long, then hands over to a new job: far inside the engine's expiry. */
const RUN_BUDGET_MS = 10_000;

export type BulkActionJob = { organizationId: string; id: string };

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
 * The job engine's handler for a bulk action (or its undo): works it chunk by chunk, one
 * transaction each. A run first claims the action with a token of its own; every chunk then locks
 * the action's row and goes on only while the token is still its own, so a run the engine has
 * given up on (it expired, and another worker took the job) changes nothing more. Items move from
 * pending to done inside the same transactions, so every contact is written exactly once whoever
 * runs the chunk. A run that reaches its time budget enqueues the next one; a failed chunk is
 * retried by the engine, with backoff, from where it stopped.
 */
export async function runBulkActionJob(job: PgBoss.JobWithMetadata<BulkActionJob>, chunkSize = CHUNK_SIZE): Promise<void> {
  const { organizationId, id } = job.data;
  const token = randomUUID();
  const action = await claim(organizationId, id, token);
  if (!action) return;
  const viewer = await loadViewer(action.status === "running" ? action.actorUserId : action.undoneByUserId!, organizationId);
  if (!viewer || (action.kind === "delete" && !can(viewer.role, "contacts.delete"))) {
    await getDb().transaction((tx) => finish(tx, action, null, { status: "failed", error: "Interrompida: o usuário que a pediu não tem mais acesso." }));
    return;
  }
  const started = Date.now();
  let after: string | null = null;
  try {
    for (;;) {
      const outcome = await getDb().transaction(async (tx): Promise<"more" | "finished" | "lost"> => {
        if (!(await stillOwned(tx, action, token))) return "lost";
        const last = action.status === "running" ? await applyChunk(tx, action, viewer, after, chunkSize) : await undoChunk(tx, action, viewer, after, chunkSize);
        if (last === null) {
          await finish(tx, action, viewer, action.status === "running" ? { status: "done", finishedAt: new Date() } : { status: "undone", undoneAt: new Date() });
          return "finished";
        }
        after = last;
        if (Date.now() - started < RUN_BUDGET_MS) return "more";
        // Handing over inside the chunk's transaction: the next run exists exactly when this chunk does.
        await enqueueBulkActionJob(tx, organizationId, id);
        return "finished";
      });
      if (outcome !== "more") return;
    }
  } catch (error) {
    logFailure(`Bulk action ${id}`, error);
    if (job.retryCount >= job.retryLimit) {
      await getDb().transaction((tx) => finish(tx, action, null, { status: "failed", error: "Interrompida por erros repetidos. Os contatos já alterados continuam assim." }));
    }
    // The engine keeps what is thrown in its table: the error's code, never the query's values.
    throw new Error(`A chunk of bulk action ${id} failed (${(error as { code?: string }).code ?? "no code"}); the engine retries it.`);
  }
}

/** Enqueues the job that works the action, and records it on the action, in the caller's transaction. */
export async function enqueueBulkActionJob(tx: Transaction, organizationId: string, id: string) {
  const jobId = await enqueueJob(tx, queues.bulkAction, { organizationId, id } satisfies BulkActionJob);
  await tx.update(bulkActions).set({ jobId }).where(and(eq(bulkActions.organizationId, organizationId), eq(bulkActions.id, id)));
}

/**
 * A scheduled check (every minute): an action still running whose recorded job has finished has
 * no job left (a run that outlived its expiry completed the job its newer run then lost in a
 * crash): it gets a new one. Returns how many.
 */
export async function resumeOrphanedBulkActions(): Promise<number> {
  const running = await getDb()
    .select({ organizationId: bulkActions.organizationId, id: bulkActions.id, jobId: bulkActions.jobId })
    .from(bulkActions)
    .where(sql`${bulkActions.status} in ('running', 'undoing')`);
  return resumeOrphans(queues.bulkAction, running, async (tx, action) => {
    // Only if no run handed over to a new job meanwhile.
    const [still] = await tx
      .select({ id: bulkActions.id })
      .from(bulkActions)
      .where(and(eq(bulkActions.organizationId, action.organizationId), eq(bulkActions.id, action.id), sql`${bulkActions.status} in ('running', 'undoing')`, action.jobId ? eq(bulkActions.jobId, action.jobId) : sql`${bulkActions.jobId} is null`))
      .for("update");
    if (!still) return false;
    await enqueueBulkActionJob(tx, action.organizationId, action.id);
    return true;
  });
}

/** Takes the action for this run: the newest run of its job is its owner. Null when there is nothing to do. */
async function claim(organizationId: string, id: string, token: string): Promise<Action | null> {
  const [action] = await getDb()
    .update(bulkActions)
    .set({ runToken: token })
    .where(and(eq(bulkActions.organizationId, organizationId), eq(bulkActions.id, id), sql`${bulkActions.status} in ('running', 'undoing')`))
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

/**
 * Locks the action's row for this chunk's transaction (chunks of one action never run side by
 * side) and says whether this run still owns it. Also bounds how long the chunk waits for
 * contacts someone else holds: it fails and is retried rather than outliving its run.
 */
async function stillOwned(tx: Transaction, action: Action, token: string) {
  await tx.execute(sql`set local lock_timeout = '10s'`);
  const [owned] = rowsOf(
    await tx.execute(sql`
      select 1 from bulk_actions
      where organization_id = ${action.organizationId}::uuid and id = ${action.id}::uuid
        and run_token = ${token} and status = ${action.status}
      for update`),
  );
  return owned !== undefined;
}

// Setting responsáveis in bulk is an administrative change: the audit log gets one line for it.
async function finish(tx: Transaction, action: Action, viewer: Viewer | null, values: Partial<typeof bulkActions.$inferInsert>) {
  const [done] = await tx
    .update(bulkActions)
    .set({ ...values, runToken: null })
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

  const ctx: writer.WriteContext = { viewer, source: "bulk", batchId: action.id };
  const changed = sql`contacts.id = bi.contact_id and ${items} and bi.state = 'changed'`;
  if (action.kind === "delete") {
    await writer.deleteContacts(tx, ctx, { using: sql`bulk_action_items bi`, where: changed });
  } else {
    if (action.kind === "add_segments" || action.kind === "remove_segments") {
      await tx.execute(linkSegments(org, action.kind, action.params.segmentIds ?? [], items));
    }
    await writer.updateContacts(tx, ctx, { from: sql`bulk_action_items bi`, where: changed, set: operation!.assignments ?? undefined, changes: operation!.history });
  }
  await tx.execute(sql`
    update bulk_actions set
      processed = bulk_actions.processed + c.total, changed = bulk_actions.changed + c.changed,
      unchanged = bulk_actions.unchanged + c.unchanged, skipped = bulk_actions.skipped + c.skipped
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

  const ctx: writer.WriteContext = { viewer, source: "undo", batchId: action.id };
  if (action.kind === "delete") {
    // Back with its id, version and dates; not if its código or document was taken meanwhile.
    await writer.insertContacts(tx, ctx, {
      action: "restore",
      columns: sql`organization_id, id, name, document, document_type, customer_code, responsible_user_id,
        tags, priority, phones, emails, consent, version, created_at, updated_at, updated_by_user_id`,
      // Consent with its records as they were (none in a row deleted before contacts had consent).
      select: sql`select r.organization_id, r.id, r.name, r.document, r.document_type, r.customer_code, r.responsible_user_id,
          r.tags, r.priority, r.phones, r.emails, coalesce(r.consent, '{}'), r.version + 1, r.created_at, now(), ${viewer.userId}::uuid
        from bulk_action_items bi, jsonb_populate_record(null::contacts, bi.before->'contact') r
        where ${items} and bi.state = 'changed' and r.organization_id = ${org}::uuid`,
      onConflictDoNothing: true,
      changes: sql`jsonb_build_array(jsonb_build_object('field', 'name', 'from', null, 'to', contacts.name))`,
    });
    await tx.execute(sql`
      update bulk_action_items bi set state = 'undone' from contacts
      where contacts.organization_id = ${org}::uuid and contacts.id = bi.contact_id and ${items} and bi.state = 'changed'`);
    await tx.execute(sql`
      insert into contact_segments (organization_id, contact_id, segment_id)
      select ${org}::uuid, bi.contact_id, s.id from bulk_action_items bi
      join segments s on s.organization_id = ${org}::uuid and (bi.before->'segmentIds' ? s.id::text)
      where ${items} and bi.state = 'undone'
      on conflict do nothing`);
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
    // The undo's history is the action's own, reversed.
    await writer.updateContacts(tx, ctx, {
      from: sql`bulk_action_items bi`,
      where: sql`contacts.id = bi.contact_id and ${items} and bi.state = 'undone'`,
      set: operation.restore ?? undefined,
      changes: sql`(
        select coalesce(jsonb_agg(jsonb_build_object('field', e->>'field', 'from', e->'to', 'to', e->'from')), '[]'::jsonb)
        from contact_history h, jsonb_array_elements(h.changes) e
        where h.organization_id = ${org}::uuid and h.batch_id = ${action.id}::uuid and h.contact_id = bi.contact_id and h.source = 'bulk')`,
    });
    if (action.kind === "add_segments" || action.kind === "remove_segments") {
      for (const statement of restoreSegmentLinks(org, action.params.segmentIds ?? [], items)) await tx.execute(statement);
    }
  }
  await tx.execute(sql`update bulk_action_items bi set state = 'kept' where ${items} and bi.state = 'changed'`);
  await tx.execute(sql`
    update bulk_actions set
      undone = bulk_actions.undone + c.undone, kept_on_undo = bulk_actions.kept_on_undo + c.kept
    from (
      select count(*) filter (where state = 'undone') as undone, count(*) filter (where state = 'kept') as kept
      from bulk_action_items bi where ${items}) c
    where organization_id = ${org}::uuid and id = ${action.id}::uuid`);
  return chunk.last;
}
