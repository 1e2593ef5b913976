import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createWorld, type World } from "@/db/testing/world";
import type { Viewer } from "@/lib/auth/viewer";
import { countContacts } from "@/lib/contacts/contact-list";
import { noResponsible } from "@/lib/contacts/contact-filters";
import { DASHBOARD_WEEKS, getDashboard, type Dashboard } from "./dashboard";

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
