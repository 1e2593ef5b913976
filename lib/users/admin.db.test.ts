import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, contactHistory, userInvites, users } from "@/db/schema";
import { createWorld, type World } from "@/db/testing/world";
import { authenticate } from "@/lib/auth/sign-in";
import { loadViewer } from "@/lib/auth/viewer";
import { getContact } from "@/lib/contacts/queries";
import { acceptInvite, createUser, deactivateUser, findInvite, getUserOverview, listUsersOverview, renewInvite, responsibleBreakdown, updateUserAccess } from "./admin";
import { newUserInput, userAccessInput } from "./user-input";

let world: World;
beforeEach(async () => {
  world = await createWorld();
});

const uniqueEmail = () => `novo.${Math.random().toString(36).slice(2, 10)}@test.local`;
const invited = (overrides: Record<string, unknown> = {}) =>
  newUserInput.parse({ access: "invite", name: "Nova Operadora", email: uniqueEmail(), role: "operator", segmentIds: [world.segments.s2], ...overrides });
const access = (role: string, segmentIds: string[] = []) => userAccessInput.parse({ role, segmentIds });

async function auditActions() {
  const rows = await getDb().select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.organizationId, world.orgA)).orderBy(auditEvents.createdAt);
  return rows.map((r) => r.action);
}

async function usersOfA() {
  return getDb()
    .select({ id: users.id, role: users.role, active: users.active })
    .from(users)
    .where(eq(users.organizationId, world.orgA))
    .orderBy(users.id);
}

describe("user administration: admins only", () => {
  it("refuses supervisors and operators on every action, and nothing changes", async () => {
    const before = await usersOfA();
    for (const viewer of [world.viewers.supervisor, world.viewers.operator]) {
      expect(await listUsersOverview(viewer)).toBeNull();
      for (const result of [
        await createUser(viewer, invited()),
        await updateUserAccess(viewer, viewer.userId, access("admin")),
        await deactivateUser(viewer, world.viewers.admin.userId, null),
        await renewInvite(viewer, world.viewers.operator.userId),
      ]) {
        expect(result).toMatchObject({ ok: false, code: "forbidden" });
      }
    }
    expect(await usersOfA()).toEqual(before);
    expect(await auditActions()).toEqual([]);
  });

  it("acts on no user of another organization, even with their ids", async () => {
    const { adminB } = world.viewers;
    expect(await updateUserAccess(adminB, world.viewers.operator.userId, access("admin"))).toMatchObject({ ok: false, code: "not_found" });
    expect(await deactivateUser(adminB, world.viewers.operator.userId, null)).toMatchObject({ ok: false, code: "not_found" });
    expect(await createUser(adminB, invited({ segmentIds: [world.segments.s1] }))).toMatchObject({ ok: false, fieldErrors: { segmentIds: ["Escolha segmentos da lista."] } });
    expect(await deactivateUser(world.viewers.admin, world.viewers.operator.userId, world.viewers.adminB.userId)).toMatchObject({
      ok: false,
      fieldErrors: { handoverTo: ["Escolha um usuário ativo, outro que não este."] },
    });
    expect((await usersOfA()).every((u) => u.active)).toBe(true);
  });
});

describe("creating users", () => {
  it("invites: no sign-in until the link is used, once, before it expires", async () => {
    const input = invited();
    const created = await createUser(world.viewers.admin, input);
    if (!created.ok) throw new Error(created.message);
    const token = created.inviteToken!;
    expect(await authenticate(input.email, "qualquer-senha-1", "192.0.2.1")).toMatchObject({ ok: false });
    expect(await findInvite(token)).toEqual({ name: "Nova Operadora", email: input.email });
    expect(await findInvite("forjado")).toBeNull();

    expect(await acceptInvite(token, "minha-senha-nova-1")).toEqual({ ok: true, email: input.email });
    expect(await authenticate(input.email, "minha-senha-nova-1", "192.0.2.1")).toMatchObject({ ok: true });
    expect(await acceptInvite(token, "outra-senha-123")).toMatchObject({ ok: false, code: "not_found" });

    // The new operator sees S2's contacts on their first request.
    const viewer = (await loadViewer(created.id, world.orgA))!;
    expect(await getContact(viewer, world.contacts.inS2)).not.toBeNull();
    expect(await getContact(viewer, world.contacts.inS1)).toBeNull();
  });

  it("an expired or renewed invite link stops working", async () => {
    const created = await createUser(world.viewers.admin, invited());
    if (!created.ok) throw new Error(created.message);
    await getDb().update(userInvites).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(userInvites.userId, created.id));
    expect(await findInvite(created.inviteToken!)).toBeNull();
    expect(await acceptInvite(created.inviteToken!, "minha-senha-nova-1")).toMatchObject({ ok: false, code: "not_found" });
    const renewed = await renewInvite(world.viewers.admin, created.id);
    if (!renewed.ok) throw new Error(renewed.message);
    expect(await acceptInvite(renewed.inviteToken, "minha-senha-nova-1")).toMatchObject({ ok: true });
    expect(await renewInvite(world.viewers.admin, created.id)).toMatchObject({ ok: false, code: "not_found" });
  });

  it("with an initial password: the user must change it; e-mails are unique", async () => {
    const input = invited({ access: "password", password: "Senha-inicial-1", email: uniqueEmail().toUpperCase() });
    const created = await createUser(world.viewers.admin, input);
    if (!created.ok) throw new Error(created.message);
    expect(created.inviteToken).toBeNull();
    const [row] = await getDb().select({ must: users.mustChangePassword, email: users.email }).from(users).where(eq(users.id, created.id));
    expect(row).toEqual({ must: true, email: input.email.toLowerCase() });
    expect(await createUser(world.viewers.admin, invited({ email: world.viewers.operator.email }))).toMatchObject({ ok: false, fieldErrors: { email: ["Este e-mail já está em uso."] } });
    expect(await auditActions()).toEqual(["user.create"]);
  });
});

