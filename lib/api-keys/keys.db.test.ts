import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { apiKeys, auditEvents } from "@/db/schema";
import { createWorld, type World } from "@/db/testing/world";
import { apiKeyInput, type ApiKeyInput } from "./api-key-input";
import { authenticateApiKey } from "./authenticate";
import { createApiKey, listApiKeys, revokeApiKey } from "./keys";

let world: World;
beforeEach(async () => {
  world = await createWorld();
});

const input = (name: string, scopes: string[] = ["contacts:read"]): ApiKeyInput => apiKeyInput.parse({ name, scopes });
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

async function create(viewer = world.viewers.admin, name = "ERP", scopes?: string[]) {
  const result = await createApiKey(viewer, input(name, scopes));
  if (!result.ok) throw new Error(`createApiKey refused: ${result.message}`);
  return result;
}

async function storedRows(organizationId: string) {
  return getDb().select().from(apiKeys).where(eq(apiKeys.organizationId, organizationId)).orderBy(apiKeys.createdAt);
}

async function auditOf(organizationId: string) {
  return getDb()
    .select({ action: auditEvents.action, targetId: auditEvents.targetId, targetLabel: auditEvents.targetLabel, details: auditEvents.details })
    .from(auditEvents)
    .where(eq(auditEvents.organizationId, organizationId))
    .orderBy(auditEvents.createdAt);
}

const lastUsedAt = async (keyId: string) =>
  (await getDb().select({ at: sql<string | null>`${apiKeys.lastUsedAt}::text` }).from(apiKeys).where(eq(apiKeys.id, keyId)))[0].at;

describe("createApiKey", () => {
  it("answers the key once and stores only its SHA-256 and its first 12 characters", async () => {
    const { id, key } = await create(world.viewers.admin, "ERP", ["messages:send", "contacts:read"]);
    expect(key).toMatch(/^crt_[A-Za-z0-9_-]{43}$/);
    const [row] = await storedRows(world.orgA);
    expect(row).toMatchObject({
      id,
      name: "ERP",
      prefix: key.slice(0, 12),
      secretHash: sha256(key),
      // In the list's order, whatever order they were chosen in.
      scopes: ["contacts:read", "messages:send"],
      createdByUserId: world.viewers.admin.userId,
      lastUsedAt: null,
      revokedAt: null,
    });
    // The key is nowhere in the row, not even in part past the shown prefix.
    expect(JSON.stringify(row)).not.toContain(key.slice(12));
    expect(await auditOf(world.orgA)).toEqual([
      { action: "api_key.create", targetId: id, targetLabel: "ERP", details: { prefix: key.slice(0, 12), scopes: ["contacts:read", "messages:send"], segments: [], requestsPerMinute: 600 } },
    ]);
    // Nothing else can answer it again.
    expect(JSON.stringify(await listApiKeys(world.viewers.admin))).not.toContain(key.slice(12));
  });

  it("restricts a key to active segments of its own organization only", async () => {
    const forged = apiKeyInput.parse({ name: "ERP", scopes: ["contacts:read"], segmentIds: [world.segments.s1, world.segments.sB] });
    expect(await createApiKey(world.viewers.admin, forged)).toMatchObject({ ok: false, fieldErrors: { segmentIds: ["Escolha segmentos da lista."] } });
    expect(await storedRows(world.orgA)).toEqual([]);
    const restricted = await createApiKey(world.viewers.admin, { ...forged, segmentIds: [world.segments.s2, world.segments.s1] });
    expect(restricted.ok).toBe(true);
    expect((await listApiKeys(world.viewers.admin))?.[0].segmentNames).toEqual(["S1", "S2"]);
  });

  it("makes a different key every time", async () => {
    const first = await create();
    const second = await create();
    expect(first.key).not.toBe(second.key);
    expect((await storedRows(world.orgA)).map((row) => row.name)).toEqual(["ERP", "ERP"]);
  });

  it("refuses input no form offers, with field errors, and stores nothing", async () => {
    const forged = { name: "  ", scopes: ["contacts:read", "admin:all"] } as unknown as ApiKeyInput;
    expect(await createApiKey(world.viewers.admin, forged)).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { name: ["Dê um nome à chave."], scopes: ["Escolha permissões da lista."] },
    });
    expect(await createApiKey(world.viewers.admin, { name: "ERP", scopes: [], segmentIds: [], requestsPerMinute: 600 })).toMatchObject({
      ok: false,
      fieldErrors: { scopes: ["Escolha ao menos uma permissão."] },
    });
    expect(await storedRows(world.orgA)).toEqual([]);
  });
});

