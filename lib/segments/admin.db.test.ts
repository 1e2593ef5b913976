import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, contactHistory, contactSegments, segmentMembers, segments } from "@/db/schema";
import { createWorld, type World } from "@/db/testing/world";
import { loadViewer } from "@/lib/auth/viewer";
import { getContact } from "@/lib/contacts/queries";
import { addSegmentMember, archiveSegment, createSegment, getSegmentAdmin, listSegmentsOverview, removeSegmentMember, updateSegment } from "./admin";
import { listAssignableSegments } from "./queries";
import { segmentInput, type ArchiveSegmentInput } from "./segment-input";

let world: World;
beforeEach(async () => {
  world = await createWorld();
});

const named = (name: string, description = "") => segmentInput.parse({ name, description });

async function auditOf(organizationId: string) {
  return getDb()
    .select({ action: auditEvents.action, targetLabel: auditEvents.targetLabel, details: auditEvents.details, actorName: auditEvents.actorName })
    .from(auditEvents)
    .where(eq(auditEvents.organizationId, organizationId))
    .orderBy(auditEvents.createdAt);
}

async function stateOfA() {
  const db = getDb();
  const [counts] = await db
    .select({
      segments: sql<number>`(select count(*)::int from segments where organization_id = ${world.orgA} and archived_at is null)`,
      members: sql<number>`(select count(*)::int from segment_members where organization_id = ${world.orgA})`,
      links: sql<number>`(select count(*)::int from contact_segments where organization_id = ${world.orgA})`,
      names: sql<string>`(select string_agg(name || ':' || description, ',' order by name) from segments where organization_id = ${world.orgA})`,
    })
    .from(sql`(select 1) one`);
  return counts;
}

/** Who the operator is on their next request: loaded fresh, as every request does. */
const operatorNow = async () => (await loadViewer(world.viewers.operator.userId, world.orgA))!;

