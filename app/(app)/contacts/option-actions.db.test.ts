import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createWorld, type World } from "@/db/testing/world";
import type { Viewer } from "@/lib/auth/viewer";

// The options are asked for by the browser when the filters or a bulk action open: public HTTP
// endpoints, called here as a forged request would, with whoever the test says is signed in.
const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/session", () => ({ getViewer: async () => session.viewer }));

const { assignableOptionsAction, filterOptionsAction } = await import("./option-actions");

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
beforeEach(() => {
  session.viewer = null;
});

const names = (options: { name: string }[]) => options.map((o) => o.name);

describe("option server actions", () => {
  it("refuse every call without a session", async () => {
    expect(await filterOptionsAction()).toMatchObject({ ok: false, code: "forbidden" });
    expect(await assignableOptionsAction("responsibles")).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("offer each viewer the filter options of their own carteira, never another organization's", async () => {
    session.viewer = world.viewers.admin;
    const admin = await filterOptionsAction();
    if (!admin.ok) throw new Error(admin.message);
    expect(names(admin.segments)).toEqual(["S1", "S2", "S3"]);
    expect(names(admin.responsibles)).toEqual(["Admin", "Operator", "Other", "Supervisor"]);
    expect(Array.isArray(admin.tags)).toBe(true);

    session.viewer = world.viewers.supervisor;
    expect(await filterOptionsAction()).toMatchObject({ ok: true, segments: [{ name: "S1" }, { name: "S2" }], responsibles: [{ name: "Operator" }, { name: "Supervisor" }] });
    session.viewer = world.viewers.operator;
    expect(await filterOptionsAction()).toMatchObject({ ok: true, segments: [{ name: "S1" }], responsibles: [{ id: world.viewers.operator.userId, name: "Operator" }] });
  });

  it("offer a bulk action's responsáveis and segments as the permission table allows", async () => {
    session.viewer = world.viewers.admin;
    expect(await assignableOptionsAction("responsibles")).toMatchObject({ ok: true, options: [{ name: "Admin" }, { name: "Operator" }, { name: "Other" }, { name: "Supervisor" }] });
    session.viewer = world.viewers.supervisor;
    expect(await assignableOptionsAction("segments")).toMatchObject({ ok: true, options: [{ id: world.segments.s1 }, { id: world.segments.s2 }] });
    session.viewer = world.viewers.operator;
    expect(await assignableOptionsAction("responsibles")).toEqual({ ok: true, options: [] });
    expect(await assignableOptionsAction("users" as "responsibles")).toEqual({ ok: true, options: [] });
  });
});