describe("API keys: admins only", () => {
  it.each(["supervisor", "operator", "otherOperator"] as const)("a %s may not create, list or revoke, and nothing changes", async (who) => {
    const viewer = world.viewers[who];
    const { id } = await create();
    expect(await createApiKey(viewer, input("Minha"))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await listApiKeys(viewer)).toBeNull();
    expect(await revokeApiKey(viewer, id)).toMatchObject({ ok: false, code: "forbidden" });
    const rows = await storedRows(world.orgA);
    expect(rows.map((row) => [row.name, row.revokedAt])).toEqual([["ERP", null]]);
    expect((await auditOf(world.orgA)).map((event) => event.action)).toEqual(["api_key.create"]);
  });
});

describe("listApiKeys", () => {
  it("lists the organization's keys, revoked ones too, newest first, with who made them, and no other organization's", async () => {
    const older = await create(world.viewers.admin, "ERP", ["contacts:read", "contacts:write"]);
    await getDb().update(apiKeys).set({ createdAt: sql`now() - interval '1 day'` }).where(eq(apiKeys.id, older.id));
    const newer = await create(world.viewers.admin, "Chatbot", ["attendances:write"]);
    await revokeApiKey(world.viewers.admin, older.id);
    const fromB = await create(world.viewers.adminB, "Outra");

    const listed = await listApiKeys(world.viewers.admin);
    expect(listed).toEqual([
      {
        id: newer.id,
        name: "Chatbot",
        prefix: newer.key.slice(0, 12),
        scopes: ["attendances:write"],
        segmentNames: [],
        requestsPerMinute: 600,
        createdByName: "Admin",
        createdAt: expect.any(Date),
        lastUsedAt: null,
        revokedAt: null,
      },
      {
        id: older.id,
        name: "ERP",
        prefix: older.key.slice(0, 12),
        scopes: ["contacts:read", "contacts:write"],
        segmentNames: [],
        requestsPerMinute: 600,
        createdByName: "Admin",
        createdAt: expect.any(Date),
        lastUsedAt: null,
        revokedAt: expect.any(Date),
      },
    ]);
    expect((await listApiKeys(world.viewers.adminB))!.map((key) => key.id)).toEqual([fromB.id]);
  });

  it("shows no scope this version does not know, should a row still name one", async () => {
    const { id } = await create(world.viewers.admin, "ERP", ["contacts:read"]);
    await getDb().update(apiKeys).set({ scopes: ["contacts:read", "retired:scope"] }).where(eq(apiKeys.id, id));
    expect((await listApiKeys(world.viewers.admin))![0].scopes).toEqual(["contacts:read"]);
  });
});

