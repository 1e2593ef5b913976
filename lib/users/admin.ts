import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, lt, ne, sql } from "drizzle-orm";
import { getDb, rowsOf, type Transaction } from "@/db/client";
import { segmentMembers, segments, userInvites, users, type Role } from "@/db/schema";
import { failure, invalidInputMessage, type ActionResult } from "@/lib/actions/result";
import { withUniqueFieldErrors } from "@/lib/actions/unique-violation";
import { recordAudit } from "@/lib/audit/audit";
import { hashPassword } from "@/lib/auth/password";
import { can, refuseWithout, rolesWith } from "@/lib/auth/permissions";
import { endSessions } from "@/lib/auth/sessions";
import type { Viewer } from "@/lib/auth/viewer";
import * as writer from "@/lib/contacts/writer";
import type { NewUserInput, UserAccessInput } from "./user-input";

/** How long an invite link works. */
export const INVITE_DAYS = 7;
// Never a valid argon2 hash: an invited user cannot sign in before choosing a password.
const NO_PASSWORD = "!invite-pending";

export type UserOverview = {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  segmentNames: string[];
  responsibleFor: number;
  invitePending: boolean;
};

const notFound = () => failure("not_found", "Usuário não encontrado.");
const emailInUse = { users_email_key: { field: "email", message: "Este e-mail já está em uso." } };
const lastAdmin = (field: string, message: string) => failure("conflict", message, { [field]: [message] });

/** The organization's users with their segments and how many contacts each is responsável for. Admins only. */
export async function listUsersOverview(viewer: Viewer): Promise<UserOverview[] | null> {
  if (!can(viewer.role, "users.manage")) return null;
  return usersOverview(viewer, null);
}

/** One user of the organization, with the ids of their segments for the access form. Admins only. */
export async function getUserOverview(viewer: Viewer, id: string): Promise<(UserOverview & { segmentIds: string[] }) | null> {
  if (!can(viewer.role, "users.manage")) return null;
  const [user] = await usersOverview(viewer, id);
  if (!user) return null;
  const memberships = await getDb()
    .select({ segmentId: segmentMembers.segmentId })
    .from(segmentMembers)
    .where(and(eq(segmentMembers.organizationId, viewer.organizationId), eq(segmentMembers.userId, id)));
  return { ...user, segmentIds: memberships.map((m) => m.segmentId) };
}

function usersOverview(viewer: Viewer, onlyId: string | null): Promise<UserOverview[]> {
  return getDb()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      // Correlated subqueries name `users` literally: drizzle leaves select-list columns unqualified.
      segmentNames: sql<string[]>`array(
        select s.name from segment_members m join segments s on s.organization_id = m.organization_id and s.id = m.segment_id
        where m.organization_id = users.organization_id and m.user_id = users.id order by s.name)`,
      // Served by contacts_org_responsible_idx, one index range per user.
      responsibleFor: sql<number>`(select count(*)::int from contacts c where c.organization_id = users.organization_id and c.responsible_user_id = users.id)`,
      invitePending: sql<boolean>`${users.passwordHash} = ${NO_PASSWORD}`,
    })
    .from(users)
    .where(and(eq(users.organizationId, viewer.organizationId), onlyId ? eq(users.id, onlyId) : undefined))
    .orderBy(desc(users.active), asc(users.name));
}

/**
 * Creates a user with their segments: invited (the answer carries the invite link's token, shown
 * once) or with an initial password they must change at first sign-in.
 */
export async function createUser(viewer: Viewer, input: NewUserInput): Promise<ActionResult<{ id: string; inviteToken: string | null }>> {
  const refused = refuseWithout(viewer, "users.manage");
  if (refused) return refused;
  const org = viewer.organizationId;
  const passwordHash = input.access === "password" ? await hashPassword(input.password) : NO_PASSWORD;
  return withUniqueFieldErrors(emailInUse, () =>
    getDb().transaction(async (tx) => {
      const chosen = await activeSegments(tx, viewer, input.segmentIds);
      if (chosen.length !== input.segmentIds.length) return failure("invalid", invalidInputMessage, { segmentIds: ["Escolha segmentos da lista."] });
      const [created] = await tx
        .insert(users)
        .values({ organizationId: org, name: input.name, email: input.email, role: input.role, passwordHash, mustChangePassword: input.access === "password" })
        .returning({ id: users.id });
      if (chosen.length > 0) await tx.insert(segmentMembers).values(chosen.map((s) => ({ organizationId: org, segmentId: s.id, userId: created.id })));
      const inviteToken = input.access === "invite" ? await createInvite(tx, org, created.id) : null;
      await recordAudit(tx, viewer, {
        action: "user.create",
        targetId: created.id,
        targetLabel: input.name,
        details: { email: input.email, role: input.role, access: input.access, segments: chosen.map((s) => s.name) },
      });
      return { ok: true as const, id: created.id, inviteToken };
    }),
  );
}

