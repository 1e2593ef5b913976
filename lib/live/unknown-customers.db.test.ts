import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { addAttendance } from "@/db/testing/live";
import { createWorld, type World } from "@/db/testing/world";
import { listQueues } from "./queues";
import { attendancesWithoutContact } from "./unknown-customers";

let world: World;
beforeEach(async () => {
  world = await createWorld();
});

describe("attendancesWithoutContact", () => {
  it("tells a customer nobody has registered from a contact the viewer does not see", async () => {
    // Both in Sem segmento, the operator's queue too: one from an unknown address, one from a contact of S3 only.
    const unknown = await addAttendance(world.orgA, { segmentId: null });
    const hidden = await addAttendance(world.orgA, { segmentId: null, address: "+5511912345678" });
    await getDb().execute(sql`update attendances set contact_id = ${world.contacts.inS3}::uuid where id = ${hidden}::uuid`);

    const entries = (await listQueues(world.viewers.operator)).find((q) => q.segmentId === null)!.entries;
    expect(entries.map((e) => e.contactName)).toEqual([null, null]);
    expect(await attendancesWithoutContact(world.viewers.operator, entries.map((e) => e.id))).toEqual(new Set([unknown]));
  });

  it("answers only about the viewer's queues and the attendances they hold", async () => {
    const inS3 = await addAttendance(world.orgA, { segmentId: world.segments.s3 });
    const heldInS3 = await addAttendance(world.orgA, { segmentId: world.segments.s3, operatorUserId: world.viewers.operator.userId });
    expect(await attendancesWithoutContact(world.viewers.operator, [inS3, heldInS3])).toEqual(new Set([heldInS3]));
    expect(await attendancesWithoutContact(world.viewers.adminB, [inS3, heldInS3])).toEqual(new Set());
    expect(await attendancesWithoutContact(world.viewers.admin, [inS3, heldInS3, "not-an-id"])).toEqual(new Set([inS3, heldInS3]));
  });
});
