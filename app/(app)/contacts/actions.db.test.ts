import { randomUUID } from "node:crypto";
import { inspect } from "node:util";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { refuseContactsNamed } from "@/db/testing/failing-writes";
import { createWorld, type World } from "@/db/testing/world";
import type { Viewer } from "@/lib/auth/viewer";
import { getContact, getContactForEdit, getContactHistory, loadVisibleContact } from "@/lib/contacts/queries";
import { findContacts } from "@/lib/contacts/contact-list";
import { formatDocument, generateCpf } from "@/lib/documents/document";
import { redirectTarget } from "@/db/testing/redirect-target";

// The actions are public HTTP endpoints: these tests call them as a forged request would, with the
// session replaced by whoever the test says is signed in.
const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/session", () => ({ getViewer: async () => session.viewer }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { createContactAction, deleteContactAction, revealDocumentAction, updateContactAction } = await import("./actions");

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
beforeEach(() => {
  session.viewer = null;
});

function contactForm(fields: Record<string, string | string[]>) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) form.append(key, item);
  }
  return form;
}

const validContact = () => ({
  name: "Cliente Forjado",
  document: formatDocument(generateCpf(world.random), "cpf"),
  customerCode: `ACT-${randomUUID().slice(0, 8)}`,
});

// Checked through the admin's eyes, who sees every contact of the organization.
async function codeExists(customerCode: string) {
  return (await findContacts(world.viewers.admin, { q: customerCode })).items.some((c) => c.customerCode === customerCode);
}

