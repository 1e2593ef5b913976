import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { contactHistory, contacts, contactSegments, segmentMembers, users } from "@/db/schema";
import { createWorld, type World } from "@/db/testing/world";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import { formatDocument } from "@/lib/documents/document";
import { editInput } from "@/db/testing/edit-input";
import { contactInput } from "./contact-input";
import { deleteContact, revealContactDocument, updateContact } from "./mutations";
import { getContact, getContactForEdit, getContactHistory, loadVisibleContact } from "./queries";
import { findContacts } from "./contact-list";

// THE visibility matrix (docs/ARCHITECTURE.md, "Who sees what"): every viewer of the test world against every
// contact of it. The expectation is written out by hand, cell by cell, not computed from the rule,
// so that a change in contactVisibleTo that changes who sees what breaks a named cell here.

type ViewerKey = keyof World["viewers"];
type ContactKey = keyof World["contacts"];

const contactKeys: ContactKey[] = ["inS1", "inS2", "inS3", "inS1andS3", "noSegment", "operatorResponsible", "codeInA", "contactB"];

// World: supervisor in S1+S2, operator in S1 (and responsável of operatorResponsible), otherOperator
// in S3; codeInA is in S3; contactB belongs to organization B.
//                                   inS1   inS2   inS3   inS1andS3 noSegment opResp codeInA contactB
const visible: Record<ViewerKey, boolean[]> = {
  admin: /*         */ [true, true, true, true, true, true, true, false],
  supervisor: /*    */ [true, true, false, true, false, false, false, false],
  operator: /*      */ [true, false, false, true, false, true, false, false],
  otherOperator: /* */ [false, false, true, true, false, false, true, false],
  adminB: /*        */ [false, false, false, false, false, false, false, true],
};

type Cell = { viewer: ViewerKey; contact: ContactKey; visible: boolean; where: string };

const cells: Cell[] = (Object.keys(visible) as ViewerKey[]).flatMap((viewer) =>
  contactKeys.map((contact, index) => ({
    viewer,
    contact,
    visible: visible[viewer][index],
    where: isOtherOrganization(viewer, contact) ? "other organization" : visible[viewer][index] ? "inside" : "outside",
  })),
);

function isOtherOrganization(viewer: ViewerKey, contact: ContactKey) {
  return (viewer === "adminB") !== (contact === "contactB");
}

/** The admin of the contact's own organization: who may read the row to compare against. */
function ownerAdmin(world: World, contact: ContactKey): Viewer {
  return contact === "contactB" ? world.viewers.adminB : world.viewers.admin;
}

async function storedContact(id: string) {
  const [row] = await getDb()
    .select({ name: contacts.name, version: contacts.version })
    .from(contacts)
    .where(eq(contacts.id, id));
  return row ?? null;
}

async function historyCount(id: string) {
  const rows = await getDb().select({ id: contactHistory.id }).from(contactHistory).where(eq(contactHistory.contactId, id));
  return rows.length;
}

/** What the edit form would send: the contact as stored, renamed, with the segments the viewer may edit. */
async function renameInput(world: World, viewer: Viewer, contact: ContactKey) {
  const current = (await getContactForEdit(ownerAdmin(world, contact), world.contacts[contact]))!;
  const editable = (id: string) =>
    viewer.role === "admin" ? viewer.organizationId === ownerAdmin(world, contact).organizationId : viewer.segmentIds.includes(id);
  return { current, input: editInput(current, editable, { name: `${current.name} editado` }) };
}

const label = "$viewer × $contact ($where)";

