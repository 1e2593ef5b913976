import { beforeEach, describe, expect, it } from "vitest";
import { contactByCode, historyRows, outboundMessagesOf } from "@/db/testing/contact-rows";
import { createWorld, type World } from "@/db/testing/world";
import { apiKeyInput } from "@/lib/api-keys/api-key-input";
import { createApiKey } from "@/lib/api-keys/keys";
import { generateCpf } from "@/lib/documents/document";
import { templateInput } from "@/lib/templates/template-input";
import { archiveTemplate, createTemplate } from "@/lib/templates/templates";
import { PUT as putContact } from "../contacts/[customerCode]/route";
import { GET as getMessage } from "./[id]/route";
import { POST } from "./route";

// Send Message as an integration calls it: the contact by código (or phone, or e-mail), its
// consent, the template rendered, the outbox, Idempotency-Key, and problem details in Portuguese.

let world: World;
let key: string;
beforeEach(async () => {
  world = await createWorld();
  key = await keyOf();
});

async function keyOf(options: { scopes?: string[]; segmentIds?: string[]; admin?: World["viewers"]["admin"] } = {}) {
  const { scopes = ["contacts:write", "messages:send"], segmentIds = [], admin = world.viewers.admin } = options;
  const created = await createApiKey(admin, apiKeyInput.parse({ name: "Chatbot", scopes, segmentIds }));
  if (!created.ok) throw new Error(created.message);
  return created.key;
}

async function template(channel: "whatsapp" | "email", body: string, subject?: string, admin = world.viewers.admin) {
  const created = await createTemplate(admin, templateInput.parse({ name: `Modelo ${Math.random()}`, channel, body, subject }));
  if (!created.ok) throw new Error(created.message);
  return created.id;
}

/** A contact of organization A written through the API, with consent as given. */
async function contact(code: string, fields: Record<string, unknown> = {}, withKey = key) {
  const response = await putContact(
    new Request(`http://localhost/api/v1/contacts/${code}`, {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: `Bearer ${withKey}` },
      body: JSON.stringify({
        name: "Maria Aparecida Souza",
        document: generateCpf(world.random),
        phones: ["(11) 98765-4321"],
        emails: ["maria@exemplo.com.br"],
        segmentIds: [world.segments.s1],
        consent: { whatsapp: "granted", email: "granted" },
        ...fields,
      }),
    }),
    { params: Promise.resolve({ customerCode: code }) },
  );
  if (response.status !== 201) throw new Error(`PUT ${code}: ${response.status} ${await response.text()}`);
}

function send(body: unknown, headers: Record<string, string> = {}, withKey: string | null = key) {
  return POST(
    new Request("http://localhost/api/v1/messages", {
      method: "POST",
      headers: { "content-type": "application/json", ...(withKey ? { authorization: `Bearer ${withKey}` } : {}), ...headers },
      body: JSON.stringify(body),
    }),
  );
}

function status(id: string, withKey = key) {
  return getMessage(new Request(`http://localhost/api/v1/messages/${id}`, { headers: { authorization: `Bearer ${withKey}` } }), {
    params: Promise.resolve({ id }),
  });
}

