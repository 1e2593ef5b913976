import "server-only";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Transaction } from "@/db/client";
import { contacts, contactSegments, segmentMembers, segments, users, type Role } from "@/db/schema";
import { failure, invalidInputMessage, type ActionResult } from "@/lib/actions/result";
import { withUniqueFieldErrors } from "@/lib/actions/unique-violation";
import { can, refuseWithout } from "@/lib/auth/permissions";
import { roles } from "@/lib/auth/roles";
import type { Viewer } from "@/lib/auth/viewer";
import * as writer from "@/lib/contacts/writer";
import { recordAudit } from "@/lib/audit/audit";
import { archiveSegmentInput, type ArchiveSegmentInput, type SegmentInput } from "./segment-input";

export type SegmentOverview = {
  id: string;
  name: string;
  description: string;
  contacts: number;
  members: number;
  withoutResponsible: number;
};

export type SegmentMember = { id: string; name: string; email: string; role: Role };

const notFound = () => failure("not_found", "Segmento não encontrado.");
// Membership is how a user sees a segment's contacts: whoever sees them all has no use for it.
const memberRoles = roles.filter((role) => !can(role, "contacts.viewAll"));
const nameInUse = { segments_org_name_key: { field: "name", message: "Já existe um segmento com este nome." } };

/** The organization's segments in use, with their contacts, members and contacts without responsável. Admins only. */
export async function listSegmentsOverview(viewer: Viewer): Promise<SegmentOverview[] | null> {
  if (!can(viewer.role, "segments.manage")) return null;
  return segmentOverviews(viewer, null);
}

// One pass over the links, grouped (no count per segment in a loop); for one segment, only its links.
function segmentOverviews(viewer: Viewer, onlyId: string | null): Promise<SegmentOverview[]> {
  const org = viewer.organizationId;
  const counts = getDb()
    .select({
      segmentId: contactSegments.segmentId,
      contacts: sql<number>`count(*)::int`.as("contacts"),
      withoutResponsible: sql<number>`(count(*) filter (where ${contacts.responsibleUserId} is null))::int`.as("without_responsible"),
    })
    .from(contactSegments)
    .innerJoin(contacts, and(eq(contacts.organizationId, contactSegments.organizationId), eq(contacts.id, contactSegments.contactId)))
    .where(and(eq(contactSegments.organizationId, org), onlyId ? eq(contactSegments.segmentId, onlyId) : undefined))
    .groupBy(contactSegments.segmentId)
    .as("counts");
  return getDb()
    .select({
      id: segments.id,
      name: segments.name,
      description: segments.description,
      contacts: sql<number>`coalesce(${counts.contacts}, 0)`,
      withoutResponsible: sql<number>`coalesce(${counts.withoutResponsible}, 0)`,
      members: sql<number>`(select count(*)::int from segment_members m where m.organization_id = ${segments.organizationId} and m.segment_id = ${segments.id})`,
    })
    .from(segments)
    .leftJoin(counts, eq(counts.segmentId, segments.id))
    .where(and(eq(segments.organizationId, org), isNull(segments.archivedAt), onlyId ? eq(segments.id, onlyId) : undefined))
    .orderBy(asc(segments.name));
}

/** One segment in use, its members and who could become one (active operators and supervisors). Admins only. */
export async function getSegmentAdmin(viewer: Viewer, id: string) {
  if (!can(viewer.role, "segments.manage")) return null;
  const [overview] = await segmentOverviews(viewer, id);
  if (!overview) return null;
  const people = await getDb()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      // Names `users` literally: drizzle leaves select-list columns unqualified.
      member: sql<boolean>`exists (select 1 from segment_members m where m.organization_id = users.organization_id and m.segment_id = ${id}::uuid and m.user_id = users.id)`,
    })
    .from(users)
    .where(and(eq(users.organizationId, viewer.organizationId), eq(users.active, true), inArray(users.role, memberRoles)))
    .orderBy(asc(users.name));
  const strip = ({ member: _, ...user }: (typeof people)[number]): SegmentMember => user;
  return {
    segment: overview,
    members: people.filter((p) => p.member).map(strip),
    candidates: people.filter((p) => !p.member).map(strip),
  };
}

