import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { contacts, messageTemplates } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { createWorld, type World } from "@/db/testing/world";
import { maskDocument } from "@/lib/documents/document";
import type { TemplateInput } from "./template-input";
import { archiveTemplate, createTemplate, getTemplate, listTemplates, previewTemplate, updateTemplate } from "./templates";

let world: World;
beforeEach(async () => {
  world = await createWorld();
});

const whatsapp: TemplateInput = { name: "Boas-vindas", channel: "whatsapp", subject: null, body: "Olá {{contactfirstname}}, seu código é @ChaveCliente." };
const email: TemplateInput = { name: "Fatura", channel: "email", subject: "{{contactfirstname}}, sua fatura", body: "Prezado(a) {{contactname}}" };
const forbidden = { ok: false, code: "forbidden", message: "Você não tem permissão para fazer isso." };
const notFound = { ok: false, code: "not_found", message: "Modelo não encontrado.", fieldErrors: {} };

async function create(input: TemplateInput = whatsapp, viewer: Viewer = world.viewers.supervisor) {
  const result = await createTemplate(viewer, input);
  if (!result.ok) throw new Error(`createTemplate refused: ${result.message}`);
  return result.id;
}

const names = async (viewer: Viewer, channel?: TemplateInput["channel"]) => (await listTemplates(viewer, { channel }))?.map((t) => t.name) ?? null;

describe("who may do what", () => {
  it.each([
    ["operator", false],
    ["supervisor", true],
    ["admin", true],
  ] as const)("a %s may write templates: %s", async (role, allowed) => {
    const viewer = { ...world.viewers.admin, role };
    const result = await createTemplate(viewer, whatsapp);
    expect(result.ok).toBe(allowed);
    if (!result.ok) expect(result).toMatchObject(forbidden);
    // Everyone who may write may read them; an operator neither.
    expect(await names(viewer)).toEqual(allowed ? ["Boas-vindas"] : null);
  });

  it("refuses an operator every write and read, and changes nothing", async () => {
    const id = await create();
    const { operator } = world.viewers;
    expect(await updateTemplate(operator, id, { ...whatsapp, name: "Outro" })).toMatchObject(forbidden);
    expect(await archiveTemplate(operator, id)).toMatchObject(forbidden);
    expect(await getTemplate(operator, id)).toBeNull();
    expect(await previewTemplate(operator, { body: "{{contactname}}", contactId: world.contacts.inS1 })).toMatchObject(forbidden);
    expect(await getTemplate(world.viewers.admin, id)).toMatchObject({ name: "Boas-vindas" });
  });
});

describe("createTemplate and listTemplates", () => {
  it("stores the template for the organization, with its author, and lists it by name with an excerpt", async () => {
    const id = await create({ ...email, body: `Prezado(a) {{contactname}}, ${"x".repeat(300)}` });
    await create(whatsapp, world.viewers.admin);
    const [row] = await getDb().select().from(messageTemplates).where(eq(messageTemplates.id, id));
    expect(row).toMatchObject({ organizationId: world.orgA, name: "Fatura", channel: "email", subject: "{{contactfirstname}}, sua fatura", createdByUserId: world.viewers.supervisor.userId, archivedAt: null });
    const list = await listTemplates(world.viewers.supervisor);
    expect(list?.map((t) => t.name)).toEqual(["Boas-vindas", "Fatura"]);
    expect(list?.[1]).toMatchObject({ id, channel: "email", subject: "{{contactfirstname}}, sua fatura" });
    expect(list?.[1].excerpt).toBe(`Prezado(a) {{contactname}}, ${"x".repeat(139 - 28)}…`);
    expect(list?.[0].excerpt).toBe(whatsapp.body);
  });

  it("filters by channel", async () => {
    await create(whatsapp);
    await create(email);
    expect(await names(world.viewers.admin, "email")).toEqual(["Fatura"]);
    expect(await names(world.viewers.admin, "sms")).toEqual([]);
  });

  it("keeps organizations apart: lists, reads, writes and names", async () => {
    const id = await create();
    const { adminB } = world.viewers;
    expect(await names(adminB)).toEqual([]);
    expect(await getTemplate(adminB, id)).toBeNull();
    expect(await updateTemplate(adminB, id, { ...whatsapp, name: "Tomado" })).toEqual(notFound);
    expect(await archiveTemplate(adminB, id)).toEqual(notFound);
    // The same name is free in another organization.
    await create(whatsapp, adminB);
    expect(await names(adminB)).toEqual(["Boas-vindas"]);
    expect(await getTemplate(world.viewers.admin, id)).toMatchObject({ name: "Boas-vindas", body: whatsapp.body });
  });

  it("refuses a name in use, whatever its case, as a field error", async () => {
    await create();
    expect(await createTemplate(world.viewers.admin, { ...email, name: " BOAS-VINDAS " })).toEqual({
      ok: false,
      code: "invalid",
      message: "Revise os campos destacados.",
      fieldErrors: { name: ["Já existe um modelo com este nome."] },
    });
  });

  it("refuses unknown variables and a forged channel or subject, even from a caller that skipped the form's schema", async () => {
    const forged = { name: "X", channel: "fax", subject: "Oi", body: "{{foo}}" } as unknown as TemplateInput;
    expect(await createTemplate(world.viewers.admin, forged)).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { channel: ["Escolha o canal: WhatsApp, SMS, E-mail."], body: ["Variável desconhecida: {{foo}}. Use as da lista."] },
    });
    expect(await createTemplate(world.viewers.admin, { ...whatsapp, subject: "Oi {{nada}}" })).toMatchObject({
      ok: false,
      fieldErrors: { subject: ["Variável desconhecida: {{nada}}. Use as da lista.", "Só modelos de e-mail têm assunto: tire-o ou escolha o canal E-mail."] },
    });
    expect(await names(world.viewers.admin)).toEqual([]);
  });
});

