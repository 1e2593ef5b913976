import { sql } from "drizzle-orm";
import { afterEach, expect, it } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import { createWorld } from "@/db/testing/world";
import { bulkActionInput } from "@/lib/bulk-actions/bulk-action-input";
import { getBulkAction, startBulkAction } from "@/lib/bulk-actions/bulk-actions";
import { startWorker, stopAllWorkers, stopWorker, until } from "./testing/worker-processes";

// Separate worker processes (`npm run worker`) on one PostgreSQL: one is killed in the middle of a
// bulk action, as a crash would; the other takes the job over and every contact is written once.

// Every worker is gone, its connections closed, before the file's database is dropped.
afterEach(stopAllWorkers);

it("two workers on one bulk action, one killed mid-way: the other resumes it within a minute and every contact is changed exactly once", async () => {
  const world = await createWorld();
  const { admin } = world.viewers;
  const db = getDb();
  await db.execute(sql`
    insert into contacts (organization_id, name, document, document_type, customer_code)
    select ${world.orgA}::uuid, 'Carga ' || g, lpad(g::text, 11, '0'), 'cpf', 'CARGA-' || g from generate_series(1, 20000) g`);
  const started = await startBulkAction(admin, bulkActionInput.parse({ scope: { query: "" }, operation: { kind: "add_tags", tags: ["carga"] } }));
  if (!started.ok) throw new Error(started.message);
  const total = (await getBulkAction(admin, started.id))!.total;
  expect(total).toBeGreaterThan(20000);

  const first = startWorker();
  await until("the first worker's first chunks", 60, async () => {
    const action = await getBulkAction(admin, started.id);
    return action && action.processed > 0 ? action : null;
  });
  startWorker();
  await stopWorker(first);
  const atKill = (await getBulkAction(admin, started.id))!;
  expect(atKill.status).toBe("running");
  expect(atKill.processed).toBeLessThan(total);

  // The job the dead worker held expires and the other worker resumes it: within a minute.
  await until("the second worker to resume", 60, async () => {
    const action = await getBulkAction(admin, started.id);
    return action && action.processed > atKill.processed ? action : null;
  });
  const done = await until("the second worker to finish", 120, async () => {
    const action = await getBulkAction(admin, started.id);
    return action?.status === "done" ? action : null;
  });
  expect(done).toMatchObject({ total, processed: total, changed: total, unchanged: 0, skipped: 0 });
  const [written] = rowsOf<{ contacts: number; tagged_once: number; version_2: number; history: number; one_row_each: number }>(
    await db.execute(sql`
      select count(*)::int as contacts,
        count(*) filter (where array_length(array_positions(c.tags, 'carga'), 1) = 1)::int as tagged_once,
        count(*) filter (where c.version = 2)::int as version_2,
        (select count(*)::int from contact_history h where h.batch_id = ${started.id}::uuid) as history,
        (select count(distinct h.contact_id)::int from contact_history h where h.batch_id = ${started.id}::uuid) as one_row_each
      from contacts c where c.organization_id = ${world.orgA}::uuid`),
  );
  expect(written).toEqual({ contacts: total, tagged_once: total, version_2: total, history: total, one_row_each: total });
}, 300_000);
