// Bulk actions on ~100,000 contacts (issue 4): set responsável and add a hashtag to "all contacts
// matching a filter", then undo each, against the SQL a DBA would write for the same change (the
// update plus one history row per contact) in a transaction rolled back afterwards, so the data
// set is left as it was.
import type { Pool } from "pg";
import type { Viewer } from "@/lib/auth/viewer";
import { bulkActionInput, type RawBulkActionInput } from "@/lib/bulk-actions/bulk-action-input";
import { getBulkAction, requestBulkUndo, startBulkAction } from "@/lib/bulk-actions/bulk-actions";
import { runBulkActionJob, type BulkActionJob } from "@/lib/bulk-actions/runner";
import { queues, workReadyJobs } from "@/lib/jobs/engine";

export type BulkResult = { name: string; contacts: number; changed: number; seconds: number; undoSeconds: number; rawSeconds: number };

/** The action's job, taken from the job engine and worked by its handler, as a worker does. */
async function work() {
  const errors = await workReadyJobs<BulkActionJob>(queues.bulkAction, (job) => runBulkActionJob(job));
  if (errors.length > 0) throw errors[0];
}

export async function benchBulk(pool: Pool, admin: Viewer, target: number): Promise<BulkResult[]> {
  const org = admin.organizationId;
  // The newest `target` contacts, as a created-from filter (Brasília days, as the list filters).
  const { rows: [boundary] } = await pool.query(
    `select to_char(created_at at time zone 'America/Sao_Paulo', 'YYYY-MM-DD') as day from contacts
     where organization_id = $1 order by created_at desc, id desc offset $2 limit 1`,
    [org, target - 1],
  );
  const day: string = boundary?.day ?? "1970-01-01";
  const inFilter = `c.organization_id = $1 and c.created_at >= ($2::date)::timestamp at time zone 'America/Sao_Paulo'`;
  const { rows: [user] } = await pool.query(`select id, name from users where organization_id = $1 and role = 'operator' order by email limit 1`, [org]);

  const cases: { name: string; operation: RawBulkActionInput["operation"]; raw: string; values: unknown[] }[] = [
    {
      name: "set responsável",
      operation: { kind: "set_responsible", userId: user.id },
      raw: `with changed as (
          update contacts c set responsible_user_id = $3, version = c.version + 1, updated_at = now(), updated_by_user_id = $4
          from contacts old where old.organization_id = c.organization_id and old.id = c.id
            and ${inFilter} and c.responsible_user_id is distinct from $3
          returning c.id, old.responsible_user_id as before)
        insert into contact_history (organization_id, contact_id, actor_user_id, actor_name, source, action, changes)
        select $1, id, $4, 'bench', 'bulk', 'update',
          jsonb_build_array(jsonb_build_object('field', 'responsible', 'from', (select name from users where organization_id = $1 and id = before), 'to', $5::text))
        from changed`,
      values: [org, day, user.id, admin.userId, user.name],
    },
    {
      name: "add hashtag",
      operation: { kind: "add_tags", tags: ["bench"] },
      raw: `with changed as (
          update contacts c set tags = c.tags || array['bench'], version = c.version + 1, updated_at = now(), updated_by_user_id = $3
          from contacts old where old.organization_id = c.organization_id and old.id = c.id
            and ${inFilter} and not (c.tags @> array['bench'])
          returning c.id, old.tags as before, c.tags as after)
        insert into contact_history (organization_id, contact_id, actor_user_id, actor_name, source, action, changes)
        select $1, id, $3, 'bench', 'bulk', 'update', jsonb_build_array(jsonb_build_object('field', 'tags', 'from', to_jsonb(before), 'to', to_jsonb(after)))
        from changed`,
      values: [org, day, admin.userId],
    },
  ];

  const results: BulkResult[] = [];
  const ids: string[] = [];
  for (const c of cases) {
    const input = bulkActionInput.parse({ scope: { query: `createdFrom=${day}` }, operation: c.operation });
    let started = performance.now();
    const action = await startBulkAction(admin, input);
    if (!action.ok) throw new Error(action.message);
    ids.push(action.id);
    await work();
    const seconds = (performance.now() - started) / 1000;
    const done = (await getBulkAction(admin, action.id))!;

    started = performance.now();
    const undo = await requestBulkUndo(admin, action.id);
    if (!undo.ok) throw new Error(undo.message);
    await work();
    const undoSeconds = (performance.now() - started) / 1000;

    const client = await pool.connect();
    try {
      await client.query("begin");
      started = performance.now();
      await client.query(c.raw, c.values);
      const rawSeconds = (performance.now() - started) / 1000;
      await client.query("rollback");
      results.push({ name: c.name, contacts: done.total, changed: done.changed, seconds, undoSeconds, rawSeconds });
    } finally {
      client.release();
    }
  }
  // Leave the data set as it was (the contacts already are, by the undo): no bench history or log.
  await pool.query(`delete from contact_history where organization_id = $1 and batch_id = any($2::uuid[])`, [org, ids]);
  await pool.query(`delete from bulk_actions where organization_id = $1 and id = any($2::uuid[])`, [org, ids]);
  // 400,000 row versions later: without this the next run's list and search figures would pay for
  // dead tuples and GIN pending lists that autovacuum has not reached yet.
  await pool.query("vacuum analyze contacts, contact_history, bulk_action_items");
  return results;
}