describe("segment administration: admins only", () => {
  it("refuses supervisors and operators on every action, and nothing changes", async () => {
    const before = await stateOfA();
    for (const viewer of [world.viewers.supervisor, world.viewers.operator]) {
      expect(await listSegmentsOverview(viewer)).toBeNull();
      expect(await getSegmentAdmin(viewer, world.segments.s1)).toBeNull();
      const refusals = await Promise.all([
        createSegment(viewer, named("Cobrança")),
        updateSegment(viewer, world.segments.s1, named("Renomeado")),
        archiveSegment(viewer, world.segments.s1, { contacts: "unlink" }),
        addSegmentMember(viewer, world.segments.s2, world.viewers.otherOperator.userId),
        removeSegmentMember(viewer, world.segments.s1, world.viewers.operator.userId),
      ]);
      for (const result of refusals) expect(result).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await stateOfA()).toEqual(before);
    expect(await auditOf(world.orgA)).toEqual([]);
  });

  it("acts on nothing of another organization, even with its ids", async () => {
    const before = await stateOfA();
    const { adminB } = world.viewers;
    expect(await updateSegment(adminB, world.segments.s1, named("Roubado"))).toMatchObject({ ok: false, code: "not_found" });
    expect(await archiveSegment(adminB, world.segments.s1, { contacts: "unlink" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await archiveSegment(adminB, world.segments.sB, { contacts: "move", targetSegmentId: world.segments.s1 })).toMatchObject({
      ok: false,
      fieldErrors: { targetSegmentId: ["Escolha outro segmento, em uso, como destino."] },
    });
    expect(await addSegmentMember(adminB, world.segments.s1, world.viewers.operator.userId)).toMatchObject({ ok: false, code: "not_found" });
    expect(await addSegmentMember(adminB, world.segments.sB, world.viewers.operator.userId)).toMatchObject({ ok: false, fieldErrors: { userId: ["Escolha um usuário ativo da lista."] } });
    expect(await getSegmentAdmin(adminB, world.segments.s1)).toBeNull();
    expect(await stateOfA()).toEqual(before);
  });
});

describe("segment administration", () => {
  it("lists each segment with its contacts, members and contacts without responsável", async () => {
    const overview = await listSegmentsOverview(world.viewers.admin);
    // S1: inS1 and inS1andS3, no responsável; members supervisor and operator. S3: inS3, inS1andS3, codeInA.
    expect(overview).toEqual([
      { id: world.segments.s1, name: "S1", description: "", contacts: 2, members: 2, withoutResponsible: 2 },
      { id: world.segments.s2, name: "S2", description: "", contacts: 1, members: 1, withoutResponsible: 1 },
      { id: world.segments.s3, name: "S3", description: "", contacts: 3, members: 1, withoutResponsible: 3 },
    ]);
    // One segment's page counts only its own links, and gets the same figures.
    const detail = await getSegmentAdmin(world.viewers.admin, world.segments.s1);
    expect(detail?.segment).toEqual(overview![0]);
    expect(detail?.members.map((m) => m.name)).toEqual(["Operator", "Supervisor"]);
  });

  it("creates and renames segments with unique names in use, each change in the audit log", async () => {
    const { admin } = world.viewers;
    const created = await createSegment(admin, named(" Cobrança ", "Clientes em atraso"));
    expect(created).toMatchObject({ ok: true });
    expect(await createSegment(admin, named("S1"))).toMatchObject({ ok: false, fieldErrors: { name: ["Já existe um segmento com este nome."] } });
    expect(await createSegment(world.viewers.adminB, named("Cobrança"))).toMatchObject({ ok: true });

    const id = (created as { id: string }).id;
    expect(await updateSegment(admin, id, named("S2"))).toMatchObject({ ok: false, fieldErrors: { name: ["Já existe um segmento com este nome."] } });
    expect(await updateSegment(admin, id, named("Cobrança Ativa", "Clientes em atraso"))).toEqual({ ok: true });
    expect((await listAssignableSegments(admin)).map((s) => s.name)).toContain("Cobrança Ativa");

    expect(await auditOf(world.orgA)).toEqual([
      { action: "segment.create", targetLabel: "Cobrança", actorName: "Admin", details: { description: "Clientes em atraso" } },
      {
        action: "segment.update",
        targetLabel: "Cobrança Ativa",
        actorName: "Admin",
        details: { from: { name: "Cobrança", description: "Clientes em atraso" }, to: { name: "Cobrança Ativa", description: "Clientes em atraso" } },
      },
    ]);
  });

  it("membership changes what the member sees on their very next request", async () => {
    const { admin } = world.viewers;
    expect(await getContact(await operatorNow(), world.contacts.inS2)).toBeNull();
    expect(await addSegmentMember(admin, world.segments.s2, world.viewers.operator.userId)).toEqual({ ok: true });
    expect(await getContact(await operatorNow(), world.contacts.inS2)).not.toBeNull();

    expect(await removeSegmentMember(admin, world.segments.s1, world.viewers.operator.userId)).toEqual({ ok: true });
    expect(await getContact(await operatorNow(), world.contacts.inS1)).toBeNull();
    expect((await auditOf(world.orgA)).map((e) => [e.action, e.targetLabel, e.details.userName])).toEqual([
      ["segment.member_add", "S2", "Operator"],
      ["segment.member_remove", "S1", "Operator"],
    ]);
    expect(await addSegmentMember(admin, world.segments.s2, admin.userId)).toMatchObject({ ok: false, fieldErrors: { userId: ["Administradores já veem todos os contatos."] } });
  });

  it("archiving and just unlinking: contacts lose the segment (with a history row), members lose the carteira", async () => {
    const { admin } = world.viewers;
    expect(await archiveSegment(admin, world.segments.s1, { contacts: "unlink" })).toEqual({ ok: true, contacts: 2 });
    const links = await getDb().select().from(contactSegments).where(eq(contactSegments.segmentId, world.segments.s1));
    expect(links).toEqual([]);
    expect(await getDb().select().from(segmentMembers).where(eq(segmentMembers.segmentId, world.segments.s1))).toEqual([]);
    expect(await getContact(await operatorNow(), world.contacts.inS1)).toBeNull();
    expect((await listAssignableSegments(admin)).map((s) => s.name)).toEqual(["S2", "S3"]);
    const [history] = await getDb()
      .select({ changes: contactHistory.changes })
      .from(contactHistory)
      .where(and(eq(contactHistory.contactId, world.contacts.inS1andS3), eq(contactHistory.action, "update")));
    expect(history.changes).toEqual([{ field: "segments", from: ["S1", "S3"], to: ["S3"] }]);
    expect((await auditOf(world.orgA)).at(-1)).toMatchObject({ action: "segment.archive", targetLabel: "S1", details: { contacts: 2, movedTo: null } });

    // Its name is free again, and the archived one cannot be changed.
    expect(await createSegment(admin, named("S1"))).toMatchObject({ ok: true });
    expect(await updateSegment(admin, world.segments.s1, named("Outro"))).toMatchObject({ ok: false, code: "not_found" });
  });

  it("archiving with a move but no destination (a forged call) answers a field error and archives nothing", async () => {
    const { admin } = world.viewers;
    const before = await stateOfA();
    for (const forged of [{ contacts: "move" }, { contacts: "move", targetSegmentId: "" }, { contacts: "move", targetSegmentId: "1 or 1=1" }, {}]) {
      const result = await archiveSegment(admin, world.segments.s1, forged as ArchiveSegmentInput);
      expect(result).toMatchObject({ ok: false, code: "invalid" });
      expect(Object.values(result.ok ? {} : result.fieldErrors).flat().length).toBeGreaterThan(0);
    }
    expect(await stateOfA()).toEqual(before);
    expect(await auditOf(world.orgA)).toEqual([]);
  });

  it("archiving and moving: every contact ends in the target once", async () => {
    const { admin } = world.viewers;
    expect(await archiveSegment(admin, world.segments.s3, { contacts: "move", targetSegmentId: world.segments.s3 })).toMatchObject({ ok: false });
    expect(await archiveSegment(admin, world.segments.s3, { contacts: "move", targetSegmentId: world.segments.s1 })).toEqual({ ok: true, contacts: 3 });
    const inS1 = await getDb()
      .select({ contactId: contactSegments.contactId })
      .from(contactSegments)
      .where(eq(contactSegments.segmentId, world.segments.s1));
    expect(inS1.map((l) => l.contactId).sort()).toEqual(
      [world.contacts.inS1, world.contacts.inS1andS3, world.contacts.inS3, world.contacts.codeInA].sort(),
    );
    const [archived] = await getDb().select({ archivedAt: segments.archivedAt }).from(segments).where(eq(segments.id, world.segments.s3));
    expect(archived.archivedAt).not.toBeNull();
    expect((await auditOf(world.orgA)).at(-1)).toMatchObject({ action: "segment.archive", details: { contacts: 3, movedTo: "S1" } });
  });
});