describe("visibility matrix: reads", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });

  it("the table covers every viewer and every contact of the world", () => {
    expect(Object.keys(world.viewers).sort()).toEqual(Object.keys(visible).sort());
    expect(Object.keys(world.contacts).sort()).toEqual([...contactKeys].sort());
    for (const row of Object.values(visible)) expect(row).toHaveLength(contactKeys.length);
  });

  it.each(cells)(`getContact: ${label} → visible=$visible`, async ({ viewer, contact, visible }) => {
    const found = await getContact(world.viewers[viewer], world.contacts[contact]);
    if (visible) expect(found?.id).toBe(world.contacts[contact]);
    else expect(found).toBeNull();
  });

  it.each(cells)(`getContactForEdit: ${label} → visible=$visible`, async ({ viewer, contact, visible }) => {
    const found = await getContactForEdit(world.viewers[viewer], world.contacts[contact]);
    if (visible) expect(found?.id).toBe(world.contacts[contact]);
    else expect(found).toBeNull();
  });

  it.each(cells)(`findContacts (limit 100): ${label} → listed=$visible`, async ({ viewer, contact, visible }) => {
    const page = await findContacts(world.viewers[viewer], { limit: 100 });
    expect(page.items.map((c) => c.id).includes(world.contacts[contact])).toBe(visible);
  });

  it.each(Object.keys(visible) as ViewerKey[])("findContacts lists exactly the visible contacts for %s", async (viewer) => {
    const page = await findContacts(world.viewers[viewer], { limit: 100 });
    const expected = contactKeys.filter((_, index) => visible[viewer][index]).map((key) => world.contacts[key]);
    expect(page.items.map((c) => c.id).sort()).toEqual(expected.sort());
    expect(page.nextCursor).toBeNull();
  });

  it.each(cells)(`findContacts by exact código: ${label} → found=$visible`, async ({ viewer, contact, visible }) => {
    const code = (await getContact(ownerAdmin(world, contact), world.contacts[contact]))!.customerCode;
    const page = await findContacts(world.viewers[viewer], { q: code, limit: 100 });
    const ids = page.items.map((c) => c.id);
    expect(ids.includes(world.contacts[contact])).toBe(visible);
    // Nothing of the other organization, even with the same code.
    for (const id of ids) expect(isOtherOrganization(viewer, keyOf(world, id))).toBe(false);
  });

  it.each(cells)(`getContactHistory: ${label} → entries=$visible`, async ({ viewer, contact, visible }) => {
    const history = await getContactHistory(world.viewers[viewer], world.contacts[contact]);
    if (visible) {
      expect(history.length).toBeGreaterThan(0);
      expect(history.map((h) => h.action)).toContain("create");
    } else {
      expect(history).toEqual([]);
    }
  });

  it.each(cells)(`revealContactDocument: ${label} → revealed=$visible`, async ({ viewer, contact, visible }) => {
    const id = world.contacts[contact];
    const before = await historyCount(id);
    const result = await revealContactDocument(world.viewers[viewer], id);
    if (visible) {
      const stored = (await loadVisibleContact(ownerAdmin(world, contact), id))!;
      expect(result).toEqual({ ok: true, document: formatDocument(stored.document, stored.documentType) });
      expect(await historyCount(id)).toBe(before + 1);
    } else {
      expect(result).toMatchObject({ ok: false, code: "not_found" });
      // A refused reveal leaves no trace on a contact the viewer cannot see.
      expect(await historyCount(id)).toBe(before);
    }
  });
});

function keyOf(world: World, id: string): ContactKey {
  const key = contactKeys.find((k) => world.contacts[k] === id);
  if (!key) throw new Error(`unknown contact ${id}`);
  return key;
}

describe("visibility matrix: writes (a fresh world per cell)", () => {
  it.each(cells)(`updateContact: ${label} → ok=$visible`, async ({ viewer: viewerKey, contact, visible }) => {
    const world = await createWorld();
    const viewer = world.viewers[viewerKey];
    const id = world.contacts[contact];
    const { current, input } = await renameInput(world, viewer, contact);

    const result = await updateContact(viewer, id, current.version, input, "form");

    const stored = await storedContact(id);
    if (visible) {
      expect(result).toEqual({ ok: true, id });
      expect(stored).toEqual({ name: `${current.name} editado`, version: current.version + 1 });
      const after = (await getContactForEdit(ownerAdmin(world, contact), id))!;
      expect(after.segments).toEqual(current.segments);
      expect(after.responsibleUserId).toBe(current.responsibleUserId);
    } else {
      expect(result).toMatchObject({ ok: false, code: "not_found", fieldErrors: {} });
      expect(stored).toEqual({ name: current.name, version: current.version });
    }
  });

  it.each(cells)(`deleteContact: ${label}`, async ({ viewer: viewerKey, contact, visible }) => {
    const world = await createWorld();
    const viewer = world.viewers[viewerKey];
    const id = world.contacts[contact];

    const result = await deleteContact(viewer, id, "form");

    // Only admins delete, and only what they see (their own organization).
    const expected = viewer.role !== "admin" ? "forbidden" : visible ? "ok" : "not_found";
    const stored = await storedContact(id);
    if (expected === "ok") {
      expect(result).toEqual({ ok: true });
      expect(stored).toBeNull();
      expect(await getDb().select().from(contactSegments).where(eq(contactSegments.contactId, id))).toEqual([]);
      const actions = await getDb()
        .select({ action: contactHistory.action, actorName: contactHistory.actorName })
        .from(contactHistory)
        .where(eq(contactHistory.contactId, id));
      expect(actions).toContainEqual({ action: "delete", actorName: viewer.name });
    } else {
      expect(result).toMatchObject({ ok: false, code: expected });
      expect(stored).not.toBeNull();
      expect(await getContact(ownerAdmin(world, contact), id)).not.toBeNull();
    }
  });
});

