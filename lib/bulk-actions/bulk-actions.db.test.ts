import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import { auditEvents, bulkActions, contactHistory, contacts, contactSegments } from "@/db/schema";
import { editInput } from "@/db/testing/edit-input";
import { segmentMirrorDrift } from "@/db/testing/segment-mirror";
import { createWorld, type World } from "@/db/testing/world";
import type { Viewer } from "@/lib/auth/viewer";
import { updateContact } from "@/lib/contacts/mutations";
import { getContactForEdit } from "@/lib/contacts/queries";
import { TAGS_PER_CONTACT_MAX } from "@/lib/contacts/tags";
import { bulkActionInput, type RawBulkActionInput } from "./bulk-action-input";
import { getBulkAction, listBulkActions, offeredBulkActions, previewBulkAction, requestBulkUndo, startBulkAction } from "./bulk-actions";
import { queues, workReadyJobs } from "@/lib/jobs/engine";
import { runBulkActionJob, type BulkActionJob } from "./runner";

/** Works the queued bulk-action jobs as the engine's workers do, in chunks of `chunkSize`. */
const workBulkActions = (chunkSize?: number) => workReadyJobs<BulkActionJob>(queues.bulkAction, (job) => runBulkActionJob(job, chunkSize));

let world: World;
beforeEach(async () => {
  world = await createWorld();
});

const input = (scope: RawBulkActionInput["scope"], operation: RawBulkActionInput["operation"]) =>
  bulkActionInput.parse({ scope, operation });

/** Starts and runs a bulk action to its end, as the server action and its background work do. */
async function run(viewer: Viewer, scope: RawBulkActionInput["scope"], operation: RawBulkActionInput["operation"], chunkSize?: number) {
  const started = await startBulkAction(viewer, input(scope, operation));
  if (!started.ok) throw new Error(`start refused: ${started.message}`);
  expect(await workBulkActions(chunkSize)).toEqual([]);
  return (await getBulkAction(viewer, started.id))!;
}

async function undo(viewer: Viewer, id: string) {
  const requested = await requestBulkUndo(viewer, id);
  expect(requested).toEqual({ ok: true });
  expect(await workBulkActions()).toEqual([]);
  return (await getBulkAction(viewer, id))!;
}

async function stored(id: string) {
  const [row] = await getDb().select().from(contacts).where(and(eq(contacts.organizationId, world.orgA), eq(contacts.id, id)));
  return row;
}

async function segmentsOf(id: string) {
  const rows = await getDb()
    .select({ segmentId: contactSegments.segmentId })
    .from(contactSegments)
    .where(and(eq(contactSegments.organizationId, world.orgA), eq(contactSegments.contactId, id)));
  return rows.map((r) => r.segmentId).sort();
}

async function historyOf(id: string) {
  return getDb()
    .select({ source: contactHistory.source, action: contactHistory.action, changes: contactHistory.changes, batchId: contactHistory.batchId, actorName: contactHistory.actorName })
    .from(contactHistory)
    .where(and(eq(contactHistory.organizationId, world.orgA), eq(contactHistory.contactId, id), sql`${contactHistory.batchId} is not null`))
    .orderBy(asc(contactHistory.createdAt), asc(contactHistory.source));
}

async function bulkActionCount() {
  const [{ count }] = await getDb().select({ count: sql<number>`count(*)::int` }).from(bulkActions).where(eq(bulkActions.organizationId, world.orgA));
  return count;
}