describe("revokeApiKey", () => {
  it("revokes once: again is a success that changes nothing and is not recorded twice", async () => {
    const { id } = await create();
    expect(await revokeApiKey(world.viewers.admin, id)).toEqual({ ok: true });
    const [first] = await getDb().select({ at: sql<string>`${apiKeys.revokedAt}::text` }).from(apiKeys).where(eq(apiKeys.id, id));
    expect(first.at).not.toBeNull();
    expect(await revokeApiKey(world.viewers.admin, id.toUpperCase())).toEqual({ ok: true });
    const [second] = await getDb().select({ at: sql<string>`${apiKeys.revokedAt}::text` }).from(apiKeys).where(eq(apiKeys.id, id));
    expect(second.at).toBe(first.at);
    expect((await auditOf(world.orgA)).map((event) => [event.action, event.targetId, event.targetLabel])).toEqual([
      ["api_key.create", id, "ERP"],
      ["api_key.revoke", id, "ERP"],
    ]);
  });

  it("another organization's admin cannot revoke it: not found, as for an id that does not exist", async () => {
    const { id, key } = await create();
    expect(await revokeApiKey(world.viewers.adminB, id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await revokeApiKey(world.viewers.admin, "00000000-0000-4000-8000-000000000000")).toMatchObject({ ok: false, code: "not_found" });
    expect((await storedRows(world.orgA))[0].revokedAt).toBeNull();
    expect(await authenticateApiKey(`Bearer ${key}`)).not.toBeNull();
    expect(await auditOf(world.orgB)).toEqual([]);
  });

  it.each(["not-a-uuid", "", "1; drop table api_keys", "00000000-0000-0000-0000-00000000000g", "x".repeat(10_000)])(
    "answers not found, never an error, for the malformed id %j",
    async (id) => {
      expect(await revokeApiKey(world.viewers.admin, id)).toMatchObject({ ok: false, code: "not_found" });
    },
  );
});

describe("authenticateApiKey", () => {
  it("accepts a live key as Bearer, whatever the scheme's case, with its organization, name and scopes", async () => {
    const { id, key } = await create(world.viewers.admin, "ERP", ["contacts:read", "attendances:write"]);
    const client = { organizationId: world.orgA, keyId: id, keyName: "ERP", scopes: ["contacts:read", "attendances:write"], segmentIds: [] };
    // Each request is counted in the key's window.
    const rateLimit = (remaining: number) => ({ limit: 600, remaining, resetSeconds: expect.any(Number) });
    expect(await authenticateApiKey(`Bearer ${key}`)).toEqual({ ...client, rateLimit: rateLimit(599) });
    expect(await authenticateApiKey(`bearer ${key}`)).toEqual({ ...client, rateLimit: rateLimit(598) });
    expect(await authenticateApiKey(`BEARER  ${key}`)).toEqual({ ...client, rateLimit: rateLimit(597) });
  });

  it("refuses a revoked key from the next request on", async () => {
    const { id, key } = await create();
    expect(await authenticateApiKey(`Bearer ${key}`)).not.toBeNull();
    await revokeApiKey(world.viewers.admin, id);
    expect(await authenticateApiKey(`Bearer ${key}`)).toBeNull();
  });

  it("refuses unknown keys and malformed headers", async () => {
    const { key } = await create();
    const unknown = `crt_${"A".repeat(43)}`;
    for (const header of [
      null,
      "",
      key,
      `Basic ${key}`,
      `Bearer`,
      `Bearer ${unknown}`,
      `Bearer ${key} extra`,
      `Bearer ${key.slice(0, -1)}`,
      `Bearer ${key}x`,
      `Bearer ${key.slice(4)}`,
      `Bearer ${sha256(key)}`,
      `Bearer ${key.slice(0, 12)}`,
      `Bearer ${key}\u0000`,
      `Bearer ${"x".repeat(100_000)}`,
    ]) {
      expect(await authenticateApiKey(header)).toBeNull();
    }
  });

  it("records the last use, rewriting it only when it is more than a minute old", async () => {
    const { id, key } = await create();
    expect(await lastUsedAt(id)).toBeNull();
    await authenticateApiKey(`Bearer ${key}`);
    const first = await lastUsedAt(id);
    expect(first).not.toBeNull();
    // Used again within the minute: the row is not written.
    await authenticateApiKey(`Bearer ${key}`);
    expect(await lastUsedAt(id)).toBe(first);
    // A use older than a minute is moved to now.
    await getDb().update(apiKeys).set({ lastUsedAt: sql`now() - interval '2 minutes'` }).where(eq(apiKeys.id, id));
    const stale = await lastUsedAt(id);
    await authenticateApiKey(`Bearer ${key}`);
    const [row] = await getDb()
      .select({ fresh: sql<boolean>`${apiKeys.lastUsedAt} > now() - interval '1 minute'` })
      .from(apiKeys)
      .where(and(eq(apiKeys.organizationId, world.orgA), eq(apiKeys.id, id)));
    expect(await lastUsedAt(id)).not.toBe(stale);
    expect(row.fresh).toBe(true);
    // The list shows it.
    expect((await listApiKeys(world.viewers.admin))![0].lastUsedAt).toBeInstanceOf(Date);
  });

  it("a refused header writes nothing", async () => {
    const { id, key } = await create();
    await revokeApiKey(world.viewers.admin, id);
    await authenticateApiKey(`Bearer ${key}`);
    expect(await lastUsedAt(id)).toBeNull();
  });
});
