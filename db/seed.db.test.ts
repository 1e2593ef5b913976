import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/sign-in";
import { loadViewer } from "@/lib/auth/viewer";
import { getContact } from "@/lib/contacts/queries";
import { listQueues } from "@/lib/live/queues";
import { findContacts } from "@/lib/contacts/contact-list";
import { templateInput } from "@/lib/templates/template-input";
import { getTemplate, listTemplates, previewTemplate } from "@/lib/templates/templates";
import { reachableBy } from "@/lib/contacts/consent";
import { channels, type Channel } from "@/lib/messages/channels";
import { getDb } from "./client";
import { attendances, contactHistory, contacts, contactSegments, organizations, segmentMembers, segments, users } from "./schema";
import { demoLogins, demoPassword, isDatabaseSeeded, seedDemo } from "./seed";

// This file's database is fresh and migrated: nothing else writes to it, so the demo is all there is.

async function organizationId(name: string) {
  const [org] = await getDb().select({ id: organizations.id }).from(organizations).where(eq(organizations.name, name));
  return org.id;
}

async function counts() {
  const db = getDb();
  const count = async (table: typeof organizations | typeof users | typeof segments | typeof segmentMembers | typeof contacts | typeof contactSegments | typeof contactHistory) => {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
    return row.n;
  };
  return {
    organizations: await count(organizations),
    users: await count(users),
    segments: await count(segments),
    segmentMembers: await count(segmentMembers),
    contacts: await count(contacts),
    contactSegments: await count(contactSegments),
    contactHistory: await count(contactHistory),
  };
}

async function userByEmail(email: string) {
  const [user] = await getDb()
    .select({ id: users.id, organizationId: users.organizationId, role: users.role, active: users.active })
    .from(users)
    .where(eq(users.email, email));
  return user;
}

async function membershipsOf(email: string) {
  const rows = await getDb()
    .select({ name: segments.name })
    .from(segmentMembers)
    .innerJoin(users, and(eq(users.organizationId, segmentMembers.organizationId), eq(users.id, segmentMembers.userId)))
    .innerJoin(segments, and(eq(segments.organizationId, segmentMembers.organizationId), eq(segments.id, segmentMembers.segmentId)))
    .where(eq(users.email, email));
  return rows.map((r) => r.name).sort();
}