export async function createSegment(viewer: Viewer, input: SegmentInput): Promise<ActionResult<{ id: string }>> {
  const refused = refuseWithout(viewer, "segments.manage");
  if (refused) return refused;
  return withUniqueFieldErrors(nameInUse, () =>
    getDb().transaction(async (tx) => {
      const [created] = await tx
        .insert(segments)
        .values({ organizationId: viewer.organizationId, name: input.name, description: input.description })
        .returning({ id: segments.id });
      await recordAudit(tx, viewer, { action: "segment.create", targetId: created.id, targetLabel: input.name, details: { description: input.description } });
      return { ok: true as const, id: created.id };
    }),
  );
}

export async function updateSegment(viewer: Viewer, id: string, input: SegmentInput): Promise<ActionResult> {
  const refused = refuseWithout(viewer, "segments.manage");
  if (refused) return refused;
  return withUniqueFieldErrors(nameInUse, () =>
    getDb().transaction(async (tx) => {
      const current = await activeSegment(tx, viewer, id);
      if (!current) return notFound();
      if (current.name === input.name && current.description === input.description) return { ok: true as const };
      await tx.update(segments).set(input).where(and(eq(segments.organizationId, viewer.organizationId), eq(segments.id, id)));
      await recordAudit(tx, viewer, {
        action: "segment.update",
        targetId: id,
        targetLabel: input.name,
        details: { from: { name: current.name, description: current.description }, to: input },
      });
      return { ok: true as const };
    }),
  );
}

/**
 * Archives a segment: its contacts move to another segment or just lose the link (each contact's
 * history says so), its members leave it (their next request no longer sees that carteira).
 */
export async function archiveSegment(viewer: Viewer, id: string, rawInput: ArchiveSegmentInput): Promise<ActionResult<{ contacts: number }>> {
  const refused = refuseWithout(viewer, "segments.manage");
  if (refused) return refused;
  // Parsed again here: a move without a valid destination must be a field error for every caller
  // (the form, a forged request, the API), never a failed query, and must archive nothing.
  const parsed = archiveSegmentInput.safeParse(rawInput);
  if (!parsed.success) return failure("invalid", invalidInputMessage, z.flattenError(parsed.error).fieldErrors);
  const input = parsed.data;
  const org = viewer.organizationId;
  return getDb().transaction(async (tx) => {
    const current = await activeSegment(tx, viewer, id);
    if (!current) return notFound();
    const target = input.contacts === "move" ? await activeSegment(tx, viewer, input.targetSegmentId) : null;
    if (input.contacts === "move" && (!target || target.id === id)) {
      return failure("invalid", invalidInputMessage, { targetSegmentId: ["Escolha outro segmento, em uso, como destino."] });
    }
    const linked = sql`cs.organization_id = ${org}::uuid and cs.segment_id = ${id}::uuid`;
    const namesOf = (exclude: boolean) => sql`(
      select coalesce(jsonb_agg(n order by n), '[]'::jsonb) from (
        select s.name as n from contact_segments x join segments s on s.organization_id = x.organization_id and s.id = x.segment_id
        where x.organization_id = ${org}::uuid and x.contact_id = cs.contact_id ${exclude ? sql`and x.segment_id <> ${id}::uuid` : sql``}
        ${exclude && target ? sql`union select ${target.name}::text` : sql``}) names)`;
    // Written before the links change: the history reads the segments each contact had.
    await writer.updateContacts(tx, { viewer, source: "segment" }, {
      from: sql`contact_segments cs`,
      where: sql`${linked} and contacts.id = cs.contact_id`,
      changes: sql`jsonb_build_array(jsonb_build_object('field', 'segments', 'from', ${namesOf(false)}, 'to', ${namesOf(true)}))`,
    });
    if (target) {
      await tx.execute(sql`
        insert into contact_segments (organization_id, contact_id, segment_id)
        select ${org}::uuid, cs.contact_id, ${target.id}::uuid from contact_segments cs where ${linked}
        on conflict do nothing`);
    }
    const unlinked = await tx
      .delete(contactSegments)
      .where(and(eq(contactSegments.organizationId, org), eq(contactSegments.segmentId, id)))
      .returning({ contactId: contactSegments.contactId });
    await tx.delete(segmentMembers).where(and(eq(segmentMembers.organizationId, org), eq(segmentMembers.segmentId, id)));
    await tx.update(segments).set({ archivedAt: new Date() }).where(and(eq(segments.organizationId, org), eq(segments.id, id)));
    await recordAudit(tx, viewer, {
      action: "segment.archive",
      targetId: id,
      targetLabel: current.name,
      details: { contacts: unlinked.length, movedTo: target?.name ?? null },
    });
    return { ok: true as const, contacts: unlinked.length };
  });
}

