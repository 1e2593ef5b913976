import { beforeEach, describe, expect, it } from "vitest";
import { auditRows, contactByCode, contactCode, contactVersion, historyRows } from "@/db/testing/contact-rows";
import { createWorld, type World } from "@/db/testing/world";
import { apiKeyInput } from "@/lib/api-keys/api-key-input";
import { createApiKey } from "@/lib/api-keys/keys";
import { generateCpf } from "@/lib/documents/document";
import { GET as getOne, PATCH, PUT } from "./[customerCode]/route";
import { GET as list } from "./route";

// The contacts endpoints as an integration calls them: by código, with the key's visibility, the
// contact writer's rules, If-Match, the rate limit and problem details.

let world: World;
beforeEach(async () => {
  world = await createWorld();
});

async function keyOf(options: { scopes?: string[]; segmentIds?: string[]; requestsPerMinute?: number; admin?: World["viewers"]["admin"] } = {}) {
  const { scopes = ["contacts:read", "contacts:write"], segmentIds = [], requestsPerMinute, admin = world.viewers.admin } = options;
  const created = await createApiKey(admin, apiKeyInput.parse({ name: "ERP", scopes, segmentIds, requestsPerMinute }));
  if (!created.ok) throw new Error(created.message);
  return created.key;
}

function call(
  handler: (request: Request, context: { params: Promise<{ customerCode: string }> }) => Promise<Response>,
  method: string,
  key: string | null,
  code: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const request = new Request(`http://localhost/api/v1/contacts/${encodeURIComponent(code)}`, {
    method,
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return handler(request, { params: Promise.resolve({ customerCode: code }) });
}

const getContact = (key: string, code: string) => call(getOne, "GET", key, code);
const put = (key: string, code: string, body: unknown, headers?: Record<string, string>) => call(PUT, "PUT", key, code, body, headers);
const patch = (key: string, code: string, body: unknown, headers?: Record<string, string>) => call(PATCH, "PATCH", key, code, body, headers);

function listContacts(key: string, query: string) {
  return list(new Request(`http://localhost/api/v1/contacts?${query}`, { headers: { authorization: `Bearer ${key}` } }));
}

const codeOf = contactCode;

const newContact = (overrides: Record<string, unknown> = {}) => ({
  name: "Maria Aparecida",
  document: generateCpf(world.random),
  phones: ["(11) 98765-4321"],
  emails: ["Maria@Exemplo.com.br"],
  priority: "high",
  ...overrides,
});

describe("GET /api/v1/contacts/{customerCode}", () => {
  it("answers the contact with its version as ETag", async () => {
    const key = await keyOf();
    const code = await codeOf(world.contacts.inS1);
    const response = await getContact(key, code);
    expect(response.status).toBe(200);
    const contact = await response.json();
    expect(contact).toMatchObject({ customerCode: code, segments: [{ id: world.segments.s1, name: "S1" }], responsible: null, version: 1 });
    expect(response.headers.get("etag")).toBe('"1"');
    expect(response.headers.get("ratelimit-limit")).toBe("600");
  });

  it("a código of another organization, or outside a restricted key's segments, is not found", async () => {
    const keyB = await keyOf({ admin: world.viewers.adminB });
    const fromB = await (await getContact(keyB, world.sharedCode)).json();
    expect(fromB.segments).toEqual([{ id: world.segments.sB, name: "SB" }]);
    expect((await getContact(keyB, await codeOf(world.contacts.inS1))).status).toBe(404);

    const restricted = await keyOf({ segmentIds: [world.segments.s1] });
    expect((await getContact(restricted, await codeOf(world.contacts.inS1andS3))).status).toBe(200);
    const hidden = await getContact(restricted, await codeOf(world.contacts.inS3));
    expect(hidden.status).toBe(404);
    expect(hidden.headers.get("content-type")).toBe("application/problem+json");
    // An operator's contact as responsável is not the key's.
    expect((await getContact(restricted, await codeOf(world.contacts.operatorResponsible))).status).toBe(404);
  });

  it("a código no contact can have is simply not found", async () => {
    const key = await keyOf();
    for (const code of ["com espaço", "x".repeat(65), "%00"]) expect((await getContact(key, code)).status).toBe(404);
  });
});

describe("GET /api/v1/contacts", () => {
  it("finds by document, phone and e-mail, and pages through everything with next links", async () => {
    const key = await keyOf();
    const created = await (await put(key, "API-1", newContact({ segmentIds: [world.segments.s1] }))).json();
    const byDocument = await (await listContacts(key, `document=${created.document}`)).json();
    expect(byDocument.data.map((c: { customerCode: string }) => c.customerCode)).toEqual(["API-1"]);
    const byPhone = await (await listContacts(key, `phone=${encodeURIComponent("+55 11 98765-4321")}`)).json();
    expect(byPhone.data.map((c: { customerCode: string }) => c.customerCode)).toEqual(["API-1"]);
    const byEmail = await (await listContacts(key, "email=MARIA@exemplo.com.br")).json();
    expect(byEmail.data.map((c: { customerCode: string }) => c.customerCode)).toEqual(["API-1"]);

    const seen: string[] = [];
    let url: string | null = "http://localhost/api/v1/contacts?limit=3";
    while (url) {
      const response: Response = await list(new Request(url, { headers: { authorization: `Bearer ${key}` } }));
      const page = await response.json();
      expect(page.data.length).toBeLessThanOrEqual(3);
      if (page.next) expect(response.headers.get("link")).toBe(`<${page.next}>; rel="next"`);
      seen.push(...page.data.map((c: { customerCode: string }) => c.customerCode));
      url = page.next;
    }
    // Organization A's 7 contacts of the world and the new one, each once.
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
  });

  it("updatedSince gives what changed since, and a restricted key lists only its segments", async () => {
    const key = await keyOf();
    const now = new Date().toISOString();
    await patch(key, await codeOf(world.contacts.inS2), { priority: "low" });
    const changed = await (await listContacts(key, `updatedSince=${encodeURIComponent(now)}`)).json();
    expect(changed.data.map((c: { customerCode: string }) => c.customerCode)).toEqual([await codeOf(world.contacts.inS2)]);

    const restricted = await keyOf({ segmentIds: [world.segments.s2] });
    const own = await (await listContacts(restricted, "limit=500")).json();
    expect(own.data.map((c: { customerCode: string }) => c.customerCode)).toEqual([await codeOf(world.contacts.inS2)]);
  });

  it("refuses unknown parameters, a page over 500 and two lookups at once with 400", async () => {
    const key = await keyOf();
    const cases: [string, Record<string, unknown>][] = [
      ["per_page=1000", { errors: { per_page: ["Campo desconhecido: remova-o."] } }],
      ["limit=501", { errors: { limit: ["Cada página tem até 500 contatos."] } }],
      ["limit=abc", {}],
      ["phone=123", { errors: { phone: ["Telefone inválido: 123"] } }],
      ["email=x&phone=11987654321", { detail: "Use uma busca por vez: document, phone, email, customerCode ou q." }],
      ["updatedSince=ontem", {}],
    ];
    for (const [query, body] of cases) {
      const response = await listContacts(key, query);
      expect(response.status, query).toBe(400);
      expect(await response.json()).toMatchObject({ status: 400, ...body });
    }
  });
});

describe("PUT /api/v1/contacts/{customerCode}", () => {
  it("creates the contact (201, Location), then replaces it; the history names the key", async () => {
    const key = await keyOf();
    const created = await put(key, "API-2", newContact({ segmentIds: [world.segments.s1] }));
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe("http://localhost/api/v1/contacts/API-2");
    const contact = await created.json();
    expect(contact).toMatchObject({ customerCode: "API-2", phones: ["+5511987654321"], emails: ["maria@exemplo.com.br"], priority: "high", version: 1 });

    const replaced = await put(key, "API-2", { name: "Maria A. Souza", document: contact.document }, { "if-match": '"1"' });
    expect(replaced.status).toBe(200);
    expect(await replaced.json()).toMatchObject({ name: "Maria A. Souza", phones: [], priority: "medium", segments: [], version: 2 });
    expect(replaced.headers.get("etag")).toBe('"2"');

    const row = await contactByCode(world.orgA, "API-2");
    expect(await historyRows(row!.id)).toEqual([
      { actorName: "API (ERP)", actorUserId: null, source: "api", action: "create" },
      { actorName: "API (ERP)", actorUserId: null, source: "api", action: "update" },
    ]);
  });

  it("If-Match with an old version, If-None-Match on an existing contact and If-Match on a missing one answer 412", async () => {
    const key = await keyOf();
    const code = await codeOf(world.contacts.inS1);
    const current = await (await getContact(key, code)).json();
    const body = { name: "Outro nome", document: current.document, segmentIds: [world.segments.s1] };
    expect((await put(key, code, body, { "if-match": '"7"' })).status).toBe(412);
    expect((await put(key, code, body, { "if-match": 'W/"1"' })).status).toBe(412);
    expect((await put(key, code, body, { "if-none-match": "*" })).status).toBe(412);
    expect((await put(key, "NOVO-1", newContact(), { "if-match": '"1"' })).status).toBe(412);
    expect((await put(key, code, body, { "if-match": "ontem" })).status).toBe(400);
    const stale = await put(key, code, body, { "if-match": '"7"' });
    expect(await stale.json()).toMatchObject({ status: 412, detail: expect.stringContaining("a versão atual é 1") });
    expect((await put(key, code, body, { "if-match": '"1"' })).status).toBe(200);
  });

  it("refuses what the form refuses, field by field, and writes nothing", async () => {
    const key = await keyOf();
    const cases: [unknown, Record<string, string[]>][] = [
      [newContact({ extra: 1 }), { extra: ["Campo desconhecido: remova-o."] }],
      [newContact({ document: "123" }), { document: [expect.any(String)] }],
      [newContact({ customerCode: "OUTRO" }), { customerCode: [expect.stringContaining("PATCH")] }],
      [newContact({ segmentIds: [world.segments.sB] }), { segmentIds: ["Escolha apenas segmentos da sua carteira."] }],
      [{ document: generateCpf(world.random) }, { name: ["Informe o nome."] }],
    ];
    for (const [body, errors] of cases) {
      const response = await put(key, "NOVO-2", body);
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({ title: "Dados inválidos", errors });
    }
    expect((await put(key, "NOVO-2", [1])).status).toBe(422);
    expect(await contactByCode(world.orgA, "NOVO-2")).toBeNull();
  });

  it("a restricted key creates only inside its segments", async () => {
    const restricted = await keyOf({ segmentIds: [world.segments.s1] });
    const outside = await put(restricted, "NOVO-3", newContact({ segmentIds: [world.segments.s3] }));
    expect(await outside.json()).toMatchObject({ errors: { segmentIds: ["Escolha apenas segmentos da sua carteira."] } });
    const nowhere = await put(restricted, "NOVO-3", newContact());
    expect(await nowhere.json()).toMatchObject({ errors: { segmentIds: [expect.stringContaining("segmentos")] } });
    expect((await put(restricted, "NOVO-3", newContact({ segmentIds: [world.segments.s1] }))).status).toBe(201);
  });

  it("needs contacts:write: a read-only key gets 403", async () => {
    const readOnly = await keyOf({ scopes: ["contacts:read"] });
    const response = await put(readOnly, "NOVO-4", newContact());
    expect(response.status).toBe(403);
    expect(response.headers.get("www-authenticate")).toContain("insufficient_scope");
  });
});

describe("PATCH /api/v1/contacts/{customerCode}", () => {
  it("changes only what it sends, and a responsável change is audited under the key's name", async () => {
    const key = await keyOf();
    const code = await codeOf(world.contacts.inS1);
    const before = await (await getContact(key, code)).json();
    const patched = await patch(key, code, { priority: "high", responsibleUserId: world.viewers.operator.userId }, { "if-match": '"1"' });
    expect(patched.status).toBe(200);
    const after = await patched.json();
    expect(after).toMatchObject({ ...before, priority: "high", version: 2, updatedAt: expect.any(String), responsible: { id: world.viewers.operator.userId } });
    expect(await auditRows(world.orgA, "contact.responsible_change")).toEqual([
      { actorName: "API (ERP)", actorUserId: null, action: "contact.responsible_change" },
    ]);
  });

  it("keeps the segments a restricted key does not see, and never reaches another organization", async () => {
    const restricted = await keyOf({ segmentIds: [world.segments.s1] });
    const code = await codeOf(world.contacts.inS1andS3);
    const patched = await (await patch(restricted, code, { tags: ["vip"] })).json();
    expect(patched.segments.map((s: { name: string }) => s.name)).toEqual(["S1", "S3"]);
    expect(patched.tags).toEqual(["vip"]);

    const keyB = await keyOf({ admin: world.viewers.adminB });
    expect((await patch(keyB, code, { priority: "low" })).status).toBe(404);
    expect(await contactVersion(world.contacts.inS1andS3)).toBe(2);
  });

  it("may change the código itself", async () => {
    const key = await keyOf();
    const code = await codeOf(world.contacts.inS2);
    const patched = await patch(key, code, { customerCode: "NOVO-CODIGO" });
    expect(await patched.json()).toMatchObject({ customerCode: "NOVO-CODIGO" });
    expect((await getContact(key, code)).status).toBe(404);
  });
});

describe("consent through the API", () => {
  it("PUT sets it stamped by the key, PATCH changes one channel, leaves the others, and null clears; a bad value is a 422 naming the channel", async () => {
    const key = await keyOf();
    const created = await put(key, "CONS-API", newContact({ consent: { whatsapp: "granted", email: "denied" } }));
    expect(created.status).toBe(201);
    const contact = await created.json();
    expect(contact.consent).toEqual({
      whatsapp: { status: "granted", at: expect.any(String), source: "api", by: "API (ERP)" },
      email: { status: "denied", at: expect.any(String), source: "api", by: "API (ERP)" },
    });

    // A PUT without consent replaces the other fields and keeps the answers: consent is never emptied by leaving it out.
    const replaced = await (await put(key, "CONS-API", { name: "Outro nome", document: contact.document })).json();
    expect(replaced.consent).toEqual(contact.consent);

    const patched = await (await patch(key, "CONS-API", { consent: { email: "granted", whatsapp: null } })).json();
    expect(patched.consent).toEqual({ email: { status: "granted", at: expect.any(String), source: "api", by: "API (ERP)" } });

    const refused = await patch(key, "CONS-API", { consent: { sms: "sim" } });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ errors: { "consent.sms": ["Consentimento (SMS): escolha Aceita, Não aceita ou Não informado."] } });
  });
});

describe("the rate limit", () => {
  it("answers 429 with Retry-After past the key's requests per minute", async () => {
    const key = await keyOf({ requestsPerMinute: 2 });
    const code = await codeOf(world.contacts.inS1);
    const first = await getContact(key, code);
    expect(first.headers.get("ratelimit-remaining")).toBe("1");
    expect((await getContact(key, code)).status).toBe(200);
    const limited = await getContact(key, code);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(await limited.json()).toMatchObject({ status: 429, title: "Limite de requisições atingido" });
    // Another key of the organization has its own window.
    expect((await getContact(await keyOf(), code)).status).toBe(200);
  });
});