describe("bulk actions: who may do what (the permission matrix)", () => {
  it("offers each role exactly the actions the matrix allows it", () => {
    const { admin, supervisor, operator } = world.viewers;
    const base = ["set_priority", "add_tags", "remove_tags"];
    expect(offeredBulkActions(operator, 1)).toEqual([...base, "add_segments", "remove_segments"]);
    expect(offeredBulkActions(operator, 0)).toEqual(base);
    expect(offeredBulkActions(supervisor, 2)).toEqual(["set_responsible", ...base, "add_segments", "remove_segments"]);
    expect(offeredBulkActions(admin, 3)).toEqual(["set_responsible", ...base, "add_segments", "remove_segments", "delete"]);
  });

  it("skips and counts the selected contacts the viewer cannot see, and changes only the others", async () => {
    const { supervisor, operator } = world.viewers;
    const { inS1, inS2, inS3, operatorResponsible, contactB } = world.contacts;
    const scope = { ids: [inS1, inS2, inS3, operatorResponsible, contactB] };
    const operation = { kind: "set_responsible" as const, userId: operator.userId };

    const preview = await previewBulkAction(supervisor, input(scope, operation));
    expect(preview).toEqual({ ok: true, matched: 5, willChange: 2, unchanged: 0, skipped: 3 });

    const action = await run(supervisor, scope, operation);
    expect(action).toMatchObject({ status: "done", total: 5, processed: 5, changed: 2, unchanged: 0, skipped: 3 });
    expect((await stored(inS1)).responsibleUserId).toBe(operator.userId);
    expect((await stored(inS2)).responsibleUserId).toBe(operator.userId);
    expect((await stored(inS3)).responsibleUserId).toBeNull();
    expect((await historyOf(inS3))).toEqual([]);
  });

  it("refuses an operator choosing the responsável, writing nothing", async () => {
    const { operator } = world.viewers;
    const result = await startBulkAction(operator, input({ ids: [world.contacts.inS1] }, { kind: "set_responsible", userId: operator.userId }));
    expect(result).toMatchObject({ ok: false, code: "forbidden", fieldErrors: { userId: ["Operadores não escolhem o responsável."] } });
    expect(await bulkActionCount()).toBe(0);
    expect((await stored(world.contacts.inS1)).responsibleUserId).toBeNull();
  });

  it("refuses a supervisor handing contacts to someone outside their segments", async () => {
    const { supervisor, otherOperator } = world.viewers;
    const result = await startBulkAction(supervisor, input({ ids: [world.contacts.inS1] }, { kind: "set_responsible", userId: otherOperator.userId }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { userId: ["Escolha um responsável da lista."] } });
    expect(await bulkActionCount()).toBe(0);
  });

  it("refuses segments the viewer may not assign, including another organization's", async () => {
    const { operator } = world.viewers;
    for (const segmentId of [world.segments.s3, world.segments.sB]) {
      const result = await startBulkAction(operator, input({ ids: [world.contacts.inS1] }, { kind: "add_segments", segmentIds: [segmentId] }));
      expect(result).toMatchObject({ ok: false, fieldErrors: { segmentIds: ["Escolha apenas segmentos da sua carteira."] } });
    }
    expect(await bulkActionCount()).toBe(0);
  });

  it("lets only admins delete", async () => {
    for (const viewer of [world.viewers.operator, world.viewers.supervisor]) {
      const result = await startBulkAction(viewer, input({ ids: [world.contacts.inS1] }, { kind: "delete" }));
      expect(result).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await stored(world.contacts.inS1)).toBeDefined();
  });

  it("never makes a contact leave a non-admin's carteira: such contacts are skipped", async () => {
    const { supervisor, operator } = world.viewers;
    // Visible to the supervisor only as its responsável: handing it over would hide it from them.
    const own = (await run(world.viewers.admin, { ids: [world.contacts.noSegment] }, { kind: "set_responsible", userId: supervisor.userId })).changed;
    expect(own).toBe(1);
    const handOver = await run(supervisor, { ids: [world.contacts.noSegment, world.contacts.inS2] }, { kind: "set_responsible", userId: operator.userId });
    expect(handOver).toMatchObject({ changed: 1, skipped: 1 });
    expect((await stored(world.contacts.noSegment)).responsibleUserId).toBe(supervisor.userId);

    // The operator's only segment is S1: removing it from inS1 and inS1andS3 would hide both.
    const removal = await run(operator, { ids: [world.contacts.inS1, world.contacts.inS1andS3] }, { kind: "remove_segments", segmentIds: [world.segments.s1] });
    expect(removal).toMatchObject({ changed: 0, skipped: 2 });
    expect(await segmentsOf(world.contacts.inS1)).toEqual([world.segments.s1]);

    // An admin may.
    const adminRemoval = await run(world.viewers.admin, { ids: [world.contacts.inS1] }, { kind: "remove_segments", segmentIds: [world.segments.s1] });
    expect(adminRemoval).toMatchObject({ changed: 1, skipped: 0 });
    expect(await segmentsOf(world.contacts.inS1)).toEqual([]);
  });

  it("acts on nothing of another organization, even with its ids", async () => {
    const action = await run(world.viewers.adminB, { ids: [world.contacts.inS1, world.contacts.inS2] }, { kind: "set_priority", priority: "high" });
    expect(action).toMatchObject({ changed: 0, skipped: 2 });
    expect((await stored(world.contacts.inS1)).priority).toBe("medium");
    expect(await getBulkAction(world.viewers.admin, action.id)).toBeNull();
  });

  it("applies a filter only within the viewer's visibility", async () => {
    const { operator } = world.viewers;
    // S3 is not the operator's: the filter cannot widen what they see.
    const result = await startBulkAction(operator, input({ query: `segment=${world.segments.s3}` }, { kind: "add_tags", tags: ["x"] }));
    expect(result).toMatchObject({ ok: true });
    const action = await getBulkAction(operator, (result as { id: string }).id);
    // inS1andS3 is in S3 and visible to the operator through S1; codeInA and inS3 are not visible.
    expect(action?.total).toBe(1);
    // Repeated keys are all kept: S1 or S2.
    const both = await previewBulkAction(world.viewers.supervisor, input({ query: `segment=${world.segments.s1}&segment=${world.segments.s2}` }, { kind: "add_tags", tags: ["x"] }));
    expect(both).toMatchObject({ ok: true, matched: 3 });
    const empty = await startBulkAction(world.viewers.otherOperator, input({ query: `segment=${world.segments.s1}&tagAll=nenhuma` }, { kind: "add_tags", tags: ["x"] }));
    expect(empty).toMatchObject({ ok: false, message: "Nenhum contato corresponde a esta seleção." });
  });
});

