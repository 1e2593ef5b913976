import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { segments, users } from "@/db/schema";
import { addAttendance } from "@/db/testing/live";
import { createWorld, type World } from "@/db/testing/world";
import { transferAttendance } from "./attendance";
import { listTransferOptions } from "./transfer-options";

let world: World;
beforeEach(async () => {
  world = await createWorld();
});

const attendanceInA = (values: { segmentId: string | null; operatorUserId?: string | null; status?: "waiting" | "open" | "closed" }) =>
  addAttendance(world.orgA, values);

const names = (options: Awaited<ReturnType<typeof listTransferOptions>>) =>
  options && { queues: options.queues.map((q) => q.name), operators: options.operators.map((o) => o.name) };

describe("listTransferOptions", () => {
  it("offers the holder the members of the attendance's segment (not themselves) and their own queues", async () => {
    const id = await attendanceInA({ segmentId: world.segments.s1, operatorUserId: world.viewers.operator.userId, status: "open" });
    expect(names(await listTransferOptions(world.viewers.operator, id))).toEqual({ queues: ["S1", "Sem segmento"], operators: ["Supervisor"] });
  });

  it("offers a supervisor their segments' queues; an admin every queue and every operator or supervisor", async () => {
    const id = await attendanceInA({ segmentId: world.segments.s1, operatorUserId: world.viewers.operator.userId, status: "open" });
    expect(names(await listTransferOptions(world.viewers.supervisor, id))).toEqual({ queues: ["S1", "S2", "Sem segmento"], operators: ["Supervisor"] });
    expect(names(await listTransferOptions(world.viewers.admin, id))).toEqual({ queues: ["S1", "S2", "S3", "Sem segmento"], operators: ["Other", "Supervisor"] });
  });

  it("offers anyone active of the organization for a Sem segmento attendance, never deactivated users or admins", async () => {
    const id = await attendanceInA({ segmentId: null });
    await getDb().update(users).set({ active: false }).where(eq(users.id, world.viewers.otherOperator.userId));
    expect(names(await listTransferOptions(world.viewers.supervisor, id))?.operators).toEqual(["Operator", "Supervisor"]);
  });

  it("leaves out archived segments", async () => {
    const id = await attendanceInA({ segmentId: world.segments.s1, operatorUserId: world.viewers.operator.userId, status: "open" });
    await getDb().update(segments).set({ archivedAt: new Date() }).where(eq(segments.id, world.segments.s2));
    expect(names(await listTransferOptions(world.viewers.supervisor, id))?.queues).toEqual(["S1", "Sem segmento"]);
  });

  it.each([
    ["an operator, for an attendance waiting in their queue", "operator", { segmentId: "s1" }],
    ["an operator, for someone else's attendance", "operator", { segmentId: "s1", holder: "supervisor" }],
    ["an operator outside the segment", "otherOperator", { segmentId: "s1", holder: "operator" }],
    ["a supervisor, for a queue not theirs", "supervisor", { segmentId: "s3", holder: "otherOperator" }],
    ["an admin, for a closed attendance", "admin", { segmentId: "s1", holder: "operator", status: "closed" }],
    ["another organization's admin", "adminB", { segmentId: "s1", holder: "operator" }],
  ] as const)("answers null to %s", async (_, viewerKey, spec) => {
    const holder = "holder" in spec ? world.viewers[spec.holder].userId : null;
    const status = "status" in spec ? spec.status : holder ? "open" : "waiting";
    const id = await attendanceInA({ segmentId: world.segments[spec.segmentId], operatorUserId: holder, status });
    expect(await listTransferOptions(world.viewers[viewerKey], id)).toBeNull();
  });

  it("answers null to a malformed id", async () => {
    expect(await listTransferOptions(world.viewers.admin, "not-an-id")).toBeNull();
  });

  it("lists only choices transferAttendance accepts", async () => {
    const id = await attendanceInA({ segmentId: world.segments.s1, operatorUserId: world.viewers.operator.userId, status: "open" });
    const options = (await listTransferOptions(world.viewers.operator, id))!;
    expect(await transferAttendance(world.viewers.operator, id, { to: "operator", userId: options.operators[0].id })).toEqual({ ok: true });
    const listed = await attendanceInA({ segmentId: world.segments.s1, operatorUserId: world.viewers.operator.userId, status: "open" });
    for (const queue of (await listTransferOptions(world.viewers.operator, listed))!.queues) {
      // Each on a fresh attendance of the operator's: a transfer to a queue takes it from them.
      const again = await attendanceInA({ segmentId: world.segments.s1, operatorUserId: world.viewers.operator.userId, status: "open" });
      expect(await transferAttendance(world.viewers.operator, again, { to: "queue", segmentId: queue.segmentId })).toEqual({ ok: true });
    }
  });
});