describe("changing and deactivating users", () => {
  it("role and segments change what the user sees on their next request, each change audited", async () => {
    const { admin, operator } = world.viewers;
    expect(await updateUserAccess(admin, operator.userId, access("supervisor", [world.segments.s2]))).toEqual({ ok: true });
    const now = (await loadViewer(operator.userId, world.orgA))!;
    expect(now).toMatchObject({ role: "supervisor", segmentIds: [world.segments.s2] });
    expect(await getContact(now, world.contacts.inS1)).toBeNull();
    expect(await getContact(now, world.contacts.inS2)).not.toBeNull();
    expect(await auditActions()).toEqual(["user.role_change", "user.segments_change"]);
  });

  it("the last active admin cannot demote or deactivate themselves; with another admin they can", async () => {
    const { admin, supervisor } = world.viewers;
    expect(await updateUserAccess(admin, admin.userId, access("supervisor"))).toMatchObject({ ok: false, code: "conflict" });
    expect(await deactivateUser(admin, admin.userId, null)).toMatchObject({ ok: false, code: "conflict" });
    expect((await loadViewer(admin.userId, world.orgA))?.role).toBe("admin");

    expect(await updateUserAccess(admin, supervisor.userId, access("admin"))).toEqual({ ok: true });
    expect(await updateUserAccess(admin, admin.userId, access("supervisor", [world.segments.s1]))).toEqual({ ok: true });
    expect((await loadViewer(admin.userId, world.orgA))?.role).toBe("supervisor");
  });

  it("deactivation ends the session on its next request and can hand the contacts over in one step", async () => {
    const { admin, operator, otherOperator } = world.viewers;
    const result = await deactivateUser(admin, operator.userId, otherOperator.userId);
    expect(result).toEqual({ ok: true, handedOver: 1 });
    expect(await loadViewer(operator.userId, world.orgA)).toBeNull();
    expect(await authenticate(operator.email, "x", "192.0.2.1")).toMatchObject({ ok: false });
    const contact = await getContact(admin, world.contacts.operatorResponsible);
    expect(contact?.responsible).toEqual({ id: otherOperator.userId, name: "Other" });
    const [history] = await getDb()
      .select({ changes: contactHistory.changes, actorName: contactHistory.actorName })
      .from(contactHistory)
      .where(and(eq(contactHistory.contactId, world.contacts.operatorResponsible), eq(contactHistory.action, "update")));
    expect(history).toEqual({ actorName: "Admin", changes: [{ field: "responsible", from: "Operator", to: "Other" }] });
    expect(await auditActions()).toEqual(["user.responsibles_handover", "user.deactivate"]);
    expect((await listUsersOverview(admin))!.find((u) => u.id === operator.userId)).toMatchObject({ active: false, segmentNames: [], responsibleFor: 0 });
    expect(await getUserOverview(admin, operator.userId)).toMatchObject({ active: false, segmentIds: [], responsibleFor: 0 });
    expect(await getUserOverview(world.viewers.adminB, otherOperator.userId)).toBeNull();
    expect(await deactivateUser(admin, operator.userId, null)).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("one's own password", () => {
  it("needs the current one, and clears the duty to change it", async () => {
    const { changeOwnPassword } = await import("./account");
    const created = await createUser(world.viewers.admin, invited({ access: "password", password: "Senha-inicial-1" }));
    if (!created.ok) throw new Error(created.message);
    const viewer = (await loadViewer(created.id, world.orgA))!;
    expect(viewer.mustChangePassword).toBe(true);
    expect(await changeOwnPassword(viewer, "errada-123456", "Nova-senha-forte-2", "192.0.2.1")).toMatchObject({ ok: false, fieldErrors: { current: ["Senha atual incorreta."] } });
    expect(await changeOwnPassword(viewer, "Senha-inicial-1", "Senha-inicial-1", "192.0.2.1")).toMatchObject({ ok: false, fieldErrors: { next: ["Escolha uma senha diferente da atual."] } });
    expect(await changeOwnPassword(viewer, "Senha-inicial-1", "Nova-senha-forte-2", "192.0.2.1")).toEqual({ ok: true });
    expect((await loadViewer(created.id, world.orgA))!.mustChangePassword).toBe(false);
    expect(await authenticate(viewer.email, "Nova-senha-forte-2", "192.0.2.1")).toMatchObject({ ok: true });
  });
});

describe("a user's carteira as responsável", () => {
  it("counts by priority and by segment, for admins only", async () => {
    const { admin, operator } = world.viewers;
    await getDb().execute(sql`update contacts set responsible_user_id = ${operator.userId}::uuid, priority = 'high' where id = ${world.contacts.inS1andS3}::uuid`);
    expect(await responsibleBreakdown(operator, operator.userId)).toBeNull();
    expect(await responsibleBreakdown(admin, operator.userId)).toEqual({
      byPriority: [
        { priority: "high", contacts: 1 },
        { priority: "medium", contacts: 1 },
      ],
      // "Sem segmento" (null) last among equals.
      bySegment: [
        { segmentId: world.segments.s1, name: "S1", contacts: 1 },
        { segmentId: world.segments.s3, name: "S3", contacts: 1 },
        { segmentId: null, name: null, contacts: 1 },
      ],
    });
  });
});