describe("getTemplate", () => {
  it("answers null for a malformed id, an unknown one and an archived template", async () => {
    const id = await create();
    expect(await getTemplate(world.viewers.admin, "not-a-uuid")).toBeNull();
    expect(await getTemplate(world.viewers.admin, "00000000-0000-0000-0000-000000000000")).toBeNull();
    expect(await getTemplate(world.viewers.admin, id.toUpperCase())).toMatchObject({ id });
    await archiveTemplate(world.viewers.admin, id);
    expect(await getTemplate(world.viewers.admin, id)).toBeNull();
  });
});

describe("updateTemplate", () => {
  it("changes the template and moves updated_at", async () => {
    const id = await create();
    const before = (await getTemplate(world.viewers.admin, id))!;
    expect(await updateTemplate(world.viewers.admin, id, { ...email, name: "Fatura de março" })).toEqual({ ok: true });
    const after = (await getTemplate(world.viewers.admin, id))!;
    expect(after).toMatchObject({ name: "Fatura de março", channel: "email", subject: email.subject, body: email.body });
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
  });

  it("refuses another template's name, but not its own in another case", async () => {
    const id = await create();
    await create(email);
    expect(await updateTemplate(world.viewers.admin, id, { ...whatsapp, name: "fatura" })).toMatchObject({ ok: false, fieldErrors: { name: ["Já existe um modelo com este nome."] } });
    expect(await updateTemplate(world.viewers.admin, id, { ...whatsapp, name: "BOAS-VINDAS" })).toEqual({ ok: true });
  });

  it("answers not found for a malformed id and an archived template", async () => {
    const id = await create();
    expect(await updateTemplate(world.viewers.admin, "x'; drop table message_templates; --", whatsapp)).toEqual(notFound);
    await archiveTemplate(world.viewers.admin, id);
    expect(await updateTemplate(world.viewers.admin, id, whatsapp)).toEqual(notFound);
  });
});

describe("archiveTemplate", () => {
  it("takes the template out of the list, frees its name, and is not done twice", async () => {
    const id = await create();
    expect(await archiveTemplate(world.viewers.supervisor, id)).toEqual({ ok: true });
    expect(await names(world.viewers.admin)).toEqual([]);
    expect(await archiveTemplate(world.viewers.supervisor, id)).toEqual(notFound);
    expect(await archiveTemplate(world.viewers.supervisor, "nope")).toEqual(notFound);
    // Kept, for the campaigns that name it.
    const [row] = await getDb().select({ archivedAt: messageTemplates.archivedAt }).from(messageTemplates).where(eq(messageTemplates.id, id));
    expect(row.archivedAt).toBeInstanceOf(Date);
    await create();
    expect(await names(world.viewers.admin)).toEqual(["Boas-vindas"]);
  });
});

describe("previewTemplate", () => {
  const contactNotFound = { ok: false, code: "not_found", message: "Contato não encontrado.", fieldErrors: { contactId: ["Contato não encontrado."] } };

  it("renders the subject and the body for a contact the viewer sees, and says which variables would be empty", async () => {
    const [contact] = await getDb().select().from(contacts).where(eq(contacts.id, world.contacts.inS1));
    expect(
      await previewTemplate(world.viewers.supervisor, {
        subject: " {{segmento}}: {{responsavel}} ",
        body: "Olá {{contactfirstname}}, código @ChaveCliente, doc {{contactdocument}}, {{responsavel}}",
        contactId: world.contacts.inS1,
      }),
    ).toEqual({
      ok: true,
      subject: "S1: ",
      body: `Olá Contato, código ${contact.customerCode}, doc ${maskDocument(contact.document, contact.documentType)}, `,
      missing: ["responsavel"],
    });
    expect(await previewTemplate(world.viewers.operator, { body: "{{responsavel}}", contactId: world.contacts.operatorResponsible })).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("answers no subject when there is none", async () => {
    expect(await previewTemplate(world.viewers.admin, { subject: null, body: "{{segmento}}", contactId: world.contacts.noSegment })).toEqual({
      ok: true,
      subject: null,
      body: "",
      missing: ["segmento"],
    });
  });

  it.each([
    ["outside the viewer's carteira", () => world.contacts.inS3],
    ["of another organization", () => world.contacts.contactB],
    ["with a malformed id", () => "123"],
  ])("refuses a contact %s, exactly alike", async (_, contactId) => {
    expect(await previewTemplate(world.viewers.supervisor, { body: "{{contactname}}", contactId: contactId() })).toEqual(contactNotFound);
  });

  it("refuses a forged input with field errors", async () => {
    expect(await previewTemplate(world.viewers.admin, { body: "x".repeat(4001), contactId: world.contacts.inS1 })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { body: ["A mensagem pode ter até 4000 caracteres."] },
    });
  });
});