describe("bulk actions: what they write", () => {
  it("adds and removes hashtags on all contacts matching a filter, keeping their order, with one history row each under the batch id", async () => {
    const { supervisor } = world.viewers;
    const { inS1, inS1andS3 } = world.contacts;
    await getDb().update(contacts).set({ tags: ["b", "vip"] }).where(eq(contacts.id, inS1));
    const query = `segment=${world.segments.s1}`;

    const preview = await previewBulkAction(supervisor, input({ query }, { kind: "add_tags", tags: ["#VIP", "novo"] }));
    expect(preview).toEqual({ ok: true, matched: 2, willChange: 2, unchanged: 0, skipped: 0 });
    const added = await run(supervisor, { query }, { kind: "add_tags", tags: ["#VIP", "novo"] });
    expect(added).toMatchObject({ changed: 2, unchanged: 0, params: { tags: ["vip", "novo"] }, listHref: `/contacts?${query}` });
    expect((await stored(inS1)).tags).toEqual(["b", "vip", "novo"]);
    expect((await stored(inS1andS3)).tags).toEqual(["vip", "novo"]);
    expect((await stored(inS1)).version).toBe(2);
    expect(await historyOf(inS1)).toEqual([
      { source: "bulk", action: "update", batchId: added.id, actorName: "Supervisor", changes: [{ field: "tags", from: ["b", "vip"], to: ["b", "vip", "novo"] }] },
    ]);

    const removed = await run(supervisor, { query }, { kind: "remove_tags", tags: ["vip"] });
    expect(removed.changed).toBe(2);
    expect((await stored(inS1)).tags).toEqual(["b", "novo"]);
  });

  it(`never gives a contact more than ${TAGS_PER_CONTACT_MAX} hashtags: a contact with no room is skipped, one that has them all is unchanged`, async () => {
    const { admin } = world.viewers;
    const { inS1, inS2, inS3 } = world.contacts;
    const own = Array.from({ length: TAGS_PER_CONTACT_MAX - 1 }, (_, i) => `t${i}`);
    await getDb().update(contacts).set({ tags: own }).where(eq(contacts.id, inS1)); // room for one
    await getDb().update(contacts).set({ tags: [...own, "novo"] }).where(eq(contacts.id, inS2)); // full, but has both
    await getDb().update(contacts).set({ tags: [...own.slice(1), "vip"] }).where(eq(contacts.id, inS3)); // room for one

    const ids = [inS1, inS2, inS3];
    expect(await previewBulkAction(admin, input({ ids }, { kind: "add_tags", tags: ["vip", "t0"] }))).toMatchObject({ willChange: 2, unchanged: 0, skipped: 1 });
    const action = await run(admin, { ids }, { kind: "add_tags", tags: ["novo", "vip"] });
    expect(action).toMatchObject({ changed: 1, unchanged: 0, skipped: 2 });
    expect((await stored(inS1)).tags).toHaveLength(TAGS_PER_CONTACT_MAX - 1);
    expect((await stored(inS3)).tags).toEqual([...own.slice(1), "vip", "novo"]);
    expect((await stored(inS3)).tags).toHaveLength(TAGS_PER_CONTACT_MAX);
  });

  it(`refuses more than ${TAGS_PER_CONTACT_MAX} hashtags in one action, in Portuguese`, () => {
    const parsed = bulkActionInput.safeParse({ scope: { ids: [world.contacts.inS1] }, operation: { kind: "add_tags", tags: Array.from({ length: 5000 }, (_, i) => `t${i}`) } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual(["Um contato pode ter até 30 hashtags; você informou 5000."]);
  });

  it("counts contacts already so as unchanged and leaves them untouched", async () => {
    const action = await run(world.viewers.supervisor, { ids: [world.contacts.inS1, world.contacts.inS2] }, { kind: "set_priority", priority: "medium" });
    expect(action).toMatchObject({ changed: 0, unchanged: 2, skipped: 0 });
    expect((await stored(world.contacts.inS1)).version).toBe(1);
    expect(await historyOf(world.contacts.inS1)).toEqual([]);
  });

  it("records responsável and segment changes by name", async () => {
    const { supervisor, operator } = world.viewers;
    const { inS2 } = world.contacts;
    await run(supervisor, { ids: [inS2] }, { kind: "set_responsible", userId: operator.userId });
    const segmentAction = await run(supervisor, { ids: [inS2] }, { kind: "add_segments", segmentIds: [world.segments.s1] });
    expect(await segmentsOf(inS2)).toEqual([world.segments.s1, world.segments.s2].sort());
    expect((await historyOf(inS2)).map((h) => h.changes)).toEqual([
      [{ field: "responsible", from: null, to: "Operator" }],
      [{ field: "segments", from: ["S2"], to: ["S1", "S2"] }],
    ]);
    expect(segmentAction.params).toMatchObject({ segmentNames: ["S1"] });
    // Setting responsáveis is also an administrative change: one audit line for the whole action.
    const audit = await getDb().select({ action: auditEvents.action, details: auditEvents.details }).from(auditEvents).where(eq(auditEvents.organizationId, world.orgA));
    expect(audit).toEqual([{ action: "contacts.bulk_responsible", details: { contacts: 1, to: "Operator" } }]);
  });

  it("works through many chunks; a failed chunk leaves nothing half-written and is retried, with backoff, from where it stopped", async () => {
    const { admin } = world.viewers;
    const ids = [world.contacts.inS1, world.contacts.inS2, world.contacts.inS3, world.contacts.noSegment];
    const started = await startBulkAction(admin, input({ ids }, { kind: "set_priority", priority: "high" }));
    if (!started.ok) throw new Error(started.message);
    const db = getDb();
    // The third contact in chunk order cannot get its history row: its chunk fails and rolls back.
    const failing = [...ids].sort()[2];
    await db.execute(sql.raw(`create or replace function carteira_test_bulk_boom() returns trigger language plpgsql as $$ begin if new.contact_id = '${failing}' then raise exception 'boom'; end if; return new; end $$`));
    await db.execute(sql.raw(`create trigger carteira_test_bulk_boom before insert on contact_history for each row execute function carteira_test_bulk_boom()`));
    let errors: unknown[];
    try {
      errors = await workBulkActions(1);
    } finally {
      await db.execute(sql.raw(`drop trigger if exists carteira_test_bulk_boom on contact_history`));
    }
    expect(errors).toHaveLength(1);
    const halfway = await getBulkAction(admin, started.id);
    expect(halfway).toMatchObject({ status: "running", processed: 2, changed: 2 });
    expect((await stored(failing)).priority).toBe("medium");

    // The engine keeps the job for a retry, later rather than at once (backoff).
    const [job] = rowsOf<{ state: string; later: boolean }>(
      await db.execute(sql`select state, start_after > now() as later from pgboss.job where name = ${queues.bulkAction} and data->>'id' = ${started.id}`),
    );
    expect(job).toEqual({ state: "retry", later: true });
    expect(await workBulkActions(1)).toEqual([]);
    expect((await getBulkAction(admin, started.id))?.processed).toBe(2);

    // When it is due, the retry goes on from the failed chunk. Due a second ago, not "now": the engine
    // fetches jobs with start_after < now(), and PGlite's clock can read the same instant twice.
    await db.execute(sql`update pgboss.job set start_after = now() - interval '1 second' where name = ${queues.bulkAction} and data->>'id' = ${started.id}`);
    expect(await workBulkActions(1)).toEqual([]);
    expect(await getBulkAction(admin, started.id)).toMatchObject({ status: "done", total: 4, processed: 4, changed: 4 });
    const priorities = await db.select({ priority: contacts.priority }).from(contacts).where(inArray(contacts.id, ids));
    expect(priorities.map((p) => p.priority)).toEqual(["high", "high", "high", "high"]);
    const history = await db.select({ id: contactHistory.contactId }).from(contactHistory).where(eq(contactHistory.batchId, started.id));
    expect(history.map((h) => h.id).sort()).toEqual([...ids].sort());
  });
});

describe("bulk actions: undo", () => {
  it("undoes the whole action, except contacts changed since, and records the undo in their history", async () => {
    const { supervisor } = world.viewers;
    const { inS1, inS2 } = world.contacts;
    const action = await run(supervisor, { ids: [inS1, inS2] }, { kind: "set_priority", priority: "high" });
    // Someone edits inS2 after the bulk action: its undo must not overwrite that.
    const current = (await getContactForEdit(supervisor, inS2))!;
    const edited = await updateContact(supervisor, inS2, current.version, editInput(current, () => true, { name: "Editado depois" }), "form");
    expect(edited.ok).toBe(true);

    const undone = await undo(supervisor, action.id);
    expect(undone).toMatchObject({ status: "undone", undone: 1, keptOnUndo: 1, undoneByName: "Supervisor", canUndo: false });
    expect((await stored(inS1)).priority).toBe("medium");
    expect((await stored(inS2)).priority).toBe("high");
    expect((await historyOf(inS1)).map(({ source, changes }) => ({ source, changes }))).toEqual([
      { source: "bulk", changes: [{ field: "priority", from: "medium", to: "high" }] },
      { source: "undo", changes: [{ field: "priority", from: "high", to: "medium" }] },
    ]);
    expect(await requestBulkUndo(supervisor, action.id)).toMatchObject({ ok: false, code: "conflict" });
  });

  it("puts segment links back as they were", async () => {
    const { admin } = world.viewers;
    const { inS1, inS1andS3 } = world.contacts;
    const action = await run(admin, { ids: [inS1, inS1andS3] }, { kind: "remove_segments", segmentIds: [world.segments.s1, world.segments.s3] });
    expect(await segmentsOf(inS1andS3)).toEqual([]);
    await undo(admin, action.id);
    expect(await segmentsOf(inS1)).toEqual([world.segments.s1]);
    expect(await segmentsOf(inS1andS3)).toEqual([world.segments.s1, world.segments.s3].sort());

    const added = await run(admin, { ids: [inS1] }, { kind: "add_segments", segmentIds: [world.segments.s2, world.segments.s1] });
    expect(added.changed).toBe(1);
    await undo(admin, added.id);
    expect(await segmentsOf(inS1)).toEqual([world.segments.s1]);
    expect(await segmentMirrorDrift()).toEqual([]);
  });

  it("brings deleted contacts back with their segments, unless their código was taken meanwhile", async () => {
    const { admin } = world.viewers;
    const { inS1, inS1andS3 } = world.contacts;
    await getDb()
      .update(contacts)
      .set({ consent: { whatsapp: { status: "granted", at: "2026-03-12T17:05:00.000Z", source: "form", by: "Ana Souza" } } })
      .where(eq(contacts.id, inS1andS3));
    const before = await stored(inS1andS3);
    const inS1Code = (await stored(inS1)).customerCode;
    const action = await run(admin, { ids: [inS1, inS1andS3] }, { kind: "delete" });
    expect(action.changed).toBe(2);
    expect(await stored(inS1)).toBeUndefined();
    // Another contact takes inS1's código before the undo.
    await getDb().update(contacts).set({ customerCode: inS1Code }).where(eq(contacts.id, world.contacts.inS2));

    const undone = await undo(admin, action.id);
    expect(undone).toMatchObject({ undone: 1, keptOnUndo: 1 });
    expect(await stored(inS1)).toBeUndefined();
    const restored = await stored(inS1andS3);
    expect({ ...restored, version: 0, updatedAt: null, updatedByUserId: null }).toEqual({ ...before, version: 0, updatedAt: null, updatedByUserId: null });
    expect(await segmentsOf(inS1andS3)).toEqual([world.segments.s1, world.segments.s3].sort());
    expect((await historyOf(inS1andS3)).map((h) => [h.source, h.action])).toEqual([["bulk", "delete"], ["undo", "restore"]]);
    expect(await segmentMirrorDrift()).toEqual([]);
  });

  it("is open for 24 hours, to whoever ran it or an admin", async () => {
    const { supervisor, operator, admin } = world.viewers;
    const action = await run(supervisor, { ids: [world.contacts.inS1] }, { kind: "set_priority", priority: "low" });
    expect(await requestBulkUndo(operator, action.id)).toMatchObject({ ok: false, code: "not_found" });
    expect((await listBulkActions(operator)).map((a) => a.id)).not.toContain(action.id);
    expect((await listBulkActions(admin)).map((a) => a.id)).toContain(action.id);

    await getDb().update(bulkActions).set({ createdAt: sql`now() - interval '25 hours'` }).where(eq(bulkActions.id, action.id));
    expect((await getBulkAction(supervisor, action.id))?.canUndo).toBe(false);
    expect(await requestBulkUndo(admin, action.id)).toMatchObject({ ok: false, code: "conflict", message: "Esta ação não pode mais ser desfeita." });
    expect((await stored(world.contacts.inS1)).priority).toBe("low");
  });
});