describe("POST /api/v1/messages", () => {
  it("renders a template for the contact found by código, @ChaveCliente and {{contactcustomcode}} alike, into the outbox", async () => {
    await contact("CLI-77");
    const templateId = await template("whatsapp", "Olá {{contactfirstname}}, seu código é @ChaveCliente ({{contactcustomcode}}).");
    const response = await send({ channel: "whatsapp", customerCode: "CLI-77", templateId });
    expect(response.status).toBe(201);
    const message = await response.json();
    expect(message).toMatchObject({
      status: "queued",
      channel: "whatsapp",
      address: "+5511987654321",
      customerCode: "CLI-77",
      templateId,
      subject: null,
      body: "Olá Maria, seu código é CLI-77 (CLI-77).",
      attempts: 0,
      error: null,
      sentAt: null,
    });
    expect(response.headers.get("location")).toBe(`http://localhost/api/v1/messages/${message.id}`);
    expect(await (await status(message.id)).json()).toEqual(message);
    const contactId = (await contactByCode(world.orgA, "CLI-77"))!.id;
    expect(await outboundMessagesOf(contactId)).toEqual([{ id: message.id, status: "queued", body: message.body, apiKeyId: expect.any(String) }]);
  });

  it("finds the contact by phone or e-mail and writes to that address; a free text takes the variables too", async () => {
    await contact("CLI-78", { phones: ["11 91111-1111", "11 92222-2222"] });
    const byPhone = await (await send({ channel: "whatsapp", phone: "+55 (11) 92222-2222", text: "Oi {{contactname}}" })).json();
    expect(byPhone).toMatchObject({ address: "+5511922222222", body: "Oi Maria Aparecida Souza", customerCode: "CLI-78" });
    const byEmail = await (await send({ channel: "email", email: "MARIA@exemplo.com.br", text: "Seu código: @ChaveCliente", subject: "Olá {{contactfirstname}}" })).json();
    expect(byEmail).toMatchObject({ address: "maria@exemplo.com.br", subject: "Olá Maria", body: "Seu código: CLI-78" });
  });

  it("refuses a contact without consent for the channel: 422, and nothing is queued", async () => {
    await contact("CLI-79", { consent: { whatsapp: "denied", email: "granted" } });
    const denied = await send({ channel: "whatsapp", customerCode: "CLI-79", text: "Oi" });
    expect(denied.status).toBe(422);
    expect(await denied.json()).toMatchObject({ status: 422, detail: "O contato não aceita mensagens por WhatsApp." });
    const sms = await send({ channel: "sms", customerCode: "CLI-79", text: "Oi" });
    expect(await sms.json()).toMatchObject({ detail: "O contato não aceita mensagens por SMS." });
    expect(await outboundMessagesOf((await contactByCode(world.orgA, "CLI-79"))!.id)).toEqual([]);
  });

  it("refuses when a variable would be empty, unless the parameters give it", async () => {
    await contact("CLI-80");
    const templateId = await template("whatsapp", "{{contactfirstname}}, fale com {{responsavel}}.");
    const refused = await send({ channel: "whatsapp", customerCode: "CLI-80", templateId });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({
      errors: { "parameters.responsavel": ["{{responsavel}} ficaria vazio para este contato: envie-o em parameters.responsavel."] },
    });
    const given = await send({ channel: "whatsapp", customerCode: "CLI-80", templateId, parameters: { responsavel: "a Central", contactfirstname: "Ignorado" } });
    expect(await given.json()).toMatchObject({ body: "Maria, fale com a Central." });
  });

  it("makes an attendant the contact's responsável in the same write, through the contact writer", async () => {
    await contact("CLI-81");
    const response = await send({ channel: "whatsapp", customerCode: "CLI-81", text: "{{responsavel}} vai te atender", attendantEmail: world.viewers.operator.email.toUpperCase() });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ body: "Operator vai te atender" });
    const id = (await contactByCode(world.orgA, "CLI-81"))!.id;
    expect((await historyRows(id)).map((row) => [row.actorName, row.source, row.action])).toEqual([
      ["API (Chatbot)", "api", "create"],
      ["API (Chatbot)", "api", "update"],
    ]);
    const stranger = await send({ channel: "whatsapp", customerCode: "CLI-81", text: "Oi", attendantEmail: world.viewers.adminB.email });
    expect(await stranger.json()).toMatchObject({ errors: { attendantEmail: [expect.stringContaining("Nenhum usuário")] } });
    expect(await outboundMessagesOf(id)).toHaveLength(1);
  });

  it("answers a replay with the first message, and the same key with another body with 409", async () => {
    await contact("CLI-82");
    const body = { channel: "whatsapp", customerCode: "CLI-82", text: "Oi" };
    const headers = { "idempotency-key": "pedido-991" };
    const [a, b, c] = await Promise.all([send(body, headers), send(body, headers), send(body, headers)]);
    const answers = await Promise.all([a, b, c].map((r) => r.json()));
    expect([a.status, b.status, c.status]).toEqual([201, 201, 201]);
    expect(new Set(answers.map((m) => m.id)).size).toBe(1);
    expect([a, b, c].filter((r) => r.headers.get("idempotent-replayed") === "true")).toHaveLength(2);
    const other = await send({ ...body, text: "Outro" }, headers);
    expect(other.status).toBe(409);
    expect(await outboundMessagesOf((await contactByCode(world.orgA, "CLI-82"))!.id)).toHaveLength(1);
  });

  it("never reaches another organization's contacts or templates, nor a restricted key's outside", async () => {
    await contact("CLI-83");
    const keyB = await keyOf({ admin: world.viewers.adminB });
    const fromB = await send({ channel: "whatsapp", customerCode: "CLI-83", text: "Oi" }, {}, keyB);
    expect(await fromB.json()).toMatchObject({ status: 422, errors: { customerCode: ["Contato não encontrado."] } });
    const templateOfA = await template("whatsapp", "Oi");
    await contact("CLI-B1", { segmentIds: [world.segments.sB] }, keyB);
    const forged = await send({ channel: "whatsapp", customerCode: "CLI-B1", templateId: templateOfA }, {}, keyB);
    expect(await forged.json()).toMatchObject({ errors: { templateId: ["Modelo não encontrado."] } });

    const sent = await (await send({ channel: "whatsapp", customerCode: "CLI-83", text: "Oi" })).json();
    expect((await status(sent.id, keyB)).status).toBe(404);
    const restricted = await keyOf({ segmentIds: [world.segments.s2] });
    expect((await send({ channel: "whatsapp", customerCode: "CLI-83", text: "Oi" }, {}, restricted)).status).toBe(422);
  });

  it("refuses bad input field by field, in Portuguese", async () => {
    await contact("CLI-84");
    const emailTemplate = await template("email", "Oi", "Assunto");
    const archived = await template("whatsapp", "Oi");
    await archiveTemplate(world.viewers.admin, archived);
    const cases: [unknown, number, Record<string, unknown>][] = [
      [{ channel: "whatsapp", customerCode: "CLI-84", text: "Oi", templateId: archived }, 422, { errors: { templateId: [expect.any(String)] } }],
      [{ channel: "whatsapp", customerCode: "CLI-84", phone: "11987654321", text: "Oi" }, 422, { errors: { customerCode: [expect.any(String)] } }],
      [{ channel: "whatsapp", customerCode: "CLI-84", text: "Oi {{foo}}" }, 422, { errors: { text: ["Variável desconhecida: {{foo}}. Use as da lista."] } }],
      [{ channel: "whatsapp", customerCode: "CLI-84", text: "Oi", extra: 1 }, 422, { errors: { extra: ["Campo desconhecido: remova-o."] } }],
      [{ channel: "fax", customerCode: "CLI-84", text: "Oi" }, 422, { errors: { channel: [expect.any(String)] } }],
      [{ channel: "whatsapp", customerCode: "CLI-84", templateId: emailTemplate }, 422, { errors: { templateId: ["Este modelo é de E-mail."] } }],
      [{ channel: "whatsapp", customerCode: "CLI-84", templateId: archived }, 422, { errors: { templateId: ["Modelo não encontrado."] } }],
      [{ channel: "email", customerCode: "CLI-84", text: "Oi" }, 422, { errors: { subject: ["Informe o assunto do e-mail."] } }],
      [{ channel: "whatsapp", customerCode: "CLI-84", text: "Oi", parameters: { foo: "x" } }, 422, {}],
    ];
    for (const [body, code, expected] of cases) {
      const response = await send(body);
      expect(response.status, JSON.stringify(body)).toBe(code);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(await response.json()).toMatchObject(expected);
    }
    expect((await send({ channel: "whatsapp", customerCode: "CLI-84", text: "Oi" }, {}, await keyOf({ scopes: ["contacts:read"] }))).status).toBe(403);
    expect((await send({ channel: "whatsapp", customerCode: "CLI-84", text: "Oi" }, { "idempotency-key": "com espaço" })).status).toBe(400);
    expect((await status("não-é-um-id")).status).toBe(404);
  });
});
