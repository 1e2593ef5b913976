import { beforeEach, describe, expect, it } from "vitest";
import { createWorld, type World } from "@/db/testing/world";
import { apiKeyInput } from "@/lib/api-keys/api-key-input";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/keys";
import { requireApiClient } from "./problem";

let world: World;
beforeEach(async () => {
  world = await createWorld();
});

async function newKey(scopes: string[]) {
  const result = await createApiKey(world.viewers.admin, apiKeyInput.parse({ name: "ERP", scopes }));
  if (!result.ok) throw new Error(result.message);
  return result;
}

const call = (authorization?: string) =>
  new Request("http://localhost/api/v1/attendances", { method: "POST", headers: authorization ? { authorization } : {} });

async function refusal(check: Awaited<ReturnType<typeof requireApiClient>>) {
  if (check.ok) throw new Error("expected a refusal");
  const { response } = check;
  return {
    status: response.status,
    challenge: response.headers.get("www-authenticate"),
    contentType: response.headers.get("content-type"),
    title: (await response.json()).title,
  };
}

describe("requireApiClient", () => {
  it("lets a live key with the scope through, as its organization's client", async () => {
    const { id, key } = await newKey(["contacts:read", "attendances:write"]);
    expect(await requireApiClient(call(`Bearer ${key}`), "attendances:write")).toEqual({
      ok: true,
      client: {
        organizationId: world.orgA,
        keyId: id,
        keyName: "ERP",
        scopes: ["contacts:read", "attendances:write"],
        segmentIds: [],
        rateLimit: { limit: 600, remaining: 599, resetSeconds: expect.any(Number) },
      },
    });
  });

  it("answers 401 with a bare Bearer challenge when no key is sent", async () => {
    expect(await refusal(await requireApiClient(call(), "contacts:read"))).toEqual({
      status: 401,
      challenge: "Bearer",
      contentType: "application/problem+json",
      title: "Chave de API ausente",
    });
  });

  it("answers 401 invalid_token for an unknown, malformed or revoked key", async () => {
    const { id, key } = await newKey(["contacts:read"]);
    await revokeApiKey(world.viewers.admin, id);
    for (const header of [`Bearer ${key}`, `Bearer crt_${"A".repeat(43)}`, "Bearer nada", `Basic ${key}`]) {
      expect(await refusal(await requireApiClient(call(header), "contacts:read"))).toEqual({
        status: 401,
        challenge: 'Bearer error="invalid_token"',
        contentType: "application/problem+json",
        title: "Chave de API inválida",
      });
    }
  });

  it("answers 403 insufficient_scope when the key lacks the scope", async () => {
    const { key } = await newKey(["contacts:read"]);
    const check = await requireApiClient(call(`Bearer ${key}`), "attendances:write");
    if (check.ok) throw new Error("expected a refusal");
    expect(check.response.status).toBe(403);
    expect(check.response.headers.get("www-authenticate")).toBe('Bearer error="insufficient_scope", scope="attendances:write"');
    expect(await check.response.json()).toEqual({
      type: "about:blank",
      title: "Permissão insuficiente",
      status: 403,
      detail: "Esta chave não tem a permissão “Registrar atendimentos (Live)” (attendances:write).",
    });
  });
});