describe("contact server actions", () => {
  it("refuse every call without a session, writing nothing", async () => {
    const input = validContact();
    const created = await createContactAction(null, contactForm(input));
    expect(created).toMatchObject({ ok: false, code: "forbidden" });
    expect(await codeExists(input.customerCode)).toBe(false);
    expect(await revealDocumentAction(world.contacts.inS1)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await deleteContactAction(world.contacts.inS1)).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("refuse an operator's forged segment ids (another carteira, another organization)", async () => {
    session.viewer = world.viewers.operator;
    for (const segmentId of [world.segments.s3, world.segments.sB, randomUUID()]) {
      const input = validContact();
      const result = await createContactAction(null, contactForm({ ...input, segmentIds: segmentId }));
      expect(result).toMatchObject({ ok: false, fieldErrors: { segmentIds: expect.any(Array) } });
      expect(await codeExists(input.customerCode)).toBe(false);
    }
  });

  it("create, then redirect to the new contact's page", async () => {
    session.viewer = world.viewers.operator;
    const input = validContact();
    const target = await redirectTarget(createContactAction(null, contactForm({ ...input, segmentIds: world.segments.s1 })));
    expect(target).toMatch(/^\/contacts\/[0-9a-f-]{36}\?toast=created$/);
    expect(await codeExists(input.customerCode)).toBe(true);
  });

  it("answer not found for a forged contact id, of another carteira or organization", async () => {
    session.viewer = world.viewers.operator;
    for (const id of [world.contacts.inS3, world.contacts.contactB, randomUUID()]) {
      const result = await updateContactAction(null, contactForm({ ...validContact(), id, version: "1" }));
      expect(result).toMatchObject({ ok: false, code: "not_found" });
      expect(await revealDocumentAction(id)).toMatchObject({ ok: false, code: "not_found" });
    }
  });

  it("keep the responsável when an operator saves the edit form, which has no field for it", async () => {
    session.viewer = world.viewers.operator;
    const id = world.contacts.operatorResponsible;
    const current = (await getContactForEdit(world.viewers.operator, id))!;
    const form = contactForm({
      id,
      version: String(current.version),
      name: "Renomeado pela operadora",
      customerCode: current.customerCode,
    });
    expect(await redirectTarget(updateContactAction(null, form))).toBe(`/contacts/${id}?toast=updated`);
    expect(await getContact(world.viewers.admin, id)).toMatchObject({ name: "Renomeado pela operadora", responsible: { id: world.viewers.operator.userId } });
  });

  it.each(["not-a-uuid", "", "' or 1=1 --", "00000000-0000-0000-0000-000000000000\0", "0000000-0000-0000-0000-000000000000"])(
    "answer not found for the malformed id %j, as for any unknown contact",
    async (id) => {
      session.viewer = world.viewers.admin;
      expect(await updateContactAction(null, contactForm({ ...validContact(), id, version: "1" }))).toMatchObject({ ok: false, code: "not_found" });
      expect(await revealDocumentAction(id)).toMatchObject({ ok: false, code: "not_found" });
      expect(await deleteContactAction(id)).toMatchObject({ ok: false, code: "not_found" });
    },
  );

  // A failed insert logged the error as the driver built it: the query's parameters, name and CPF included.
  it("log a failed write by the action's name and the error's code, never the contact's data", async () => {
    session.viewer = world.viewers.admin;
    const contact = { ...validContact(), name: "Maria Sigilosa" };
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const allowAgain = await refuseContactsNamed("Maria Sigilosa");
    let calls: unknown[][];
    try {
      expect(await createContactAction(null, contactForm(contact))).toMatchObject({ ok: false, code: "unexpected" });
    } finally {
      await allowAgain();
      calls = [...log.mock.calls];
      log.mockRestore();
    }
    const printed = inspect(calls, { depth: 10 });
    expect(printed).not.toContain("Sigilosa");
    expect(printed).not.toContain(contact.document.replace(/\D/g, ""));
    expect(printed).not.toContain(contact.document);
    expect(printed).not.toContain(contact.customerCode);
    expect(calls).toEqual([["createContactAction failed", expect.objectContaining({ code: "23514", constraint: "refuse_in_test" })]]);
  });

  it("let only admins delete", async () => {
    session.viewer = world.viewers.supervisor;
    expect(await deleteContactAction(world.contacts.inS1)).toMatchObject({ ok: false, code: "forbidden" });
    session.viewer = world.viewers.admin;
    expect(await redirectTarget(deleteContactAction(world.contacts.inS2))).toBe("/contacts?toast=deleted");
    expect(await getContact(world.viewers.admin, world.contacts.inS2)).toBeNull();
  });

  it("report every invalid field at once, in Portuguese", async () => {
    session.viewer = world.viewers.admin;
    const result = await createContactAction(null, contactForm({ name: " ", document: "111.111.111-11", customerCode: "com espaço" }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(["customerCode", "document", "name"]);
    expect(result.message).toBe("Revise os campos destacados.");
  });

  it("answer a refused submit with what was typed, for a form posted before hydration to show again", async () => {
    session.viewer = world.viewers.admin;
    const typed = { name: "Marina", document: "123.456.789-00", customerCode: "M-1", priority: "high", tags: ["vip", "novo"], segmentIds: world.segments.s1, phones: ["(11) 9"], emails: ["m@x"] };
    expect(await createContactAction(null, contactForm(typed))).toMatchObject({
      ok: false,
      values: { ...typed, responsibleUserId: "", segmentIds: [world.segments.s1], phones: ["(11) 9"], emails: ["m@x"] },
    });
    const update = await updateContactAction(null, contactForm({ ...typed, id: world.contacts.inS1, version: "1" }));
    expect(update).toMatchObject({ ok: false, values: { name: "Marina", document: "123.456.789-00" } });
  });

  it("edit: the page gets the document masked; saving without it keeps it; revealing it on the form is recorded", async () => {
    const { supervisor, admin } = world.viewers;
    session.viewer = supervisor;
    const id = world.contacts.inS1;
    const stored = (await loadVisibleContact(admin, id))!;
    const edit = (await getContactForEdit(supervisor, id))!;
    expect(edit.documentMasked).toContain("*");
    expect(JSON.stringify(edit)).not.toContain(stored.document);

    const form = { id, version: String(edit.version), name: "Renomeado sem ver o documento", customerCode: edit.customerCode, segmentIds: world.segments.s1 };
    expect(await redirectTarget(updateContactAction(null, contactForm(form)))).toBe(`/contacts/${id}?toast=updated`);
    const saved = (await loadVisibleContact(admin, id))!;
    expect([saved.name, saved.document, saved.documentType]).toEqual([form.name, stored.document, stored.documentType]);
    const [update] = await getContactHistory(admin, id);
    expect(update.changes.map((c) => c.field)).toEqual(["name"]);

    expect(await revealDocumentAction(id)).toEqual({ ok: true, document: formatDocument(stored.document, stored.documentType) });
    const [reveal] = await getContactHistory(admin, id);
    expect(reveal).toMatchObject({ action: "reveal_document", actorName: supervisor.name, source: "form", changes: [] });

    // Replaced (or revealed), the document is sent and saved like any field.
    const replacement = generateCpf(world.random);
    const replaced = { ...form, version: String(saved.version), document: formatDocument(replacement, "cpf") };
    expect(await redirectTarget(updateContactAction(null, contactForm(replaced)))).toBe(`/contacts/${id}?toast=updated`);
    expect((await loadVisibleContact(admin, id))!.document).toBe(replacement);
  });
});