/** A new invite link for a user who has not accepted theirs (the old one stops working). */
export async function renewInvite(viewer: Viewer, id: string): Promise<ActionResult<{ inviteToken: string }>> {
  const refused = refuseWithout(viewer, "users.manage");
  if (refused) return refused;
  return getDb().transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.organizationId, viewer.organizationId), eq(users.id, id), eq(users.active, true), eq(users.passwordHash, NO_PASSWORD)));
    if (!user) return notFound();
    await tx.delete(userInvites).where(and(eq(userInvites.organizationId, viewer.organizationId), eq(userInvites.userId, id)));
    return { ok: true as const, inviteToken: await createInvite(tx, viewer.organizationId, id) };
  });
}

/**
 * Changes a user's role and segments. The organization always keeps an active admin: the last
 * one cannot be demoted, not even by themselves. A new role ends the user's sessions (they sign
 * in again under it); new segments apply from their next request.
 */
export async function updateUserAccess(viewer: Viewer, id: string, input: UserAccessInput): Promise<ActionResult> {
  const refused = refuseWithout(viewer, "users.manage");
  if (refused) return refused;
  const org = viewer.organizationId;
  return getDb().transaction(async (tx) => {
    const current = await lockUser(tx, viewer, id);
    if (!current) return notFound();
    if (can(current.role, "users.manage") && !can(input.role, "users.manage") && (await otherActiveAdmins(tx, viewer, id)) === 0) {
      return lastAdmin("role", "Esta é a última pessoa administradora ativa: promova outra antes.");
    }
    const chosen = await activeSegments(tx, viewer, input.segmentIds);
    if (chosen.length !== input.segmentIds.length) return failure("invalid", invalidInputMessage, { segmentIds: ["Escolha segmentos da lista."] });

    if (current.role !== input.role) {
      await tx.update(users).set({ role: input.role, ...endSessions }).where(and(eq(users.organizationId, org), eq(users.id, id)));
      await recordAudit(tx, viewer, { action: "user.role_change", targetId: id, targetLabel: current.name, details: { from: current.role, to: input.role } });
    }
    const before = await tx
      .select({ id: segments.id, name: segments.name })
      .from(segmentMembers)
      .innerJoin(segments, and(eq(segments.organizationId, segmentMembers.organizationId), eq(segments.id, segmentMembers.segmentId)))
      .where(and(eq(segmentMembers.organizationId, org), eq(segmentMembers.userId, id)))
      .orderBy(asc(segments.name));
    const sameSegments = before.map((s) => s.id).sort().join() === chosen.map((s) => s.id).sort().join();
    if (!sameSegments) {
      await tx.delete(segmentMembers).where(and(eq(segmentMembers.organizationId, org), eq(segmentMembers.userId, id)));
      if (chosen.length > 0) await tx.insert(segmentMembers).values(chosen.map((s) => ({ organizationId: org, segmentId: s.id, userId: id })));
      await recordAudit(tx, viewer, {
        action: "user.segments_change",
        targetId: id,
        targetLabel: current.name,
        details: { from: before.map((s) => s.name), to: chosen.map((s) => s.name).sort() },
      });
    }
    return { ok: true as const };
  });
}

/**
 * Deactivates a user: they cannot sign in, and their open session stops on its next request (the
 * viewer is loaded fresh each time). Their contacts can be handed to another active user in the
 * same step; otherwise they keep a responsável nobody can act as. Names stay in every history.
 */
export async function deactivateUser(viewer: Viewer, id: string, handoverTo: string | null): Promise<ActionResult<{ handedOver: number }>> {
  const refused = refuseWithout(viewer, "users.manage");
  if (refused) return refused;
  const org = viewer.organizationId;
  return getDb().transaction(async (tx) => {
    const current = await lockUser(tx, viewer, id);
    if (!current || !current.active) return notFound();
    if (can(current.role, "users.manage") && (await otherActiveAdmins(tx, viewer, id)) === 0) {
      return lastAdmin("id", "Esta é a última pessoa administradora ativa: ela não pode ser desativada.");
    }
    let handedOver = 0;
    if (handoverTo) {
      const [target] = await tx
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(and(eq(users.organizationId, org), eq(users.id, handoverTo), eq(users.active, true), ne(users.id, id)));
      if (!target) return failure("invalid", invalidInputMessage, { handoverTo: ["Escolha um usuário ativo, outro que não este."] });
      const moved = await writer.updateContacts(tx, { viewer, source: "handover" }, {
        where: sql`contacts.responsible_user_id = ${id}::uuid`,
        set: sql`responsible_user_id = ${target.id}::uuid`,
        changes: sql`jsonb_build_array(jsonb_build_object('field', 'responsible', 'from', ${current.name}::text, 'to', ${target.name}::text))`,
      });
      handedOver = moved.count;
      await recordAudit(tx, viewer, {
        action: "user.responsibles_handover",
        targetId: id,
        targetLabel: current.name,
        details: { contacts: handedOver, toUserId: target.id, toName: target.name },
      });
    }
    await tx.update(users).set({ active: false, ...endSessions }).where(and(eq(users.organizationId, org), eq(users.id, id)));
    await tx.delete(segmentMembers).where(and(eq(segmentMembers.organizationId, org), eq(segmentMembers.userId, id)));
    await tx.delete(userInvites).where(and(eq(userInvites.organizationId, org), eq(userInvites.userId, id)));
    await recordAudit(tx, viewer, { action: "user.deactivate", targetId: id, targetLabel: current.name, details: { handedOver } });
    return { ok: true as const, handedOver };
  });
}

