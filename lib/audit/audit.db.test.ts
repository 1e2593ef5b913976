import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { createWorld, type World } from "@/db/testing/world";
import { editInput } from "@/db/testing/edit-input";
import { updateContact } from "@/lib/contacts/mutations";
import { getContactForEdit } from "@/lib/contacts/queries";
import { addSegmentMember, createSegment } from "@/lib/segments/admin";
import { segmentInput } from "@/lib/segments/segment-input";
import { auditFilters } from "./audit-filters";
import { listAuditEvents } from "./audit";

let world: World;
beforeAll(async () => {
  world = await createWorld();
  const { admin, adminB } = world.viewers;
  await createSegment(admin, segmentInput.parse({ name: "Cobrança" }));
  await addSegmentMember(admin, world.segments.s2, world.viewers.operator.userId);
  await createSegment(adminB, segmentInput.parse({ name: "Só da B" }));
  // One event of A, two days ago (Brasília): the date filter must find it alone.
  await getDb()
    .update(auditEvents)
    .set({ createdAt: sql`now() - interval '2 days'` })
    .where(sql`${auditEvents.organizationId} = ${world.orgA} and ${auditEvents.action} = 'segment.create'`);
});

const filters = (query: Record<string, string>) => auditFilters.parse(query);
const actions = async (query: Record<string, string>) =>
  (await listAuditEvents(world.viewers.admin, filters(query)))!.events.map((e) => `${e.action}:${e.targetLabel}`);

describe("the audit log", () => {
  it("is for admins only, and only their organization's", async () => {
    expect(await listAuditEvents(world.viewers.supervisor, filters({}))).toBeNull();
    expect(await listAuditEvents(world.viewers.operator, filters({}))).toBeNull();
    expect(await actions({})).toEqual(["segment.member_add:S2", "segment.create:Cobrança"]);
    expect((await listAuditEvents(world.viewers.adminB, filters({})))!.events.map((e) => e.targetLabel)).toEqual(["Só da B"]);
  });

  it("filters by user, action and date", async () => {
    expect(await actions({ action: "segment.create" })).toEqual(["segment.create:Cobrança"]);
    expect(await actions({ user: world.viewers.admin.userId })).toHaveLength(2);
    expect(await actions({ user: world.viewers.supervisor.userId })).toEqual([]);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Sao_Paulo" }).format(new Date());
    expect(await actions({ from: today })).toEqual(["segment.member_add:S2"]);
    expect(await actions({ to: today })).toHaveLength(2);
    // Garbage in the URL filters nothing instead of failing.
    expect(await actions({ action: "drop table", from: "ontem", before: "xyz" })).toHaveLength(2);
  });

  it("records a responsável changed on the contact page", async () => {
    const { admin, operator } = world.viewers;
    const current = (await getContactForEdit(admin, world.contacts.inS3))!;
    expect(await updateContact(admin, world.contacts.inS3, current.version, editInput(current, () => true, { responsibleUserId: operator.userId }), "form")).toMatchObject({ ok: true });
    const [event] = (await listAuditEvents(admin, filters({ action: "contact.responsible_change" })))!.events;
    expect(event).toMatchObject({ targetLabel: current.name, details: { from: null, to: "Operator" } });
  });

  it("pages newest first by keyset, each event once", async () => {
    const { admin } = world.viewers;
    await getDb().insert(auditEvents).values(
      Array.from({ length: 53 }, (_, i) => ({
        organizationId: world.orgA,
        actorUserId: admin.userId,
        actorName: admin.name,
        action: "segment.update" as const,
        targetLabel: `Lote ${i}`,
        // Ties on the timestamp, as events written in one transaction have.
        createdAt: sql`now() - make_interval(mins => ${i % 5})`,
      })),
    );
    const first = (await listAuditEvents(admin, filters({})))!;
    expect(first.events).toHaveLength(50);
    const second = (await listAuditEvents(admin, filters({ before: first.nextCursor! })))!;
    expect(second.nextCursor).toBeNull();
    const ids = [...first.events, ...second.events].map((e) => e.id);
    const [{ n }] = await getDb().select({ n: sql<number>`count(*)::int` }).from(auditEvents).where(eq(auditEvents.organizationId, world.orgA));
    expect(new Set(ids).size).toBe(n);
    const times = [...first.events, ...second.events].map((e) => e.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});

// What /audit does with its URL: days PostgreSQL cannot cast and forged cursors are dropped, so the
// log answers as without them. Before, /audit?from=2024-13-45 answered 500.
describe("malformed values in the URL", () => {
  const cursor = (keys: unknown) => Buffer.from(JSON.stringify(keys)).toString("base64url");

  it.each<[string, Record<string, string>]>([
    ["from=2024-13-45", { from: "2024-13-45" }],
    ["to=0000-01-01", { to: "0000-01-01" }],
    ["a NUL after a day", { from: "2026-03-05\0" }],
    ["a NUL in the user", { user: `${"0".repeat(8)}-0000-0000-0000-${"0".repeat(12)}\0` }],
    ["a cursor dated 2024-13-45", { before: cursor(["2024-13-45 00:00:00+00", "00000000-0000-0000-0000-000000000000"]) }],
    ["a cursor of year 0", { before: cursor(["0000-01-01 00:00:00+00", "00000000-0000-0000-0000-000000000000"]) }],
  ])("%s: the log answers as without it", async (_, query) => {
    expect(await actions(query)).toEqual(await actions({}));
  });
});
