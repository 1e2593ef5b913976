import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import { organizations, segmentMembers, segments, users } from "@/db/schema";
import { createWorld, type World } from "@/db/testing/world";
import type { Viewer } from "@/lib/auth/viewer";
import { countContacts } from "@/lib/contacts/contact-list";
import { noResponsible } from "@/lib/contacts/contact-filters";
import { queues, workReadyJobs } from "@/lib/jobs/engine";
import { DASHBOARD_LIVE_UP_TO, DASHBOARD_WEEKS, getDashboard, refreshDashboard, type Dashboard, type DashboardRefreshJob } from "./dashboard";

let world: World;
beforeAll(async () => {
  world = await createWorld();
  // Varied data: a phone, an e-mail, a high priority, a contact created 3 weeks ago.
  await getDb().execute(sql`update contacts set phones = '{+5511987654321}', priority = 'high' where id = ${world.contacts.inS1}::uuid`);
  await getDb().execute(sql`update contacts set emails = '{a@b.com.br}', created_at = now() - interval '21 days' where id = ${world.contacts.inS2}::uuid`);
});

const exact = async (viewer: Viewer, filters: Parameters<typeof countContacts>[1]) => (await countContacts(viewer, filters)).value;

/** Every number on the dashboard must be the count of the list its link opens. */
async function expectLinksMatch(viewer: Viewer, dashboard: Dashboard) {
  expect(await exact(viewer, {})).toBe(dashboard.total);
  expect(await exact(viewer, { hasPhone: "no" })).toBe(dashboard.withoutPhone);
  expect(await exact(viewer, { hasEmail: "no" })).toBe(dashboard.withoutEmail);
  for (const p of dashboard.byPriority) expect(await exact(viewer, { priority: [p.priority] })).toBe(p.contacts);
  for (const r of dashboard.byResponsible) expect(await exact(viewer, { responsible: [r.userId] })).toBe(r.contacts);
  expect(await exact(viewer, { responsible: [noResponsible] })).toBe(dashboard.withoutResponsible);
  for (const s of dashboard.bySegment) {
    expect(await exact(viewer, s.segmentId ? { segment: [s.segmentId] } : { noSegment: true })).toBe(s.contacts);
  }
}

describe("the dashboard", () => {
  it("is for team leads and admins", async () => {
    expect(await getDashboard(world.viewers.operator)).toBeNull();
  });

  it("counts only what a supervisor may see, and each number opens exactly those contacts", async () => {
    const { supervisor } = world.viewers;
    const dashboard = (await getDashboard(supervisor))!;
    // Visible to the supervisor (S1, S2): inS1, inS2, inS1andS3.
    expect(dashboard).toMatchObject({
      total: 3,
      withoutPhone: 2,
      withoutEmail: 2,
      byPriority: [
        { priority: "high", contacts: 1 },
        { priority: "medium", contacts: 2 },
      ],
      byResponsible: [],
      withoutResponsible: 3,
    });
    expect(dashboard.bySegment.map((s) => [s.name, s.contacts])).toEqual([["S1", 2], ["S2", 1], ["S3", 1]]);
    await expectLinksMatch(supervisor, dashboard);
  });

  it("gives an admin the whole organization, the top responsáveis and the weeks", async () => {
    const { admin, operator } = world.viewers;
    const dashboard = (await getDashboard(admin))!;
    expect(dashboard.total).toBe(7);
    // The contacts without responsável are counted apart, not as a bar among the people.
    expect(dashboard.byResponsible).toEqual([{ userId: operator.userId, name: "Operator", contacts: 1 }]);
    expect(dashboard.withoutResponsible).toBe(6);
    expect(dashboard.bySegment.at(-1)).toEqual({ segmentId: null, name: null, contacts: 2 });
    expect(dashboard.newPerWeek).toHaveLength(DASHBOARD_WEEKS);
    expect(dashboard.newPerWeek.reduce((sum, w) => sum + w.contacts, 0)).toBe(7);
    expect(dashboard.newPerWeek.at(-1)!.contacts).toBeGreaterThanOrEqual(5);
    // Only the week under way is partial.
    expect(dashboard.newPerWeek.map((w) => w.partial)).toEqual([...Array(DASHBOARD_WEEKS - 1).fill(false), true]);
    expect(new Date(`${dashboard.newPerWeek[0].weekStart}T12:00:00Z`).getUTCDay()).toBe(1);
    await expectLinksMatch(admin, dashboard);
  });
});