describe("the viewer is loaded fresh", () => {
  it("a membership added in segment_members shows the segment's contacts at once, and removing it hides them", async () => {
    const world = await createWorld();
    const { operator } = world.viewers;
    const listed = async () => {
      const viewer = (await loadViewer(operator.userId, operator.organizationId))!;
      return (await findContacts(viewer, { limit: 100 })).items.map((c) => c.id);
    };

    expect(await listed()).not.toContain(world.contacts.inS2);

    await getDb().insert(segmentMembers).values({ organizationId: world.orgA, segmentId: world.segments.s2, userId: operator.userId });
    expect((await loadViewer(operator.userId, operator.organizationId))!.segmentIds.sort()).toEqual(
      [world.segments.s1, world.segments.s2].sort(),
    );
    expect(await listed()).toContain(world.contacts.inS2);

    await getDb()
      .delete(segmentMembers)
      .where(and(eq(segmentMembers.userId, operator.userId), eq(segmentMembers.segmentId, world.segments.s1)));
    const afterRemoval = await listed();
    expect(afterRemoval).toContain(world.contacts.inS2);
    expect(afterRemoval).not.toContain(world.contacts.inS1);
    expect(afterRemoval).not.toContain(world.contacts.inS1andS3);
    // Still the responsável of this one, with no segment at all.
    expect(afterRemoval).toContain(world.contacts.operatorResponsible);

    await getDb().delete(segmentMembers).where(eq(segmentMembers.userId, operator.userId));
    const viewer = (await loadViewer(operator.userId, operator.organizationId))!;
    expect(viewer.segmentIds).toEqual([]);
    expect((await findContacts(viewer, { limit: 100 })).items.map((c) => c.id)).toEqual([world.contacts.operatorResponsible]);
    expect(await getContact(viewer, world.contacts.inS2)).toBeNull();
  });

  it("an inactive user's loadViewer returns null", async () => {
    const world = await createWorld();
    const { supervisor } = world.viewers;
    expect(await loadViewer(supervisor.userId, supervisor.organizationId)).toMatchObject({
      userId: supervisor.userId,
      role: "supervisor",
    });
    await getDb().update(users).set({ active: false }).where(eq(users.id, supervisor.userId));
    expect(await loadViewer(supervisor.userId, supervisor.organizationId)).toBeNull();
  });

  it("loadViewer with another organization's id returns null", async () => {
    const world = await createWorld();
    expect(await loadViewer(world.viewers.admin.userId, world.orgB)).toBeNull();
    expect(await loadViewer(world.viewers.adminB.userId, world.orgA)).toBeNull();
  });
});

describe("forged ids are not found everywhere", () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });

  const orgAViewers: ViewerKey[] = ["admin", "supervisor", "operator", "otherOperator"];
  const forged: { label: string; id: (w: World) => string }[] = [
    { label: "a random uuid", id: () => randomUUID() },
    { label: "the nil uuid", id: () => "00000000-0000-0000-0000-000000000000" },
    { label: "a non-uuid string", id: () => "not-a-uuid" },
    { label: "an empty string", id: () => "" },
    { label: "an SQL-looking string", id: () => "' or 1=1 --" },
    { label: "another organization's contact id", id: (w) => w.contacts.contactB },
    { label: "another organization's contact id in upper case", id: (w) => w.contacts.contactB.toUpperCase() },
  ];
  const rows = orgAViewers.flatMap((viewer) => forged.map((f) => ({ viewer, ...f })));

  it.each(rows)("$viewer with $label", async ({ viewer: viewerKey, id: makeId }) => {
    const viewer = world.viewers[viewerKey];
    const id = makeId(world);
    const input = contactInput.parse({ name: "Forjado", document: "529.982.247-25", customerCode: `FORGED-${randomUUID()}` });

    expect(await getContact(viewer, id)).toBeNull();
    expect(await getContactForEdit(viewer, id)).toBeNull();
    expect(await getContactHistory(viewer, id)).toEqual([]);
    expect(await revealContactDocument(viewer, id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await updateContact(viewer, id, 1, input, "form")).toMatchObject({ ok: false, code: "not_found" });
    expect(await deleteContact(viewer, id, "form")).toMatchObject({
      ok: false,
      code: viewer.role === "admin" ? "not_found" : "forbidden",
    });
    // Organization B's contact is untouched.
    expect(await storedContact(world.contacts.contactB)).toMatchObject({ version: 1 });
    expect(await getDb().select().from(contacts).where(eq(contacts.name, "Forjado"))).toEqual([]);
  });

  it.each(["operator", "supervisor"] as const)(
    "an upper-case id of a contact invisible to the %s does not get around the predicate",
    async (viewerKey) => {
      const viewer = world.viewers[viewerKey];
      const id = world.contacts.inS3.toUpperCase();
      expect(await getContact(viewer, id)).toBeNull();
      expect(await getContactHistory(viewer, id)).toEqual([]);
      expect(await revealContactDocument(viewer, id)).toMatchObject({ ok: false, code: "not_found" });
      // …while the admin finds it by the same spelling.
      expect((await getContact(world.viewers.admin, id))?.id).toBe(world.contacts.inS3);
    },
  );
});