/** Adds an active operator or supervisor of the organization to a segment in use: their next request sees its contacts. */
export async function addSegmentMember(viewer: Viewer, segmentId: string, userId: string): Promise<ActionResult> {
  const refused = refuseWithout(viewer, "segments.manage");
  if (refused) return refused;
  return getDb().transaction(async (tx) => {
    const segment = await activeSegment(tx, viewer, segmentId);
    if (!segment) return notFound();
    const [user] = await tx
      .select({ id: users.id, name: users.name, role: users.role })
      .from(users)
      .where(and(eq(users.organizationId, viewer.organizationId), eq(users.id, userId), eq(users.active, true)));
    if (!user) return failure("invalid", invalidInputMessage, { userId: ["Escolha um usuário ativo da lista."] });
    if (can(user.role, "contacts.viewAll")) return failure("invalid", invalidInputMessage, { userId: ["Administradores já veem todos os contatos."] });
    const added = await tx
      .insert(segmentMembers)
      .values({ organizationId: viewer.organizationId, segmentId, userId })
      .onConflictDoNothing()
      .returning({ userId: segmentMembers.userId });
    if (added.length > 0) {
      await recordAudit(tx, viewer, { action: "segment.member_add", targetId: segmentId, targetLabel: segment.name, details: { userId, userName: user.name } });
    }
    return { ok: true as const };
  });
}

/** Removes a member: from their next request on, that carteira is no longer theirs. */
export async function removeSegmentMember(viewer: Viewer, segmentId: string, userId: string): Promise<ActionResult> {
  const refused = refuseWithout(viewer, "segments.manage");
  if (refused) return refused;
  return getDb().transaction(async (tx) => {
    const segment = await activeSegment(tx, viewer, segmentId);
    if (!segment) return notFound();
    const removed = await tx
      .delete(segmentMembers)
      .where(and(eq(segmentMembers.organizationId, viewer.organizationId), eq(segmentMembers.segmentId, segmentId), eq(segmentMembers.userId, userId)))
      .returning({ userId: segmentMembers.userId });
    if (removed.length > 0) {
      const [user] = await tx.select({ name: users.name }).from(users).where(and(eq(users.organizationId, viewer.organizationId), eq(users.id, userId)));
      await recordAudit(tx, viewer, { action: "segment.member_remove", targetId: segmentId, targetLabel: segment.name, details: { userId, userName: user?.name ?? null } });
    }
    return { ok: true as const };
  });
}

async function activeSegment(tx: Transaction, viewer: Viewer, id: string) {
  const [segment] = await tx
    .select({ id: segments.id, name: segments.name, description: segments.description })
    .from(segments)
    .where(and(eq(segments.organizationId, viewer.organizationId), eq(segments.id, id), isNull(segments.archivedAt)))
    .for("update");
  return segment ?? null;
}
