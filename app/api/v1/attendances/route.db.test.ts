import { beforeEach, describe, expect, it } from "vitest";
import { createWorld, type World } from "@/db/testing/world";
import type { Viewer } from "@/lib/auth/viewer";
import { apiKeyInput } from "@/lib/api-keys/api-key-input";
import { createApiKey } from "@/lib/api-keys/keys";
import { POST } from "./route";

// The endpoint as an integration calls it: key, body, Idempotency-Key, problem details.

let world: World;
beforeEach(async () => {
  world = await createWorld();
});

async function keyOf(admin: Viewer, scopes = ["attendances:write"]) {
  const created = await createApiKey(admin, apiKeyInput.parse({ name: "Gateway WhatsApp", scopes }));
  if (!created.ok) throw new Error(created.message);
  return created.key;
}

function post(key: string | null, body: unknown, headers: Record<string, string> = {}) {
  return POST(
    new Request("http://localhost/api/v1/attendances", {
      method: "POST",
      headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

const message = { channel: "whatsapp", address: "+55 11 98765-4321", message: "Olá" };

describe("POST /api/v1/attendances", () => {
  it("puts the customer in the queue: 201, then 200 when they write again", async () => {
    const key = await keyOf(world.viewers.admin);
    const first = await post(key, { ...message, customerCode: world.sharedCode });
    expect(first.status).toBe(201);
    const created = await first.json();
    expect(created).toEqual({ id: expect.any(String), status: "waiting", contactId: world.contacts.codeInA, segmentId: world.segments.s3, continued: false });
    const again = await post(key, { ...message, message: "Alguém aí?" });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ id: created.id, continued: true });
  });

  it("never reaches another organization's contacts or segments", async () => {
    const keyB = await keyOf(world.viewers.adminB);
    const response = await post(keyB, { ...message, customerCode: world.sharedCode });
    expect(await response.json()).toMatchObject({ contactId: world.contacts.contactB });
    const forged = await post(keyB, { ...message, address: "11 91234-5678", segmentId: world.segments.s1 });
    expect(forged.status).toBe(422);
    expect(await forged.json()).toMatchObject({ title: "Dados inválidos", errors: { segmentId: ["Segmento não encontrado."] } });
  });

  it("refuses bad input with problem details, in Portuguese", async () => {
    const key = await keyOf(world.viewers.admin);
    const cases: [Response, number, Record<string, unknown>][] = [
      [await post(null, message), 401, {}],
      [await post(await keyOf(world.viewers.admin, ["contacts:read"]), message), 403, {}],
      [await post(key, "{not json"), 400, {}],
      [await post(key, { ...message, extra: true }), 422, { errors: { extra: ["Campo desconhecido: remova-o."] } }],
      [await post(key, { channel: "fax", address: "x", message: "" }), 422, { errors: { channel: ["Canal inválido: use whatsapp, sms ou email."], message: ["Informe a mensagem."] } }],
      [await post(key, { ...message, address: "123" }), 422, { errors: { address: ["Telefone do cliente inválido."] } }],
      [await post(key, [1, 2]), 422, {}],
      [await post(key, message, { "idempotency-key": "com espaço" }), 400, {}],
    ];
    for (const [response, status, body] of cases) {
      expect(response.status).toBe(status);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(await response.json()).toMatchObject({ status, title: expect.any(String), ...body });
    }
  });

  it("answers a replay with the first result, and a reused key with other content with 409", async () => {
    const key = await keyOf(world.viewers.admin);
    const headers = { "idempotency-key": "msg-42" };
    const first = await post(key, message, headers);
    const replay = await post(key, message, headers);
    expect([first.status, replay.status]).toEqual([201, 201]);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.json()).toEqual(await first.json());
    const reused = await post(key, { ...message, message: "Outro" }, headers);
    expect(reused.status).toBe(409);
  });
});