describe("a big carteira's dashboard: a snapshot, refreshed on the job engine", () => {
  const size = DASHBOARD_LIVE_UP_TO + 10;
  let admin: Viewer;
  let supervisor: Viewer;

  beforeAll(async () => {
    const db = getDb();
    const [org] = await db.insert(organizations).values({ name: "Carteira grande" }).returning({ id: organizations.id });
    const [segment] = await db.insert(segments).values({ organizationId: org.id, name: "Grande" }).returning({ id: segments.id });
    const person = async (name: string, role: Viewer["role"], segmentIds: string[]): Promise<Viewer> => {
      const email = `${name}.${randomUUID()}@test.local`;
      const [user] = await db.insert(users).values({ organizationId: org.id, name, email, role, passwordHash: "x" }).returning({ id: users.id });
      if (segmentIds.length > 0) await db.insert(segmentMembers).values(segmentIds.map((segmentId) => ({ organizationId: org.id, segmentId, userId: user.id })));
      return { userId: user.id, organizationId: org.id, role, name, email, segmentIds };
    };
    admin = await person("admin", "admin", []);
    supervisor = await person("supervisor", "supervisor", [segment.id]);
    await addContacts(org.id, 1, size);
    await db.execute(sql`insert into contact_segments (organization_id, contact_id, segment_id)
      select organization_id, id, ${segment.id}::uuid from contacts where organization_id = ${org.id}::uuid`);
  }, 120_000);

  async function addContacts(organizationId: string, from: number, to: number) {
    await getDb().execute(sql`
      insert into contacts (organization_id, name, document, document_type, customer_code)
      select ${organizationId}::uuid, 'Grande ' || g, lpad(g::text, 11, '0'), 'cpf', 'G-' || g
      from generate_series(${from}::int, ${to}::int) g`);
  }
  const snapshots = async () =>
    rowsOf<{ scope: string; total: number }>(
      await getDb().execute(sql`select scope, (data->>'total')::int as total from dashboard_snapshots where organization_id = ${admin.organizationId}::uuid`),
    ).sort((a, b) => (a.scope < b.scope ? -1 : 1));
  const waitingRefreshes = async () =>
    rowsOf<{ key: string }>(await getDb().execute(sql`select singleton_key as key from pgboss.job where name = ${queues.dashboard} and state = 'created'`))
      .filter((job) => job.key.startsWith(admin.organizationId)).length;
  const age = () => getDb().execute(sql`update dashboard_snapshots set refreshed_at = now() - interval '3 minutes' where organization_id = ${admin.organizationId}::uuid`);
  const workRefreshes = () => workReadyJobs<DashboardRefreshJob>(queues.dashboard, (job) => refreshDashboard(job.data));

  it("is computed once, kept per scope, and read as it was until it is refreshed", async () => {
    const first = (await getDashboard(admin))!;
    expect(first.total).toBe(size);
    expect(first.asOf).toBeInstanceOf(Date);
    expect((await getDashboard(supervisor))!.total).toBe(size);
    expect(await snapshots()).toEqual(
      [{ scope: "all", total: size }, { scope: `${supervisor.userId}:${supervisor.segmentIds[0]}`, total: size }].sort((a, b) => (a.scope < b.scope ? -1 : 1)),
    );

    // New contacts: the snapshot still says what it said, as of when it was made.
    await addContacts(admin.organizationId, size + 1, size + 5);
    const read = (await getDashboard(admin))!;
    expect(read).toEqual(first);
    expect(await waitingRefreshes()).toBe(0);

    // Stale: views keep showing it and ask for one refresh per scope, however many they are.
    await age();
    for (let i = 0; i < 3; i++) expect((await getDashboard(admin))!.total).toBe(size);
    await getDashboard(supervisor);
    expect(await waitingRefreshes()).toBe(2);
    expect(await workRefreshes()).toEqual([]);
    const refreshed = (await getDashboard(admin))!;
    expect(refreshed.total).toBe(size + 5);
    expect(refreshed.asOf!.getTime()).toBeGreaterThan(first.asOf!.getTime());
    expect((await getDashboard(supervisor))!.total).toBe(size);
  });

  it("starts afresh when the viewer's segments change, and is live again when the carteira becomes small", async () => {
    const withoutSegments: Viewer = { ...supervisor, segmentIds: [] };
    expect(await getDashboard(withoutSegments)).toMatchObject({ total: 0, asOf: null });

    await getDb().execute(sql`delete from contacts where organization_id = ${admin.organizationId}::uuid and customer_code <> 'G-1'`);
    await age();
    expect((await getDashboard(admin))!.asOf).toBeInstanceOf(Date);
    expect(await workRefreshes()).toEqual([]);
    expect(await snapshots()).toEqual([{ scope: `${supervisor.userId}:${supervisor.segmentIds[0]}`, total: size }]);
    expect(await getDashboard(admin)).toMatchObject({ total: 1, asOf: null });
  });
});
