import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createWorld, type World } from "@/db/testing/world";
import type { Viewer } from "@/lib/auth/viewer";
import { listUsersOverview } from "@/lib/users/admin";

// Public HTTP endpoints: called as a forged request would be, with whoever the test says signed in.
const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/session", () => ({ getViewer: async () => session.viewer }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { createUserAction, deactivateUserAction, renewInviteAction, updateUserAccessAction } = await import("./actions");

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
beforeEach(() => {
  session.viewer = null;
});

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
  return data;
};

// Read through the admin's eyes: role, segments, status of everyone.
const usersOfA = async () => (await listUsersOverview(world.viewers.admin))!;

describe("user server actions", () => {
  it("refuse no session, operators and supervisors alike, changing nothing", async () => {
    const before = await usersOfA();
    for (const viewer of [null, world.viewers.operator, world.viewers.supervisor]) {
      session.viewer = viewer;
      const self = viewer?.userId ?? world.viewers.operator.userId;
      expect(await createUserAction(null, form({ access: "invite", name: "Novo Admin", email: "novo@exemplo.com.br", role: "admin" }))).toMatchObject({ ok: false, code: "forbidden" });
      expect(await updateUserAccessAction(null, form({ id: self, role: "admin" }))).toMatchObject({ ok: false, code: "forbidden" });
      expect(await deactivateUserAction(null, form({ id: world.viewers.admin.userId }))).toMatchObject({ ok: false, code: "forbidden" });
      expect(await renewInviteAction(self)).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await usersOfA()).toEqual(before);
  });

  it("answer bad input with field errors in Portuguese", async () => {
    session.viewer = world.viewers.admin;
    const result = await createUserAction(null, form({ access: "password", password: "123", name: "", email: "não é e-mail", role: "chefe" }));
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    const fieldErrors = (result as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(fieldErrors.name).toEqual(["Informe o nome."]);
    expect(fieldErrors.email).toEqual(["Informe um e-mail válido."]);
    expect(fieldErrors.role).toEqual(["Escolha o papel."]);
    expect(fieldErrors.password?.[0]).toBe("A senha precisa de pelo menos 10 caracteres.");
    expect(await updateUserAccessAction(null, form({ id: "' or 1=1", role: "admin" }))).toMatchObject({ ok: false, code: "not_found" });
  });
});
