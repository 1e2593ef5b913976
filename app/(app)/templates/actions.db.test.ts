import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { redirectTarget } from "@/db/testing/redirect-target";
import { createWorld, type World } from "@/db/testing/world";
import type { Viewer } from "@/lib/auth/viewer";
import { listTemplates } from "@/lib/templates/templates";

// Public HTTP endpoints: called as a forged request would be, with whoever the test says signed in.
const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/session", () => ({ getViewer: async () => session.viewer }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { archiveTemplateAction, createTemplateAction, previewTemplateAction, searchPreviewContactsAction, updateTemplateAction } = await import("./actions");

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
beforeEach(() => {
  session.viewer = null;
});

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};
const whatsapp = { name: "Boas-vindas", channel: "whatsapp", body: "Olá {{contactfirstname}}" };

async function createAs(viewer: Viewer, fields: Record<string, string>) {
  session.viewer = viewer;
  const target = await redirectTarget(createTemplateAction(null, form(fields)));
  const id = /^\/templates\/([0-9a-f-]{36})\?toast=created$/.exec(target ?? "")?.[1];
  if (!id) throw new Error(`createTemplateAction did not redirect to the template: ${target}`);
  return id;
}

const namesOfA = async () => (await listTemplates(world.viewers.admin))!.map((t) => t.name);

describe("template server actions", () => {
  it("refuse no session and operators, changing nothing", async () => {
    const id = await createAs(world.viewers.supervisor, { ...whatsapp, name: "Protegido" });
    const before = await namesOfA();
    for (const viewer of [null, world.viewers.operator]) {
      session.viewer = viewer;
      expect(await createTemplateAction(null, form(whatsapp))).toMatchObject({ ok: false, code: "forbidden" });
      expect(await updateTemplateAction(null, form({ ...whatsapp, id }))).toMatchObject({ ok: false, code: "forbidden" });
      expect(await archiveTemplateAction(id)).toMatchObject({ ok: false, code: "forbidden" });
      expect(await previewTemplateAction({ body: "{{contactname}}", contactId: world.contacts.inS1 })).toMatchObject({ ok: false, code: "forbidden" });
      expect(await searchPreviewContactsAction("Contato")).toMatchObject(viewer ? { ok: true } : { ok: false, code: "forbidden" });
    }
    expect(await namesOfA()).toEqual(before);
  });

  it("create, update and archive from the form, answering each field's error", async () => {
    const id = await createAs(world.viewers.admin, { name: "Fatura", channel: "email", subject: "Sua fatura", body: "Oi {{contactname}}" });
    expect(await updateTemplateAction(null, form({ id, name: "Fatura", channel: "email", subject: "", body: "{{nome}}" }))).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { subject: ["Informe o assunto do e-mail."], body: ["Variável desconhecida: {{nome}}. Use as da lista."] },
    });
    expect(await updateTemplateAction(null, form({ id, name: "Fatura nova", channel: "sms", body: "Oi @ChaveCliente" }))).toEqual({ ok: true });
    expect(await namesOfA()).toContain("Fatura nova");
    expect(await redirectTarget(archiveTemplateAction(id))).toBe("/templates?toast=archived");
    expect(await namesOfA()).not.toContain("Fatura nova");
  });

  it("answer garbage ids and forged arguments with not found or a field error, never an error", async () => {
    session.viewer = world.viewers.admin;
    for (const id of ["1 or 1=1", "", "00000000-0000-0000-0000-000000000000"]) {
      expect(await updateTemplateAction(null, form({ ...whatsapp, id }))).toMatchObject({ ok: false, code: "not_found" });
      expect(await archiveTemplateAction(id)).toMatchObject({ ok: false, code: "not_found" });
    }
    expect(await updateTemplateAction(null, form(whatsapp))).toMatchObject({ ok: false, code: "not_found" });
    expect(await archiveTemplateAction({ id: 1 } as unknown as string)).toMatchObject({ ok: false, code: "not_found" });
    expect(await previewTemplateAction(null as never)).toMatchObject({ ok: false, code: "invalid" });
    expect(await previewTemplateAction({ body: "x", contactId: { id: 1 } } as never)).toMatchObject({ ok: false, code: "invalid" });
    expect(await previewTemplateAction({ body: "x", contactId: "1 or 1=1" })).toMatchObject({ ok: false, code: "not_found", message: "Contato não encontrado." });
  });

  it("search only the contacts the viewer sees, and survive any argument", async () => {
    session.viewer = world.viewers.supervisor;
    // The shared código is on a contact of S3 (and on one of organization B): the supervisor sees neither.
    expect(await searchPreviewContactsAction(world.sharedCode)).toEqual({ ok: true, contacts: [] });
    session.viewer = world.viewers.admin;
    expect(await searchPreviewContactsAction(world.sharedCode)).toEqual({
      ok: true,
      contacts: [{ id: world.contacts.codeInA, name: `Contato ${world.sharedCode}`, customerCode: world.sharedCode }],
    });
    for (const typed of ["\u0000", "x".repeat(10_000), { q: 1 } as unknown as string]) {
      const result = await searchPreviewContactsAction(typed);
      expect(result.ok).toBe(true);
    }
  });
});
