import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { currentSessionVersion, requestHeaders, sendCookie, signInAs, testSecret } from "@/db/testing/session-cookie";
import { createWorld, type World } from "@/db/testing/world";
import { acceptInvite, createUser, deactivateUser, updateUserAccess } from "@/lib/users/admin";
import { changeOwnPassword } from "@/lib/users/account";
import { newUserInput, userAccessInput } from "@/lib/users/user-input";
import { hashPassword } from "./password";
import { endAllSessions } from "./sessions";
import type { Viewer } from "./viewer";
import { redirectTarget } from "@/db/testing/redirect-target";

// The real session check, from the cookie a browser sends: next/headers answers requestHeaders.
vi.mock("next/headers", () => ({ headers: async () => requestHeaders }));
testSecret();
const { getSessionViewer, getViewer, requireViewer } = await import("./session");

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
beforeEach(() => {
  requestHeaders.delete("cookie");
});

const hours = (n: number) => n * 60 * 60 * 1000;

describe("the session cookie", () => {
  it("names its user, who is loaded fresh", async () => {
    const { supervisor } = world.viewers;
    await signInAs(supervisor);
    expect(await getViewer()).toMatchObject({ userId: supervisor.userId, organizationId: world.orgA, role: "supervisor" });
  });

  it.each([
    { what: "no cookie", cookie: null },
    { what: "a cookie that is not a token", cookie: "authjs.session-token=abc.def.ghi" },
  ])("$what → no viewer", async ({ cookie }) => {
    if (cookie) requestHeaders.set("cookie", cookie);
    expect(await getViewer()).toBeNull();
  });

  it("a cookie of the shape before session versions ({ uid, oid }) → no viewer", async () => {
    const { admin } = world.viewers;
    await sendCookie({ uid: admin.userId, oid: admin.organizationId });
    expect(await getViewer()).toBeNull();
  });

  it("lasts 8 hours from sign-in, even when re-issued since (a fresh cookie expiry does not extend it)", async () => {
    const { operator } = world.viewers;
    await signInAs(operator, Date.now() - hours(8) + 60_000);
    expect(await getViewer()).toMatchObject({ userId: operator.userId });
    await signInAs(operator, Date.now() - hours(8) - 1000);
    expect(await getViewer()).toBeNull();
  });
});

describe("ending sessions: every copy of an older cookie stops working", () => {
  const invite = () =>
    newUserInput.parse({ access: "invite", name: "Convidada", email: `convidada.${Math.random().toString(36).slice(2)}@test.local`, role: "operator", segmentIds: [] });

  async function withPassword(password: string) {
    const w = await createWorld();
    await getDb().update(users).set({ passwordHash: await hashPassword(password) }).where(eq(users.id, w.viewers.operator.userId));
    return w;
  }

  it.each<{ what: string; end: () => Promise<{ viewer: Viewer }> }>([
    {
      what: "signing out (also from another device)",
      end: async () => {
        const { operator } = (await createWorld()).viewers;
        await signInAs(operator);
        await endAllSessions(operator);
        return { viewer: operator };
      },
    },
    {
      what: "changing one's password",
      end: async () => {
        const { operator } = (await withPassword("Senha-antiga-1")).viewers;
        await signInAs(operator);
        expect(await changeOwnPassword(operator, "Senha-antiga-1", "Senha-nova-forte-2", "192.0.2.20")).toEqual({ ok: true });
        return { viewer: operator };
      },
    },
    {
      what: "an admin changing one's role",
      end: async () => {
        const w = await createWorld();
        await signInAs(w.viewers.operator);
        expect(await updateUserAccess(w.viewers.admin, w.viewers.operator.userId, userAccessInput.parse({ role: "supervisor", segmentIds: [w.segments.s1] }))).toEqual({ ok: true });
        return { viewer: w.viewers.operator };
      },
    },
    {
      what: "deactivation",
      end: async () => {
        const w = await createWorld();
        await signInAs(w.viewers.operator);
        expect(await deactivateUser(w.viewers.admin, w.viewers.operator.userId, null)).toMatchObject({ ok: true });
        return { viewer: w.viewers.operator };
      },
    },
  ])("$what", async ({ end }) => {
    const { viewer } = await end();
    expect(await getSessionViewer()).toBeNull();
    // The raised version is what ends it, not only the user's state.
    await getDb().update(users).set({ active: true }).where(and(eq(users.organizationId, viewer.organizationId), eq(users.id, viewer.userId)));
    expect(await getSessionViewer()).toBeNull();
    await signInAs(viewer);
    expect(await getSessionViewer()).toMatchObject({ userId: viewer.userId });
  });

  it("accepting an invite raises the version too", async () => {
    const created = await createUser(world.viewers.admin, invite());
    if (!created.ok) throw new Error(created.message);
    const viewer = { ...world.viewers.operator, userId: created.id };
    const before = await currentSessionVersion(viewer);
    expect(await acceptInvite(created.inviteToken!, "minha-senha-nova-1")).toMatchObject({ ok: true });
    expect(await currentSessionVersion(viewer)).toBe(before + 1);
  });

  it("new segments do not end the session", async () => {
    const w = await createWorld();
    await signInAs(w.viewers.operator);
    expect(await updateUserAccess(w.viewers.admin, w.viewers.operator.userId, userAccessInput.parse({ role: "operator", segmentIds: [w.segments.s2] }))).toEqual({ ok: true });
    expect(await getViewer()).toMatchObject({ userId: w.viewers.operator.userId, segmentIds: [w.segments.s2] });
  });
});

describe("a user who must change an initial password", () => {
  it("is nobody to getViewer and is sent to the password page by requireViewer; the password change sees them", async () => {
    const { operator } = world.viewers;
    await getDb().update(users).set({ mustChangePassword: true }).where(eq(users.id, operator.userId));
    await signInAs(operator);
    expect(await getViewer()).toBeNull();
    expect(await redirectTarget(requireViewer())).toBe("/account/password");
    expect(await getSessionViewer()).toMatchObject({ userId: operator.userId, mustChangePassword: true });
    await getDb().update(users).set({ mustChangePassword: false }).where(eq(users.id, operator.userId));
    expect(await getViewer()).toMatchObject({ userId: operator.userId });
  });

  it("nobody signed in is sent to /login", async () => {
    expect(await redirectTarget(requireViewer())).toBe("/login");
  });
});
