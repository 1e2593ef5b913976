import "server-only";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { PgInsertValue } from "drizzle-orm/pg-core";
import { rowsOf, type Transaction } from "@/db/client";
import { contactHistory, contacts, contactSegments, type ChangeSource, type HistoryAction, type HistoryChange } from "@/db/schema";
import { actingUserId, type Viewer } from "@/lib/auth/viewer";
import { contactVisibleTo } from "./visibility";

// THE contact writer. Every path that changes contacts (the form, bulk actions and their undo,
// hand-overs, segment archives; next the import, the API and Live) writes through these functions,
// in the caller's transaction. Each statement:
// - composes the visibility predicate into its own WHERE, so that a contact the writer may not see
//   is never written, whatever the caller checked before;
// - bumps version and updated_at/updated_by (optimistic concurrency sees every change);
// - records one history row per written contact, with its source and an optional batch id.
// Set-based: one statement for any number of contacts; the single-row form is the same statement
// for one id.

/** Who writes, through what, and for which batch (a bulk action, an import…) if any. */
export type WriteContext = { viewer: Viewer; source: ChangeSource; batchId?: string | null };

type Written = { count: number; ids: string[] };

/** The history rows of the contacts a statement wrote, read from its CTE `w` (organization_id, id, changes). */
function history(ctx: WriteContext, action: HistoryAction) {
  return sql`
    insert into contact_history (organization_id, contact_id, actor_user_id, actor_name, source, action, changes, batch_id)
    select w.organization_id, w.id, ${actingUserId(ctx.viewer)}::uuid, ${ctx.viewer.name}, ${ctx.source}, ${action}, w.changes, ${ctx.batchId ?? null}::uuid
    from w
    returning contact_id`;
}

async function run(tx: Transaction, statement: SQL): Promise<Written> {
  const ids = rowsOf<{ contact_id: string }>(await tx.execute(statement)).map((r) => r.contact_id);
  return { count: ids.length, ids };
}

export type ContactsUpdate = {
  /** A FROM item joined to the contacts (e.g. sql`bulk_action_items bi`), or none. */
  from?: SQL;
  /** Which contacts: a condition on `contacts` (and the FROM item), e.g. sql`contacts.id = bi.contact_id`. */
  where: SQL;
  /** `set` assignments on contacts besides version and updated_*, or none when only links changed. */
  set?: SQL;
  /** The history row's changes (a jsonb array), evaluated on the written row: `contacts.*` are the new values. */
  changes: SQL;
};

/** Updates the contacts the viewer sees among `where`, in one statement with their history. */
export async function updateContacts(tx: Transaction, ctx: WriteContext, update: ContactsUpdate): Promise<Written> {
  return run(
    tx,
    sql`with w as (
      update contacts set ${update.set ? sql`${update.set}, ` : sql``}version = contacts.version + 1, updated_at = now(),
        updated_by_user_id = ${actingUserId(ctx.viewer)}::uuid
      ${update.from ? sql`from ${update.from}` : sql``}
      where ${contactVisibleTo(ctx.viewer)} and ${update.where}
      returning contacts.organization_id, contacts.id, ${update.changes} as changes)
    ${history(ctx, "update")}`,
  );
}

/**
 * One contact, if the viewer sees it and it is still at `expectedVersion`; else nothing is written
 * and the answer is false (someone saved in between, or it is gone).
 */
export async function updateContact(
  tx: Transaction,
  ctx: WriteContext,
  id: string,
  expectedVersion: number,
  set: SQL | undefined,
  changes: HistoryChange[],
): Promise<boolean> {
  const written = await updateContacts(tx, ctx, {
    where: sql`contacts.id = ${id}::uuid and contacts.version = ${expectedVersion}`,
    set,
    changes: sql`${JSON.stringify(changes)}::jsonb`,
  });
  return written.count === 1;
}

/** Creates one contact with its segments and its first history row. */
export async function createContact(
  tx: Transaction,
  ctx: WriteContext,
  values: Omit<PgInsertValue<typeof contacts>, "organizationId" | "updatedByUserId">,
  segmentIds: string[],
  changes: HistoryChange[],
): Promise<string> {
  const organizationId = ctx.viewer.organizationId;
  const [created] = await tx
    .insert(contacts)
    .values({ ...values, organizationId, updatedByUserId: actingUserId(ctx.viewer) })
    .returning({ id: contacts.id });
  await relinkContact(tx, ctx, created.id, { add: segmentIds, remove: [] });
  await tx.insert(contactHistory).values({
    organizationId,
    contactId: created.id,
    actorUserId: actingUserId(ctx.viewer),
    actorName: ctx.viewer.name,
    source: ctx.source,
    action: "create",
    changes,
    batchId: ctx.batchId ?? null,
  });
  return created.id;
}

/** One contact's segment links, after its row was created or written (so it is one the viewer may write). */
export async function relinkContact(tx: Transaction, ctx: WriteContext, id: string, links: { add: string[]; remove: string[] }) {
  const organizationId = ctx.viewer.organizationId;
  if (links.remove.length > 0) {
    await tx
      .delete(contactSegments)
      .where(and(eq(contactSegments.organizationId, organizationId), eq(contactSegments.contactId, id), inArray(contactSegments.segmentId, links.remove)));
  }
  if (links.add.length > 0) {
    await tx.insert(contactSegments).values(links.add.map((segmentId) => ({ organizationId, contactId: id, segmentId })));
  }
}

/** Inserts contacts from a query returning contacts' columns (named), with a history row each. */
export async function insertContacts(
  tx: Transaction,
  ctx: WriteContext,
  insert: { columns: SQL; select: SQL; onConflictDoNothing?: boolean; changes: SQL; action: "create" | "restore" },
): Promise<Written> {
  return run(
    tx,
    sql`with w as (
      insert into contacts (${insert.columns}) ${insert.select}
      ${insert.onConflictDoNothing ? sql`on conflict do nothing` : sql``}
      returning contacts.organization_id, contacts.id, ${insert.changes} as changes)
    ${history(ctx, insert.action)}`,
  );
}

/** Deletes the contacts the viewer sees among `where`; their history stays, ending with the deletion. */
export async function deleteContacts(tx: Transaction, ctx: WriteContext, remove: { using?: SQL; where: SQL }): Promise<Written> {
  return run(
    tx,
    sql`with w as (
      delete from contacts ${remove.using ? sql`using ${remove.using}` : sql``}
      where ${contactVisibleTo(ctx.viewer)} and ${remove.where}
      returning contacts.organization_id, contacts.id,
        jsonb_build_array(jsonb_build_object('field', 'name', 'from', contacts.name, 'to', null)) as changes)
    ${history(ctx, "delete")}`,
  );
}

/** A look at a contact that changes nothing but must be on record (the full CPF/CNPJ shown). */
export async function recordContactAccess(tx: Transaction, ctx: WriteContext, id: string, action: "reveal_document"): Promise<boolean> {
  const written = await run(
    tx,
    sql`with w as (
      select contacts.organization_id, contacts.id, '[]'::jsonb as changes from contacts
      where ${contactVisibleTo(ctx.viewer)} and contacts.id = ${id}::uuid)
    ${history(ctx, action)}`,
  );
  return written.count === 1;
}
