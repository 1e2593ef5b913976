import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import { bulkActionItems, bulkActions, contactHistory, contacts } from "@/db/schema";
import { createWorld, type World } from "@/db/testing/world";
import { jobEngine, queues, workReadyJobs } from "@/lib/jobs/engine";
import { bulkActionInput } from "./bulk-action-input";
import { getBulkAction, purgeExpiredBulkItems, requestBulkUndo, startBulkAction } from "./bulk-actions";
import { resumeOrphanedBulkActions, runBulkActionJob, type BulkActionJob } from "./runner";

// How bulk actions live on the job engine: enqueued with their row, fenced per run, purged after undo.

let world: World;
beforeEach(async () => {
  world = await createWorld();
});

const workBulkActions = (chunkSize?: number) => workReadyJobs<BulkActionJob>(queues.bulkAction, (job) => runBulkActionJob(job, chunkSize));

async function jobsFor(id: string) {
  return rowsOf<{ state: string }>(
    await getDb().execute(sql`select state from pgboss.job where name = ${queues.bulkAction} and data->>'id' = ${id} order by created_on`),
  );
}

const allOfA = () => [world.contacts.inS1, world.contacts.inS2, world.contacts.inS3, world.contacts.noSegment];
const setHigh = () => bulkActionInput.parse({ scope: { ids: allOfA() }, operation: { kind: "set_priority", priority: "high" } });

describe("bulk actions on the job engine", () => {
  it("a started action and its job are written together: both or neither", async () => {
    const started = await startBulkAction(world.viewers.admin, setHigh());
    if (!started.ok) throw new Error(started.message);
    expect(await jobsFor(started.id)).toEqual([{ state: "created" }]);

    // A start that fails after the job was enqueued leaves neither the action nor its job.
    const db = getDb();
    await db.execute(sql.raw(`create or replace function carteira_test_no_total() returns trigger language plpgsql as $$ begin if new.total > 0 then raise exception 'boom'; end if; return new; end $$`));
    await db.execute(sql.raw(`create trigger carteira_test_no_total before update on bulk_actions for each row execute function carteira_test_no_total()`));
    try {
      await expect(startBulkAction(world.viewers.admin, setHigh())).rejects.toThrow();
    } finally {
      await db.execute(sql.raw(`drop trigger if exists carteira_test_no_total on bulk_actions`));
    }
    const actions = await db.select({ id: bulkActions.id }).from(bulkActions).where(eq(bulkActions.organizationId, world.orgA));
    expect(actions).toEqual([{ id: started.id }]);
    const [{ jobs }] = rowsOf<{ jobs: number }>(await db.execute(sql`select count(*)::int as jobs from pgboss.job where name = ${queues.bulkAction}`));
    expect(jobs).toBe(1);
  });

  it("an undo is requested with its job, in one transaction", async () => {
    const started = await startBulkAction(world.viewers.admin, setHigh());
    if (!started.ok) throw new Error(started.message);
    expect(await workBulkActions()).toEqual([]);
    expect(await requestBulkUndo(world.viewers.admin, started.id)).toEqual({ ok: true });
    expect(await jobsFor(started.id)).toEqual([{ state: "completed" }, { state: "created" }]);
    expect(await workBulkActions()).toEqual([]);
    expect(await getBulkAction(world.viewers.admin, started.id)).toMatchObject({ status: "undone", undone: 4 });
  });

  it("a run that lost the action to a newer run of its job changes nothing more; the newer run finishes it, each contact once", async () => {
    const started = await startBulkAction(world.viewers.admin, setHigh());
    if (!started.ok) throw new Error(started.message);
    const db = getDb();
    // While the first run writes its first chunk, another worker takes the job over (its run
    // expired): simulated by a new token on the action as soon as the first history row is written.
    await db.execute(sql.raw(`create or replace function carteira_test_take_over() returns trigger language plpgsql as $$
      begin update bulk_actions set run_token = 'another-run' where id = new.batch_id; return new; end $$`));
    await db.execute(sql.raw(`create trigger carteira_test_take_over after insert on contact_history for each row execute function carteira_test_take_over()`));
    const [job] = await jobEngine().fetch<BulkActionJob>(queues.bulkAction, { includeMetadata: true });
    try {
      await runBulkActionJob(job, 1);
    } finally {
      await db.execute(sql.raw(`drop trigger if exists carteira_test_take_over on contact_history`));
    }
    expect(await getBulkAction(world.viewers.admin, started.id)).toMatchObject({ status: "running", processed: 1, changed: 1 });
    const pending = await db.select({ id: bulkActionItems.contactId }).from(bulkActionItems).where(and(eq(bulkActionItems.bulkActionId, started.id), eq(bulkActionItems.state, "pending")));
    expect(pending).toHaveLength(3);

    // The newer run (the engine hands the job out again) does the rest.
    await runBulkActionJob(job, 1);
    expect(await getBulkAction(world.viewers.admin, started.id)).toMatchObject({ status: "done", processed: 4, changed: 4 });
    const history = rowsOf<{ contact_id: string; rows: number }>(
      await db.execute(sql`select contact_id, count(*)::int as rows from contact_history where batch_id = ${started.id}::uuid group by contact_id`),
    );
    expect(history.map((h) => h.rows)).toEqual([1, 1, 1, 1]);
    const versions = await db.select({ version: contacts.version }).from(contacts).where(sql`${contacts.id} in ${allOfA()}`);
    expect(versions.map((v) => v.version)).toEqual([2, 2, 2, 2]);
  });

  it("items are purged past the undo window, never those of a running action", async () => {
    const finished = await startBulkAction(world.viewers.admin, setHigh());
    if (!finished.ok) throw new Error(finished.message);
    expect(await workBulkActions()).toEqual([]);
    const running = await startBulkAction(world.viewers.admin, bulkActionInput.parse({ scope: { ids: allOfA() }, operation: { kind: "add_tags", tags: ["x"] } }));
    if (!running.ok) throw new Error(running.message);
    const db = getDb();
    await db.update(bulkActions).set({ createdAt: sql`now() - interval '25 hours'` }).where(eq(bulkActions.organizationId, world.orgA));

    expect(await purgeExpiredBulkItems()).toBeGreaterThanOrEqual(4);
    const left = await db.select({ action: bulkActionItems.bulkActionId }).from(bulkActionItems).where(eq(bulkActionItems.organizationId, world.orgA));
    expect(new Set(left.map((l) => l.action))).toEqual(new Set([running.id]));
    // The log still reads: the action, its counts and its history stay.
    expect(await getBulkAction(world.viewers.admin, finished.id)).toMatchObject({ status: "done", changed: 4, canUndo: false });
    expect(await db.$count(contactHistory, eq(contactHistory.batchId, finished.id))).toBe(4);
  });
});

