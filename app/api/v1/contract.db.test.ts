import { afterAll, beforeEach, describe, expect, it, type RunnerTask } from "vitest";
import { contactCode } from "@/db/testing/contact-rows";
import { createWorld, type World } from "@/db/testing/world";
import { openApiDocument } from "@/lib/api/openapi";
import { findOperation } from "@/lib/api/openapi-document";
import { declaredExample, requestBodyExample } from "@/lib/api/request-example";
import { apiContract, openApiProblems } from "@/lib/api/testing/contract";
import { apiKeyInput, type ApiScope } from "@/lib/api-keys/api-key-input";
import { createApiKey } from "@/lib/api-keys/keys";
import { generateCpf } from "@/lib/documents/document";
import { POST as postAttendance } from "./attendances/route";
import { GET as getContact, PATCH as patchContact, PUT as putContact } from "./contacts/[customerCode]/route";
import { GET as listContacts } from "./contacts/route";
import { GET as getMessage } from "./messages/[id]/route";
import { POST as postMessage } from "./messages/route";
import { GET as getOpenApi } from "./openapi.json/route";

// The API answers what its OpenAPI document says: every operation of the document, called as an
// integration calls it, in its successes and its refusals, each answer checked against the
// document by the contract harness. An operation added to the document fails the last check
// until it has cases here.

const document = openApiDocument();
const contract = apiContract(document);

const passed = (task: RunnerTask): boolean => (task.type === "suite" ? task.tasks.every(passed) : task.result?.state === "pass");

afterAll(({}, file) => {
  // Only a whole, green run can tell a missing case: a failed or filtered-out test says enough itself.
  if (!passed(file)) return;
  expect(contract.unchecked(), "operations of the document without a contract case here").toEqual([]);
});

let world: World;
beforeEach(async () => {
  world = await createWorld();
});