describe("seedDemo on a fresh database", () => {
  beforeAll(async () => {
    expect(await isDatabaseSeeded(getDb())).toBe(false);
    await seedDemo(getDb());
  });

  it("creates the Demo and Outra Empresa organizations", async () => {
    const rows = await getDb().select({ name: organizations.name }).from(organizations);
    expect(rows.map((r) => r.name).sort()).toEqual(["Demo", "Outra Empresa"]);
    expect(await isDatabaseSeeded(getDb())).toBe(true);
  });

  it.each([
    { email: "admin@demo.test", role: "admin", organization: "Demo", segments: [] },
    { email: "lider@demo.test", role: "supervisor", organization: "Demo", segments: ["Varejo RJ", "Varejo SP"] },
    { email: "ana@demo.test", role: "operator", organization: "Demo", segments: ["Varejo SP"] },
    { email: "bruno@demo.test", role: "operator", organization: "Demo", segments: ["Corporativo"] },
    { email: "admin@outra.test", role: "admin", organization: "Outra Empresa", segments: [] },
  ])("$email is an active $role of $organization in $segments", async ({ email, role, organization, segments: expected }) => {
    const user = await userByEmail(email);
    expect(user).toMatchObject({ role, active: true, organizationId: await organizationId(organization) });
    expect(await membershipsOf(email)).toEqual(expected);
    expect(demoLogins).toContainEqual(expect.objectContaining({ email, role }));
  });

  it.each(["ana@demo.test", "admin@demo.test", "lider@demo.test", "bruno@demo.test", "admin@outra.test"])(
    "%s signs in with the demo password",
    async (email) => {
      const user = await userByEmail(email);
      expect(await authenticate(email, demoPassword, "192.0.2.1")).toEqual({ ok: true, userId: user.id, organizationId: user.organizationId, sessionVersion: 1 });
    },
  );

  it("authenticate('ana@demo.test', 'carteira123') is ok", async () => {
    expect(await authenticate("ana@demo.test", "carteira123", "192.0.2.1")).toMatchObject({ ok: true, organizationId: await organizationId("Demo") });
    expect(await authenticate("ana@demo.test", "senha-errada", "192.0.2.1")).toEqual({ ok: false, reason: "invalid" });
  });

  it("Demo has 300 contacts, each with its creation in the history", async () => {
    const demo = await organizationId("Demo");
    const [row] = await getDb().select({ n: sql<number>`count(*)::int` }).from(contacts).where(eq(contacts.organizationId, demo));
    expect(row.n).toBe(300);
    const [history] = await getDb()
      .select({ n: sql<number>`count(distinct ${contactHistory.contactId})::int` })
      .from(contactHistory)
      .where(and(eq(contactHistory.organizationId, demo), eq(contactHistory.action, "create")));
    expect(history.n).toBe(300);
  });

  it("at least one Demo contact has ana as responsável and no segment, and ana sees it", async () => {
    const ana = await userByEmail("ana@demo.test");
    const rows = await getDb()
      .select({ id: contacts.id })
      .from(contacts)
      .leftJoin(contactSegments, and(eq(contactSegments.organizationId, contacts.organizationId), eq(contactSegments.contactId, contacts.id)))
      .where(and(eq(contacts.organizationId, ana.organizationId), eq(contacts.responsibleUserId, ana.id), isNull(contactSegments.contactId)));
    expect(rows.length).toBeGreaterThan(0);

    const viewer = (await loadViewer(ana.id, ana.organizationId))!;
    expect((await getContact(viewer, rows[0].id))?.id).toBe(rows[0].id);
  });

  it("ana sees only her carteira: fewer contacts than the admin, none of Outra Empresa", async () => {
    const ana = await userByEmail("ana@demo.test");
    const admin = await userByEmail("admin@demo.test");
    const countAll = async (userId: string, orgId: string) => {
      const viewer = (await loadViewer(userId, orgId))!;
      let total = 0;
      let page = await findContacts(viewer, { limit: 100 });
      total += page.items.length;
      while (page.nextCursor) {
        page = await findContacts(viewer, { limit: 100, after: page.nextCursor });
        total += page.items.length;
      }
      return total;
    };
    const anaTotal = await countAll(ana.id, ana.organizationId);
    expect(anaTotal).toBeGreaterThan(0);
    expect(anaTotal).toBeLessThan(300);
    expect(await countAll(admin.id, admin.organizationId)).toBe(300);
  });

  it("Outra Empresa shares some códigos with Demo (codes are unique per organization)", async () => {
    const demo = await organizationId("Demo");
    const other = await organizationId("Outra Empresa");
    const otherCodes = getDb().select({ code: contacts.customerCode }).from(contacts).where(eq(contacts.organizationId, other));
    const shared = await getDb()
      .select({ code: contacts.customerCode })
      .from(contacts)
      .where(and(eq(contacts.organizationId, demo), inArray(contacts.customerCode, otherCodes)));
    expect(shared.length).toBeGreaterThan(0);
    // Same code, different people.
    const [sample] = shared;
    const pair = await getDb()
      .select({ organizationId: contacts.organizationId, name: contacts.name, document: contacts.document })
      .from(contacts)
      .where(eq(contacts.customerCode, sample.code));
    expect(pair.map((p) => p.organizationId).sort()).toEqual([demo, other].sort());
    expect(pair[0].document).not.toBe(pair[1].document);
  });

  it("Live: customers waiting in every queue, none of them Alta in Ana's, and two weeks of closed attendances", async () => {
    const ana = await userByEmail("ana@demo.test");
    const viewer = (await loadViewer(ana.id, ana.organizationId))!;
    const queues = await listQueues(viewer);
    expect(queues.map((q) => q.name)).toEqual(["Varejo SP", "Sem segmento"]);
    expect(queues.every((q) => q.waiting > 0 && q.entries.every((e) => e.priority !== "high"))).toBe(true);
    const admin = await userByEmail("admin@demo.test");
    const all = await listQueues((await loadViewer(admin.id, admin.organizationId))!);
    expect(all.reduce((sum, q) => sum + q.waiting, 0)).toBe(36);
    const [closed] = await getDb().select({ n: sql<number>`count(*)::int` }).from(attendances).where(eq(attendances.status, "closed"));
    expect(closed.n).toBe(160);
  });

  it("Demo has a template per channel, each valid for the editor's schema, and a preview for a contact of the supervisor's carteira", async () => {
    const lider = await userByEmail("lider@demo.test");
    const viewer = (await loadViewer(lider.id, lider.organizationId))!;
    const list = (await listTemplates(viewer))!;
    expect(list.map((t) => [t.name, t.channel])).toEqual([
      ["Atualização de cadastro", "sms"],
      ["Boas-vindas", "whatsapp"],
      ["Fatura disponível", "email"],
    ]);
    const templates = await Promise.all(list.map(({ id }) => getTemplate(viewer, id)));
    for (const template of templates) expect(templateInput.safeParse(template).success).toBe(true);
    const [contact] = (await findContacts(viewer, { limit: 1 })).items;
    const preview = await previewTemplate(viewer, { body: templates[1]!.body, contactId: contact.id });
    expect(preview).toMatchObject({ ok: true, body: expect.stringContaining(contact.customerCode) });
    const other = await userByEmail("admin@outra.test");
    expect(await listTemplates((await loadViewer(other.id, other.organizationId))!)).toEqual([]);
  });

  it("most Demo contacts have consent recorded per channel, some refused, some not asked: campaigns reach people", async () => {
    const demo = await organizationId("Demo");
    const share = async (condition: SQL) => {
      const [row] = await getDb().select({ n: sql<number>`count(*)::int` }).from(contacts).where(and(eq(contacts.organizationId, demo), condition));
      return row.n / 300;
    };
    const status = (channel: Channel) => sql`contacts.consent -> ${channel} ->> 'status'`;
    expect(await share(sql`${status("email")} = 'granted'`)).toBeGreaterThan(0.6);
    expect(await share(sql`${status("email")} = 'granted'`)).toBeLessThan(0.8);
    expect(await share(sql`${status("whatsapp")} = 'granted'`)).toBeGreaterThan(0.5);
    expect(await share(sql`${status("whatsapp")} = 'granted'`)).toBeLessThan(0.7);
    for (const channel of channels) {
      expect(await share(sql`${status(channel)} = 'denied'`)).toBeGreaterThan(0);
      expect(await share(sql`${status(channel)} is null`)).toBeGreaterThan(0);
      expect(await share(reachableBy(channel))).toBeGreaterThan(0.2);
    }
    const [sample] = await getDb()
      .select({ consent: contacts.consent, createdAt: contacts.createdAt })
      .from(contacts)
      .where(and(eq(contacts.organizationId, demo), sql`${status("whatsapp")} = 'granted'`))
      .limit(1);
    expect(sample.consent.whatsapp).toEqual({ status: "granted", at: sample.createdAt.toISOString(), source: "system", by: "Carga inicial" });
  });

  it("seeding twice is a no-op", async () => {
    const before = await counts();
    await seedDemo(getDb());
    expect(await isDatabaseSeeded(getDb())).toBe(true);
    expect(await counts()).toEqual(before);
    expect(before.organizations).toBe(2);
  });
});
