import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createWorld, type World } from "@/db/testing/world";
import type { Viewer } from "@/lib/auth/viewer";
import { getContact, getContactForEdit, getContactHistory, loadVisibleContact } from "@/lib/contacts/queries";
import { findContacts } from "@/lib/contacts/contact-list";
import { formatDocument, generateCpf } from "@/lib/documents/document";

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

async function redirectTarget(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return (error as { digest?: string }).digest?.split(";")[2];
  }
  return null;
}

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