async function keyOf(scopes: ApiScope[] = ["contacts:read", "contacts:write", "attendances:write"], requestsPerMinute?: number) {
  const created = await createApiKey(world.viewers.admin, apiKeyInput.parse({ name: "Contrato", scopes, requestsPerMinute }));
  if (!created.ok) throw new Error(created.message);
  return created.key;
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Call = { key?: string | null; body?: unknown; headers?: Record<string, string>; params?: Record<string, string> };

/** Calls a route handler as Next would, with the key as a bearer token and the body as JSON. */
function call(handler: Handler, method: string, url: string, { key = null, body, headers = {}, params = {} }: Call = {}) {
  const request = new Request(`http://localhost/api/v1${url}`, {
    method,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return handler(request, { params: Promise.resolve(params) });
}

const contactAt = (code: string) => `/contacts/${encodeURIComponent(code)}`;
const one = (method: string, code: string, call_: Call = {}) =>
  call((method === "GET" ? getContact : method === "PUT" ? putContact : patchContact) as Handler, method, contactAt(code), { ...call_, params: { customerCode: code } });

const newContact = () => ({ name: "Maria Aparecida", document: generateCpf(world.random), phones: ["(11) 98765-4321"], emails: ["maria@exemplo.com.br"], priority: "high" });

describe("GET /contacts", () => {
  it("200: a page of contacts, with its next link", async () => {
    const response = await call(listContacts as Handler, "GET", "/contacts?limit=2", { key: await keyOf() });
    expect(response.status).toBe(200);
    const page = (await contract.check("GET", "/contacts", response)) as { data: unknown[]; next: string | null };
    expect(page.data).toHaveLength(2);
    expect(page.next).toContain("cursor=");
  });

  it("400: an unknown parameter", async () => {
    const response = await call(listContacts as Handler, "GET", "/contacts?per_page=10", { key: await keyOf() });
    expect(response.status).toBe(400);
    expect(await contract.check("GET", "/contacts", response)).toMatchObject({ errors: { per_page: ["Campo desconhecido: remova-o."] } });
  });
});

describe("GET /contacts/{customerCode}", () => {
  it("200 with its ETag, 404 for a código the key does not see", async () => {
    const key = await keyOf();
    const found = await one("GET", await contactCode(world.contacts.inS1), { key });
    expect(found.status).toBe(200);
    expect(await contract.check("GET", "/contacts/{customerCode}", found)).toMatchObject({ version: 1 });

    const missing = await one("GET", "NAO-EXISTE", { key });
    expect(missing.status).toBe(404);
    await contract.check("GET", "/contacts/{customerCode}", missing);
  });

  it("401 without a key or with a revoked one, 403 without the scope, 429 past the rate limit", async () => {
    const code = await contactCode(world.contacts.inS1);
    const cases: [Call["key"], number][] = [
      [null, 401],
      ["crt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 401],
      [await keyOf(["attendances:write"]), 403],
    ];
    for (const [key, status] of cases) {
      const response = await one("GET", code, { key });
      expect(response.status).toBe(status);
      await contract.check("GET", "/contacts/{customerCode}", response);
    }

    const limited = await keyOf(["contacts:read"], 1);
    expect((await one("GET", code, { key: limited })).status).toBe(200);
    const refused = await one("GET", code, { key: limited });
    expect(refused.status).toBe(429);
    await contract.check("GET", "/contacts/{customerCode}", refused);
  });
});

describe("PUT /contacts/{customerCode}", () => {
  it("201 when it creates, 200 when it replaces (If-Match), 412 for a stale version", async () => {
    const key = await keyOf();
    const body = newContact();
    const created = await one("PUT", "CONTRATO-1", { key, body });
    expect(created.status).toBe(201);
    await contract.check("PUT", "/contacts/{customerCode}", created, { sent: body });

    const replacement = { ...body, name: "Maria A. Souza", customerCode: "CONTRATO-1", responsibleUserId: null, tags: ["vip"], segmentIds: [world.segments.s1] };
    const replaced = await one("PUT", "CONTRATO-1", { key, body: replacement, headers: { "if-match": '"1"' } });
    expect(replaced.status).toBe(200);
    expect(await contract.check("PUT", "/contacts/{customerCode}", replaced, { sent: replacement })).toMatchObject({ version: 2, tags: ["vip"] });

    const stale = await one("PUT", "CONTRATO-1", { key, body, headers: { "if-match": '"1"' } });
    expect(stale.status).toBe(412);
    await contract.check("PUT", "/contacts/{customerCode}", stale);
  });

  it("422 for what the contact form refuses, 400 for a malformed If-Match, 415 for a body that is not JSON", async () => {
    const key = await keyOf();
    const invalid = await one("PUT", "CONTRATO-2", { key, body: { ...newContact(), document: "123", extra: 1 } });
    expect(invalid.status).toBe(422);
    expect(await contract.check("PUT", "/contacts/{customerCode}", invalid)).toMatchObject({ errors: { document: [expect.any(String)], extra: [expect.any(String)] } });

    const malformed = await one("PUT", "CONTRATO-2", { key, body: newContact(), headers: { "if-match": "ontem" } });
    expect(malformed.status).toBe(400);
    await contract.check("PUT", "/contacts/{customerCode}", malformed);

    const notJson = await one("PUT", "CONTRATO-2", { key, body: newContact(), headers: { "content-type": "text/plain" } });
    expect(notJson.status).toBe(415);
    await contract.check("PUT", "/contacts/{customerCode}", notJson);
  });
});

describe("PATCH /contacts/{customerCode}", () => {
  it("200 with the changed contact, 404, 412 and 422", async () => {
    const key = await keyOf();
    const code = await contactCode(world.contacts.inS2);
    const change = { priority: "low", tags: ["cobranca"], phones: null };
    const patched = await one("PATCH", code, { key, body: change, headers: { "if-match": '"1"' } });
    expect(patched.status).toBe(200);
    expect(await contract.check("PATCH", "/contacts/{customerCode}", patched, { sent: change })).toMatchObject({ priority: "low", version: 2 });

    const cases: [string, unknown, Record<string, string>, number][] = [
      ["NAO-EXISTE", { priority: "low" }, {}, 404],
      [code, { priority: "high" }, { "if-match": '"1"' }, 412],
      [code, { priority: "urgente" }, {}, 422],
    ];
    for (const [target, body, headers, status] of cases) {
      const response = await one("PATCH", target, { key, body, headers });
      expect(response.status).toBe(status);
      await contract.check("PATCH", "/contacts/{customerCode}", response);
    }
  });
});

describe("POST /attendances", () => {
  const message = { channel: "whatsapp", address: "+55 11 98765-4321", message: "Olá" };
  const post = (key: string, body: unknown, headers: Record<string, string> = {}) => call(postAttendance as Handler, "POST", "/attendances", { key, body, headers });

  it("201 for a new attendance, 200 when the customer writes again, the same answer for a replay", async () => {
    const key = await keyOf();
    const first = { ...message, customerCode: world.sharedCode };
    const created = await post(key, first, { "idempotency-key": "contrato-1" });
    expect(created.status).toBe(201);
    expect(await contract.check("POST", "/attendances", created, { sent: first })).toMatchObject({ status: "waiting", continued: false });

    const replay = await post(key, first, { "idempotency-key": "contrato-1" });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    await contract.check("POST", "/attendances", replay, { sent: first });

    const again = { ...message, message: "Alguém aí?" };
    const continued = await post(key, again);
    expect(continued.status).toBe(200);
    expect(await contract.check("POST", "/attendances", continued, { sent: again })).toMatchObject({ continued: true });
  });

  it("409 for a reused Idempotency-Key, 422 for invalid data, 400 for a malformed key", async () => {
    const key = await keyOf();
    await post(key, message, { "idempotency-key": "contrato-2" });
    const reused = await post(key, { ...message, message: "Outro" }, { "idempotency-key": "contrato-2" });
    expect(reused.status).toBe(409);
    await contract.check("POST", "/attendances", reused);

    const invalid = await post(key, { ...message, channel: "fax" });
    expect(invalid.status).toBe(422);
    expect(await contract.check("POST", "/attendances", invalid)).toMatchObject({ errors: { channel: [expect.any(String)] } });

    const malformed = await post(key, message, { "idempotency-key": "com espaço" });
    expect(malformed.status).toBe(400);
    await contract.check("POST", "/attendances", malformed);
  });
});

describe("POST /messages and GET /messages/{id}", () => {
  const send = (key: string, body: unknown, headers: Record<string, string> = {}) => call(postMessage as Handler, "POST", "/messages", { key, body, headers });

  it("201 with the message (and its replay), 200 for its status, 404 for an id nobody sees", async () => {
    const key = await keyOf(["contacts:write", "messages:send"]);
    const contact = { ...newContact(), consent: { whatsapp: "granted" } };
    expect((await one("PUT", "MSG-1", { key, body: contact })).status).toBe(201);
    const message = { channel: "whatsapp", customerCode: "MSG-1", text: "Olá {{contactfirstname}}, seu código é @ChaveCliente." };
    const sent = await send(key, message, { "idempotency-key": "contrato-msg-1" });
    expect(sent.status).toBe(201);
    const answer = (await contract.check("POST", "/messages", sent, { sent: message })) as { id: string; body: string };
    expect(answer.body).toBe("Olá Maria, seu código é MSG-1.");
    const replay = await send(key, message, { "idempotency-key": "contrato-msg-1" });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    await contract.check("POST", "/messages", replay, { sent: message });

    const status = await call(getMessage as Handler, "GET", `/messages/${answer.id}`, { key, params: { id: answer.id } });
    expect(status.status).toBe(200);
    expect(await contract.check("GET", "/messages/{id}", status)).toMatchObject({ id: answer.id, status: "queued" });
    const missing = await call(getMessage as Handler, "GET", "/messages/x", { key, params: { id: "x" } });
    expect(missing.status).toBe(404);
    await contract.check("GET", "/messages/{id}", missing);
  });

  it("409 for a reused Idempotency-Key, 422 without consent, 400 for malformed JSON", async () => {
    const key = await keyOf(["contacts:write", "messages:send"]);
    expect((await one("PUT", "MSG-2", { key, body: { ...newContact(), consent: { whatsapp: "granted" } } })).status).toBe(201);
    const message = { channel: "whatsapp", customerCode: "MSG-2", text: "Oi" };
    await send(key, message, { "idempotency-key": "contrato-msg-2" });
    const reused = await send(key, { ...message, text: "Outro" }, { "idempotency-key": "contrato-msg-2" });
    expect(reused.status).toBe(409);
    await contract.check("POST", "/messages", reused);
    const refused = await send(key, { ...message, channel: "sms" });
    expect(refused.status).toBe(422);
    expect(await contract.check("POST", "/messages", refused)).toMatchObject({ detail: "O contato não aceita mensagens por SMS." });
    const malformed = await postMessage(
      new Request("http://localhost/api/v1/messages", { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: "{" }),
    );
    expect(malformed.status).toBe(400);
    await contract.check("POST", "/messages", malformed);
  });
});

describe("the reference's examples (/api-docs)", () => {
  it("are accepted as written: the example bodies, at the path's example", async () => {
    const key = await keyOf();
    const example = (method: string, path: string) => {
      const operation = findOperation(document, method, path);
      return operation && requestBodyExample(document, operation)?.value;
    };
    const code = String(declaredExample(findOperation(document, "GET", "/contacts/{customerCode}")!.parameters.find((p) => p.in === "path")!));
    const steps: [string, string, Handler, number][] = [
      ["PUT", "/contacts/{customerCode}", putContact as Handler, 201],
      ["PATCH", "/contacts/{customerCode}", patchContact as Handler, 200],
      ["POST", "/attendances", postAttendance as Handler, 201],
    ];
    for (const [method, path, handler, status] of steps) {
      const body = example(method, path);
      const response = await call(handler, method, path.replace("{customerCode}", code), { key, body, params: { customerCode: code } });
      expect(response.status, `${method} ${path}`).toBe(status);
      await contract.check(method, path, response, { sent: body });
    }
  });
});

describe("GET /openapi.json", () => {
  it("is the document itself, a sound OpenAPI 3.1 document whose every $ref resolves", async () => {
    const response = getOpenApi();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    const served = await response.json();
    expect(served).toEqual(JSON.parse(JSON.stringify(document)));
    expect(served.openapi).toBe("3.1.0");
    expect(Object.keys(served.paths).length).toBeGreaterThan(0);
    expect(openApiProblems(served)).toEqual([]);
  });
});
