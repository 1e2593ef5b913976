import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createWorld, type World } from "@/db/testing/world";
import type { Viewer } from "@/lib/auth/viewer";
import { runBulkActionJob, type BulkActionJob } from "@/lib/bulk-actions/runner";
import { getContact } from "@/lib/contacts/queries";
import { queues, workReadyJobs } from "@/lib/jobs/engine";

// The bulk actions are public HTTP endpoints: called here as a forged request would, with the
// session replaced by whoever the test says is signed in. The queued jobs are worked at once.
const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/session", () => ({ getViewer: async () => session.viewer }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { bulkActionProgressAction, previewBulkActionAction, startBulkActionAction, undoBulkActionAction } = await import("./actions");

/** The jobs the actions enqueued, worked as the engine's workers do; how many there were. */
async function runBackground() {
  let jobs = 0;
  const errors = await workReadyJobs<BulkActionJob>(queues.bulkAction, (job) => (jobs++, runBulkActionJob(job)));
  expect(errors).toEqual([]);
  return jobs;
}

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
beforeEach(() => {
  session.viewer = null;
});

const priorityOf = async (id: string) => (await getContact(world.viewers.admin, id))?.priority;

describe("bulk server actions", () => {
  it("refuse every call without a session, changing nothing", async () => {
    const input = { scope: { ids: [world.contacts.inS1] }, operation: { kind: "set_priority", priority: "high" } };
    expect(await previewBulkActionAction(input)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await startBulkActionAction(input)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await runBackground()).toBe(0);
    expect(await priorityOf(world.contacts.inS1)).toBe("medium");
  });

  it.each(["not-a-uuid", "", "00000000-0000-0000-0000-000000000000\0"])("answer not found for the malformed bulk action id %j", async (id) => {
    session.viewer = world.viewers.admin;
    expect(await bulkActionProgressAction(id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await undoBulkActionAction(id)).toMatchObject({ ok: false, code: "not_found" });
  });

  it("answer malformed input with field errors in Portuguese", async () => {
    session.viewer = world.viewers.supervisor;
    const result = await startBulkActionAction({ scope: { ids: ["not-a-uuid"] }, operation: { kind: "add_tags", tags: [] } });
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    expect(JSON.stringify(result)).toContain("Informe ao menos uma hashtag.");
    expect(await startBulkActionAction("nonsense")).toMatchObject({ ok: false, code: "invalid" });
  });

  it("refuse a supervisor deleting in bulk, and an operator's forged responsável", async () => {
    session.viewer = world.viewers.supervisor;
    expect(await startBulkActionAction({ scope: { ids: [world.contacts.inS1] }, operation: { kind: "delete" } })).toMatchObject({ ok: false, code: "forbidden" });
    session.viewer = world.viewers.operator;
    const forged = { scope: { ids: [world.contacts.inS1] }, operation: { kind: "set_responsible", userId: world.viewers.adminB.userId } };
    expect(await startBulkActionAction(forged)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await runBackground()).toBe(0);
    expect((await getContact(world.viewers.admin, world.contacts.inS1))?.responsible).toBeNull();
  });

  it("run, report progress and undo for the one who started it; others get not found", async () => {
    session.viewer = world.viewers.supervisor;
    const started = await startBulkActionAction({ scope: { ids: [world.contacts.inS2] }, operation: { kind: "set_priority", priority: "low" } });
    if (!started.ok) throw new Error(started.message);
    expect(await runBackground()).toBe(1);
    expect(await priorityOf(world.contacts.inS2)).toBe("low");
    expect(await bulkActionProgressAction(started.id)).toMatchObject({ ok: true, action: { status: "done", changed: 1 } });

    session.viewer = world.viewers.operator;
    expect(await bulkActionProgressAction(started.id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await undoBulkActionAction(started.id)).toMatchObject({ ok: false, code: "not_found" });
    session.viewer = world.viewers.adminB;
    expect(await undoBulkActionAction(started.id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await runBackground()).toBe(0);

    session.viewer = world.viewers.supervisor;
    expect(await undoBulkActionAction(started.id)).toEqual({ ok: true });
    expect(await runBackground()).toBe(1);
    expect(await priorityOf(world.contacts.inS2)).toBe("medium");
  });
});