describe("the minute's check for orphaned bulk actions", () => {
  it("gives a new job to an action whose job finished while it did not, and leaves waiting ones alone", async () => {
    // What earlier tests of this file left queued is worked first: only this test's jobs remain.
    await workBulkActions();
    const orphan = await startBulkAction(world.viewers.admin, setHigh());
    if (!orphan.ok) throw new Error(orphan.message);
    // A run that outlived its expiry completes the job; the newer run of that job then crashed.
    const boss = jobEngine();
    const [job] = await boss.fetch<BulkActionJob>(queues.bulkAction);
    expect(job.data.id).toBe(orphan.id);
    await boss.complete(queues.bulkAction, job.id);
    const waiting = await startBulkAction(world.viewers.admin, bulkActionInput.parse({ scope: { ids: allOfA() }, operation: { kind: "add_tags", tags: ["x"] } }));
    if (!waiting.ok) throw new Error(waiting.message);

    expect(await resumeOrphanedBulkActions()).toBe(1);
    expect(await resumeOrphanedBulkActions()).toBe(0);
    expect(await jobsFor(orphan.id)).toEqual([{ state: "completed" }, { state: "created" }]);
    expect(await jobsFor(waiting.id)).toEqual([{ state: "created" }]);

    expect(await workBulkActions()).toEqual([]);
    expect(await getBulkAction(world.viewers.admin, orphan.id)).toMatchObject({ status: "done", changed: 4 });
    expect(await getBulkAction(world.viewers.admin, waiting.id)).toMatchObject({ status: "done", changed: 4 });
    expect(await resumeOrphanedBulkActions()).toBe(0);
  });
});
