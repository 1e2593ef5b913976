import { sql } from "drizzle-orm";
import { afterEach, expect, it } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import { addAttendance, saveLiveSettings } from "@/db/testing/live";
import { createWorld } from "@/db/testing/world";
import { exited, startProcess, stopAllWorkers } from "@/lib/jobs/testing/worker-processes";
import { distributeWaiting } from "./distribute";

// Automatic distribution with several app servers on one PostgreSQL: two other processes and this
// one distribute the same queue at the same instant; no operator passes the cap.

afterEach(stopAllWorkers);

it("two servers and this one distributing at once never give an operator more than the cap", async () => {
  const world = await createWorld();
  const cap = 2;
  await saveLiveSettings(world.orgA, { autoDistribution: true, maxOpenPerOperator: cap });
  const operators: string[] = [];
  for (let i = 0; i < 10; i++) {
    const [user] = rowsOf<{ id: string }>(
      await getDb().execute(sql`
        insert into users (organization_id, name, email, role, password_hash)
        values (${world.orgA}::uuid, ${`Operador ${i}`}, ${`op${i}.${crypto.randomUUID()}@test.local`}, 'operator', 'x') returning id`),
    );
    await getDb().execute(sql`insert into segment_members (organization_id, segment_id, user_id) values (${world.orgA}::uuid, ${world.segments.s2}::uuid, ${user.id}::uuid)`);
    operators.push(user.id);
  }
  for (let i = 0; i < 60; i++) await addAttendance(world.orgA, { segmentId: world.segments.s2, minutesAgo: i });

  // Processes take a few seconds to start: all three begin at one agreed instant.
  const at = Date.now() + 6_000;
  const servers = [startProcess("lib/live/testing/distribute-at.ts", [world.orgA, String(at)]), startProcess("lib/live/testing/distribute-at.ts", [world.orgA, String(at)])];
  await new Promise((resolve) => setTimeout(resolve, at - Date.now()));
  await Promise.all([distributeWaiting(world.orgA), distributeWaiting(world.orgA)]);
  expect(await Promise.all(servers.map(exited))).toEqual([0, 0]);
  // The supervisor of S2 is served too: 11 people.
  const held = rowsOf<{ operator_user_id: string; open: number | string }>(
    await getDb().execute(sql`
      select operator_user_id, count(*) as open from attendances
      where organization_id = ${world.orgA}::uuid and status = 'open' group by operator_user_id`),
  );
  expect(held).toHaveLength(operators.length + 1);
  expect(held.map((r) => Number(r.open))).toEqual(held.map(() => cap));
  const [open] = rowsOf<{ n: number | string }>(await getDb().execute(sql`select count(*) as n from attendances where organization_id = ${world.orgA}::uuid and status = 'open'`));
  expect(Number(open.n)).toBe((operators.length + 1) * cap);
});
