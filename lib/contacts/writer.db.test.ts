import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { contactHistory, contacts } from "@/db/schema";
import { editInput } from "@/db/testing/edit-input";
import { createWorld, type World } from "@/db/testing/world";
import { archiveSegment } from "@/lib/segments/admin";
import { deactivateUser } from "@/lib/users/admin";
import { updateContact } from "./mutations";
import { getContactForEdit } from "./queries";
import * as writer from "./writer";

// The one contact writer: visibility inside the write, version and history on every path.

let world: World;
beforeEach(async () => {
  world = await createWorld();
});

async function stored(id: string) {
  const [row] = await getDb().select({ version: contacts.version, updatedAt: contacts.updatedAt, tags: contacts.tags }).from(contacts).where(eq(contacts.id, id));
  return row;
}
const historyOf = (id: string) =>
  getDb().select({ source: contactHistory.source, action: contactHistory.action, changes: contactHistory.changes }).from(contactHistory).where(and(eq(contactHistory.contactId, id), sql`${contactHistory.source} <> 'system'`));

describe("the contact writer", () => {
  it("writes only the contacts the viewer sees, even when asked for others by id", async () => {
    const { operator } = world.viewers;
    const { inS1, inS2, contactB } = world.contacts;
    const written = await getDb().transaction((tx) =>
      writer.updateContacts(tx, { viewer: operator, source: "form" }, {
        where: sql`contacts.id in (${inS1}::uuid, ${inS2}::uuid, ${contactB}::uuid)`,
        set: sql`tags = array['x']`,
        changes: sql`'[]'::jsonb`,
      }),
    );
    expect(written.ids).toEqual([inS1]);
    expect((await stored(inS2)).tags).toEqual([]);
    expect(await historyOf(inS2)).toEqual([]);
    const deleted = await getDb().transaction((tx) => writer.deleteContacts(tx, { viewer: world.viewers.adminB, source: "form" }, { where: sql`contacts.id = ${inS2}::uuid` }));
    expect(deleted.count).toBe(0);
  });

  it("bumps version and updated_at and records one history row with its source and batch id", async () => {
    const { admin } = world.viewers;
    const before = await stored(world.contacts.inS1);
    const batchId = crypto.randomUUID();
    await getDb().transaction((tx) =>
      writer.updateContacts(tx, { viewer: admin, source: "bulk", batchId }, {
        where: sql`contacts.id = ${world.contacts.inS1}::uuid`,
        set: sql`tags = array['vip']`,
        changes: sql`jsonb_build_array(jsonb_build_object('field', 'tags', 'from', '[]'::jsonb, 'to', to_jsonb(contacts.tags)))`,
      }),
    );
    const after = await stored(world.contacts.inS1);
    expect(after.version).toBe(before.version + 1);
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    const rows = await getDb().select({ batchId: contactHistory.batchId, source: contactHistory.source, changes: contactHistory.changes }).from(contactHistory).where(and(eq(contactHistory.contactId, world.contacts.inS1), eq(contactHistory.source, "bulk")));
    expect(rows).toEqual([{ batchId, source: "bulk", changes: [{ field: "tags", from: [], to: ["vip"] }] }]);
  });

  it("archiving a segment writes its contacts through the writer: an edit form opened before it cannot overwrite it", async () => {
    const { admin } = world.viewers;
    const opened = (await getContactForEdit(admin, world.contacts.inS1))!;
    expect(await archiveSegment(admin, world.segments.s1, { contacts: "move", targetSegmentId: world.segments.s2 })).toMatchObject({ ok: true });
    expect((await stored(world.contacts.inS1)).version).toBe(opened.version + 1);
    expect(await historyOf(world.contacts.inS1)).toEqual([{ source: "segment", action: "update", changes: [{ field: "segments", from: ["S1"], to: ["S2"] }] }]);

    const stale = await updateContact(admin, world.contacts.inS1, opened.version, editInput(opened, () => false, { name: "Outro nome" }), "form");
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
  });

  it("a hand-over bumps each contact's version and records it as a hand-over", async () => {
    const { admin, operator } = world.viewers;
    const id = world.contacts.operatorResponsible;
    const before = await stored(id);
    expect(await deactivateUser(admin, operator.userId, world.viewers.supervisor.userId)).toMatchObject({ ok: true, handedOver: 1 });
    expect((await stored(id)).version).toBe(before.version + 1);
    expect(await historyOf(id)).toEqual([{ source: "handover", action: "update", changes: [{ field: "responsible", from: "Operator", to: "Supervisor" }] }]);
  });
});
