import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import { createWorld, type World } from "@/db/testing/world";
import { distributeWaiting } from "./distribute";
import { setPresence } from "./presence";
import { takeNextAttendance } from "./queues";
import { addAttendance, saveLiveSettings } from "@/db/testing/live";

// Automatic distribution: to available operators of the queue, fewest open first, never past the cap.

let world: World;
beforeEach(async () => {
  world = await createWorld();
});

async function openBy() {
  const rows = rowsOf<{ operator_user_id: string; count: number | string }>(
    await getDb().execute(sql`
      select operator_user_id, count(*) from attendances where organization_id = ${world.orgA}::uuid and status = 'open' group by operator_user_id`),
  );
  return Object.fromEntries(rows.map((r) => [r.operator_user_id, Number(r.count)]));
}

describe("automatic distribution", () => {
  it("does nothing while it is off", async () => {
    await addAttendance(world.orgA, { segmentId: world.segments.s1 });
    expect(await distributeWaiting(world.orgA)).toBe(0);
    expect(await openBy()).toEqual({});
  });

  it("gives each queue's attendances to its available operators, fewest open first, up to the cap; paused operators get nothing", async () => {
    const { operator, supervisor, otherOperator } = world.viewers;
    await saveLiveSettings(world.orgA, { autoDistribution: true, maxOpenPerOperator: 2 });
    // The supervisor already holds one: the operator is given the first.
    await addAttendance(world.orgA, { segmentId: world.segments.s2, minutesAgo: 60 });
    await takeNextAttendance(supervisor);
    const s1 = [];
    for (let i = 0; i < 5; i++) s1.push(await addAttendance(world.orgA, { segmentId: world.segments.s1, minutesAgo: 50 - i }));
    const s3 = await addAttendance(world.orgA, { segmentId: world.segments.s3 });
    await setPresence(otherOperator, { status: "paused", pauseReason: "Almoço" });

    expect(await distributeWaiting(world.orgA)).toBe(3);
    expect(await openBy()).toEqual({ [operator.userId]: 2, [supervisor.userId]: 2 });
    const [first] = rowsOf<{ operator_user_id: string }>(await getDb().execute(sql`select operator_user_id from attendances where id = ${s1[0]}::uuid`));
    expect(first.operator_user_id).toBe(operator.userId);

    // Back from pause, the S3 operator gets the S3 attendance, and nothing of S1.
    await setPresence(otherOperator, { status: "available" });
    expect(await distributeWaiting(world.orgA)).toBe(1);
    expect(await openBy()).toEqual({ [operator.userId]: 2, [supervisor.userId]: 2, [otherOperator.userId]: 1 });
    const [inS3] = rowsOf<{ operator_user_id: string }>(await getDb().execute(sql`select operator_user_id from attendances where id = ${s3}::uuid`));
    expect(inS3.operator_user_id).toBe(otherOperator.userId);
  });

  it("never passes the cap, with distributions and operators' own clicks racing", async () => {
    const { operator, supervisor } = world.viewers;
    await saveLiveSettings(world.orgA, { autoDistribution: true, maxOpenPerOperator: 3 });
    for (let i = 0; i < 20; i++) await addAttendance(world.orgA, { segmentId: world.segments.s1, minutesAgo: i });
    await Promise.all([
      distributeWaiting(world.orgA),
      distributeWaiting(world.orgA),
      ...Array.from({ length: 4 }, () => takeNextAttendance(operator)),
      ...Array.from({ length: 4 }, () => takeNextAttendance(supervisor)),
    ]);
    expect(await openBy()).toEqual({ [operator.userId]: 3, [supervisor.userId]: 3 });
  });
});
