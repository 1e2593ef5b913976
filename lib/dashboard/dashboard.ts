import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import { dashboardSnapshots } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import type { Priority } from "@/lib/contacts/priority";
import { contactVisibleTo } from "@/lib/contacts/visibility";
import { queues, requestJob } from "@/lib/jobs/engine";

export const DASHBOARD_WEEKS = 12;
const TOP_RESPONSIBLES = 10;

export type Dashboard = {
  total: number;
  withoutPhone: number;
  withoutEmail: number;
  byPriority: { priority: Priority; contacts: number }[];
  /** The top responsáveis, biggest first. */
  byResponsible: { userId: string; name: string | null; contacts: number }[];
  /** Contacts with no responsável: apart from the top, so they do not dwarf the people's bars. */
  withoutResponsible: number;
  /** Segments of the visible contacts, biggest first; segmentId null = without segment, last. */
  bySegment: { segmentId: string | null; name: string | null; contacts: number }[];
  /** Weeks start on Monday, in Brasília time; oldest first, empty weeks included. The last is the
   * week under way (`partial`), its count still growing. */
  newPerWeek: { weekStart: string; contacts: number; partial: boolean }[];
};

/** A dashboard as shown: `asOf` is when a snapshot was computed, null when computed for this request. */
export type DashboardView = Dashboard & { asOf: Date | null };

/** Up to this many visible contacts the dashboard is computed on each request, exact and live. */
export const DASHBOARD_LIVE_UP_TO = 20_000;
/** A snapshot older than this is refreshed on the job engine; the page shows it meanwhile, with its age. */
export const DASHBOARD_STALE_AFTER_MS = 2 * 60_000;

/**
 * The viewer's dashboard. A carteira of up to DASHBOARD_LIVE_UP_TO contacts is computed live. A
 * bigger one (measured: ~1 s at 1M contacts, and ten viewers at once made it 8 s each) is computed
 * once and kept as a snapshot per scope (the organization for admins, else the user with their
 * segments); views read it, and a stale one is refreshed in the background. Its numbers are those
 * of `asOf`; each still opens the list of the same filter, as it is now.
 */
export async function getDashboard(viewer: Viewer): Promise<DashboardView | null> {
  if (!can(viewer.role, "dashboard.view")) return null;
  const scope = dashboardScope(viewer);
  const [snapshot] = await getDb()
    .select({ data: dashboardSnapshots.data, refreshedAt: dashboardSnapshots.refreshedAt })
    .from(dashboardSnapshots)
    .where(snapshotOf(viewer.organizationId, scope));
  if (snapshot) {
    if (Date.now() - snapshot.refreshedAt.getTime() > DASHBOARD_STALE_AFTER_MS) {
      const job: DashboardRefreshJob = { organizationId: viewer.organizationId, userId: viewer.userId, scope };
      await requestJob(queues.dashboard, job, `${viewer.organizationId}:${scope}`);
    }
    return { ...(snapshot.data as Dashboard), asOf: snapshot.refreshedAt };
  }
  const dashboard = await computeDashboard(viewer);
  if (dashboard.total <= DASHBOARD_LIVE_UP_TO) return { ...dashboard, asOf: null };
  return { ...dashboard, asOf: await saveSnapshot(viewer.organizationId, scope, dashboard) };
}

/** What the viewer's visibility depends on: the same scope means the same contacts. */
export function dashboardScope(viewer: Viewer) {
  return can(viewer.role, "contacts.viewAll") ? "all" : `${viewer.userId}:${[...viewer.segmentIds].sort().join(",")}`;
}

const snapshotOf = (organizationId: string, scope: string) =>
  and(eq(dashboardSnapshots.organizationId, organizationId), eq(dashboardSnapshots.scope, scope));

async function saveSnapshot(organizationId: string, scope: string, dashboard: Dashboard): Promise<Date> {
  const refreshedAt = new Date();
  await getDb()
    .insert(dashboardSnapshots)
    .values({ organizationId, scope, data: dashboard, refreshedAt })
    .onConflictDoUpdate({ target: [dashboardSnapshots.organizationId, dashboardSnapshots.scope], set: { data: dashboard, refreshedAt } });
  return refreshedAt;
}

export type DashboardRefreshJob = { organizationId: string; userId: string; scope: string };

/**
 * The job: computes the scope's dashboard again for the user who asked, as they are now. A user
 * gone, whose visibility changed since (another scope), or whose carteira became small, leaves no
 * snapshot for the scope: their next view is computed live.
 */