/** Invite links past their expiry are of no use to anyone: a scheduled job deletes them. Returns how many. */
export async function purgeExpiredInvites(): Promise<number> {
  const gone = await getDb().delete(userInvites).where(lt(userInvites.expiresAt, sql`now()`)).returning({ id: userInvites.id });
  return gone.length;
}

/** Who an invite link is for, while it works: before anyone is signed in. */
export async function findInvite(token: string): Promise<{ name: string; email: string } | null> {
  const [invite] = await getDb()
    .select({ name: users.name, email: users.email })
    .from(userInvites)
    .innerJoin(users, and(eq(users.organizationId, userInvites.organizationId), eq(users.id, userInvites.userId)))
    .where(and(eq(userInvites.tokenHash, hashToken(token)), isNull(userInvites.acceptedAt), sql`${userInvites.expiresAt} > now()`, eq(users.active, true)));
  return invite ?? null;
}

/** The invitee sets their password: the link works once, before it expires, for an active user. */
export async function acceptInvite(token: string, password: string): Promise<ActionResult<{ email: string }>> {
  const passwordHash = await hashPassword(password);
  return getDb().transaction(async (tx) => {
    const [invite] = await tx
      .update(userInvites)
      .set({ acceptedAt: new Date() })
      .where(
        and(
          eq(userInvites.tokenHash, hashToken(token)),
          isNull(userInvites.acceptedAt),
          sql`${userInvites.expiresAt} > now()`,
          sql`exists (select 1 from users u where u.organization_id = ${userInvites.organizationId} and u.id = ${userInvites.userId} and u.active)`,
        ),
      )
      .returning({ organizationId: userInvites.organizationId, userId: userInvites.userId });
    if (!invite) return failure("not_found", "Este convite expirou ou já foi usado. Peça um novo a quem administra a sua conta.");
    const [user] = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, ...endSessions })
      .where(and(eq(users.organizationId, invite.organizationId), eq(users.id, invite.userId)))
      .returning({ email: users.email });
    return { ok: true as const, email: user.email };
  });
}

async function createInvite(tx: Transaction, organizationId: string, userId: string) {
  const token = randomBytes(32).toString("base64url");
  await tx.insert(userInvites).values({
    organizationId,
    userId,
    tokenHash: hashToken(token),
    expiresAt: sql`now() + make_interval(days => ${INVITE_DAYS})`,
  });
  return token;
}

function hashToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

async function lockUser(tx: Transaction, viewer: Viewer, id: string) {
  const [user] = await tx
    .select({ id: users.id, name: users.name, role: users.role, active: users.active })
    .from(users)
    .where(and(eq(users.organizationId, viewer.organizationId), eq(users.id, id)))
    .for("update");
  return user ?? null;
}

// The others who manage users, locked, so two admins demoting each other at once cannot both succeed.
async function otherActiveAdmins(tx: Transaction, viewer: Viewer, id: string) {
  const admins = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organizationId, viewer.organizationId), inArray(users.role, rolesWith("users.manage")), eq(users.active, true), ne(users.id, id)))
    .for("update");
  return admins.length;
}

async function activeSegments(tx: Transaction, viewer: Viewer, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: segments.id, name: segments.name })
    .from(segments)
    .where(and(eq(segments.organizationId, viewer.organizationId), inArray(segments.id, ids), isNull(segments.archivedAt)))
    .orderBy(asc(segments.name));
}

export type ResponsibleBreakdown = {
  byPriority: { priority: "high" | "medium" | "low"; contacts: number }[];
  bySegment: { segmentId: string | null; name: string | null; contacts: number }[];
};

/** A user's carteira as responsável: how many contacts, by priority and by segment (a contact in two segments counts in both). Admins only. */
export async function responsibleBreakdown(viewer: Viewer, userId: string): Promise<ResponsibleBreakdown | null> {
  if (!can(viewer.role, "users.manage")) return null;
  const org = viewer.organizationId;
  const byPriority = rowsOf<{ priority: "high" | "medium" | "low"; contacts: number }>(
    await getDb().execute(sql`
      select priority, count(*)::int as contacts from contacts
      where organization_id = ${org}::uuid and responsible_user_id = ${userId}::uuid
      group by priority, priority_rank order by priority_rank desc`),
  );
  const bySegment = rowsOf<{ segmentId: string | null; name: string | null; contacts: number }>(
    await getDb().execute(sql`
      select s.id as "segmentId", s.name, count(*)::int as contacts
      from contacts c
      left join contact_segments cs on cs.organization_id = c.organization_id and cs.contact_id = c.id
      left join segments s on s.organization_id = cs.organization_id and s.id = cs.segment_id
      where c.organization_id = ${org}::uuid and c.responsible_user_id = ${userId}::uuid
      group by s.id, s.name order by count(*) desc, s.name`),
  );
  return { byPriority, bySegment };
}
