import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createWorld, type World } from "@/db/testing/world";
import { authenticateApiKey } from "@/lib/api-keys/authenticate";
import { listApiKeys } from "@/lib/api-keys/keys";
import type { Viewer } from "@/lib/auth/viewer";

// Public HTTP endpoints: called as a forged request would be, with whoever the test says signed in.
const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/session", () => ({ getViewer: async () => session.viewer }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { createApiKeyAction, revokeApiKeyAction } = await import("./actions");

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
beforeEach(() => {
  session.viewer = null;
});

const form = (name: string, scopes: string[]) => {
  const data = new FormData();
  data.append("name", name);
  for (const scope of scopes) data.append("scopes", scope);
  return data;
};

const keysOfA = async () => (await listApiKeys(world.viewers.admin))!;

describe("API key server actions", () => {
  it("refuse no session, operators and supervisors alike, changing nothing", async () => {
    session.viewer = world.viewers.admin;
    const created = await createApiKeyAction(null, form("ERP", ["contacts:read"]));
    if (!created.ok) throw new Error(created.message);
    const before = await keysOfA();
    for (const viewer of [null, world.viewers.operator, world.viewers.supervisor]) {
      session.viewer = viewer;
      expect(await createApiKeyAction(null, form("Outra", ["contacts:read"]))).toMatchObject({ ok: false, code: "forbidden" });
      expect(await revokeApiKeyAction(created.id)).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await keysOfA()).toEqual(before);
  });

  it("create a working key from the form, answering it once", async () => {
    session.viewer = world.viewers.admin;
    const created = await createApiKeyAction(null, form("  Chatbot  ", ["attendances:write", "contacts:read", "contacts:read"]));
    if (!created.ok) throw new Error(created.message);
    expect(await authenticateApiKey(`Bearer ${created.key}`)).toEqual({
      organizationId: world.orgA,
      keyId: created.id,
      keyName: "Chatbot",
      scopes: ["contacts:read", "attendances:write"],
      segmentIds: [],
      rateLimit: { limit: 600, remaining: 599, resetSeconds: expect.any(Number) },
    });
    expect(await revokeApiKeyAction(created.id)).toEqual({ ok: true });
    expect(await authenticateApiKey(`Bearer ${created.key}`)).toBeNull();
  });

  it("answer bad input with every field error in Portuguese, and garbage ids with not found", async () => {
    session.viewer = world.viewers.admin;
    expect(await createApiKeyAction(null, form("", []))).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { name: ["Dê um nome à chave."], scopes: ["Escolha ao menos uma permissão."] },
    });
    expect(await createApiKeyAction(null, form("ERP", ["contacts:delete"]))).toMatchObject({ ok: false, fieldErrors: { scopes: ["Escolha permissões da lista."] } });
    for (const id of ["1 or 1=1", "", "00000000-0000-0000-0000-000000000000"]) {
      expect(await revokeApiKeyAction(id)).toMatchObject({ ok: false, code: "not_found" });
    }
    // A forged call may send anything as the argument: still not found, never an error.
    expect(await revokeApiKeyAction({ id: 1 } as unknown as string)).toMatchObject({ ok: false, code: "not_found" });
  });
});