export async function refreshDashboard({ organizationId, userId, scope }: DashboardRefreshJob) {
  const viewer = await loadViewer(userId, organizationId);
  const dashboard = viewer && can(viewer.role, "dashboard.view") && dashboardScope(viewer) === scope ? await computeDashboard(viewer) : null;
  if (dashboard && dashboard.total > DASHBOARD_LIVE_UP_TO) await saveSnapshot(organizationId, scope, dashboard);
  else await getDb().delete(dashboardSnapshots).where(snapshotOf(organizationId, scope));
}

/** Snapshots nobody has looked at for a day (views ask for their refresh) are dropped. */
export async function purgeIdleDashboards() {
  await getDb().delete(dashboardSnapshots).where(lt(dashboardSnapshots.refreshedAt, sql`now() - interval '1 day'`));
}

/**
 * The carteira at a glance, over exactly the contacts the viewer may see (the visibility
 * predicate is in every query): one pass over the contacts for the totals, priorities and
 * responsáveis (grouping sets), one over their segments, one over the last weeks' creations.
 */
async function computeDashboard(viewer: Viewer): Promise<Dashboard> {
  const visible = contactVisibleTo(viewer);
  const db = getDb();
  const [groups, segments, weeks] = await Promise.all([
    db.execute(sql`
      select grouping(contacts.priority) as gp, grouping(contacts.responsible_user_id) as gr,
        contacts.priority, contacts.responsible_user_id as "userId", count(*)::int as contacts,
        (count(*) filter (where cardinality(contacts.phones) = 0))::int as "withoutPhone",
        (count(*) filter (where cardinality(contacts.emails) = 0))::int as "withoutEmail"
      from contacts where ${visible}
      group by grouping sets ((contacts.priority), (contacts.responsible_user_id), ())`),
    db.execute(sql`
      select s.id as "segmentId", s.name, count(*)::int as contacts
      from contacts
      left join lateral unnest(contacts.segment_ids) as cs(segment_id) on true
      left join segments s on s.organization_id = contacts.organization_id and s.id = cs.segment_id
      where ${visible}
      group by s.id, s.name order by s.id is null, count(*) desc, s.name`),
    db.execute(sql`
      with bounds as (
        select date_trunc('week', now() at time zone 'America/Sao_Paulo') - make_interval(weeks => ${DASHBOARD_WEEKS - 1}) as first_week)
      select to_char(w.week, 'YYYY-MM-DD') as "weekStart", coalesce(c.contacts, 0)::int as contacts
      from bounds, generate_series(bounds.first_week, bounds.first_week + make_interval(weeks => ${DASHBOARD_WEEKS - 1}), interval '1 week') as w(week)
      left join (
        select date_trunc('week', contacts.created_at at time zone 'America/Sao_Paulo') as week, count(*) as contacts
        from contacts, bounds
        where ${visible} and contacts.created_at >= bounds.first_week at time zone 'America/Sao_Paulo'
        group by 1) c on c.week = w.week
      order by w.week`),
  ]);

  type Group = { gp: number; gr: number; priority: Priority; userId: string | null; contacts: number; withoutPhone: number; withoutEmail: number };
  const rows = rowsOf<Group>(groups);
  const all = rows.find((r) => r.gp === 1 && r.gr === 1);
  const byResponsibleRows = rows.filter((r) => r.gp === 1 && r.gr === 0).sort((a, b) => b.contacts - a.contacts);
  const top = byResponsibleRows.filter((r) => r.userId !== null).slice(0, TOP_RESPONSIBLES);
  const names = await responsibleNames(viewer, top.map((r) => r.userId!));
  const unassigned = byResponsibleRows.find((r) => r.userId === null);
  const rank: Record<Priority, number> = { high: 0, medium: 1, low: 2 };

  return {
    total: all?.contacts ?? 0,
    withoutPhone: all?.withoutPhone ?? 0,
    withoutEmail: all?.withoutEmail ?? 0,
    byPriority: rows
      .filter((r) => r.gp === 0)
      .map((r) => ({ priority: r.priority, contacts: r.contacts }))
      .sort((a, b) => rank[a.priority] - rank[b.priority]),
    byResponsible: top.map((r) => ({ userId: r.userId!, name: names.get(r.userId!) ?? null, contacts: r.contacts })),
    withoutResponsible: unassigned?.contacts ?? 0,
    bySegment: rowsOf<Dashboard["bySegment"][number]>(segments),
    // The series ends with the current week, by construction.
    newPerWeek: rowsOf<{ weekStart: string; contacts: number }>(weeks).map((w, i, all) => ({ ...w, partial: i === all.length - 1 })),
  };
}

async function responsibleNames(viewer: Viewer, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = rowsOf<{ id: string; name: string }>(
    await getDb().execute(sql`
      select id, name from users
      where organization_id = ${viewer.organizationId}::uuid and id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`),
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}
