// The dashboard at 1M contacts: computing it for the admin (the whole organization) and for a
// supervisor (their carteira) — what the refresh job does for a big carteira, and the page does
// live for a small one — against what a DBA would write for the same numbers: one plain aggregate
// query per chart, with the same visibility condition, sent in sequence. (A big carteira's page
// then reads the stored result: `npm run bench:http` measures that.)
import type { Pool } from "pg";
import type { Viewer } from "@/lib/auth/viewer";
import { dashboardScope, getDashboard, refreshDashboard } from "@/lib/dashboard/dashboard";

export type DashboardResult = { name: string; p50: number; p95: number; rawP50: number; total: number; rawTotal: number };

const percentile = (times: number[], p: number) => [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor(times.length * p))];

function rawQueries(viewer: Viewer) {
  const visible =
    viewer.role === "admin"
      ? "c.organization_id = $1"
      : `c.organization_id = $1 and (c.responsible_user_id = $2 or c.segment_ids && $3::uuid[])`;
  const params = viewer.role === "admin" ? [viewer.organizationId] : [viewer.organizationId, viewer.userId, viewer.segmentIds];
  return {
    params,
    queries: [
      `select count(*) as total, count(*) filter (where cardinality(phones) = 0), count(*) filter (where cardinality(emails) = 0) from contacts c where ${visible}`,
      `select priority, count(*) from contacts c where ${visible} group by priority`,
      `select responsible_user_id, count(*) from contacts c where ${visible} group by responsible_user_id order by count(*) desc limit 11`,
      `select s.name, count(*) from contacts c left join lateral unnest(c.segment_ids) as x(segment_id) on true
         left join segments s on s.organization_id = c.organization_id and s.id = x.segment_id where ${visible} group by s.name`,
      `select date_trunc('week', c.created_at at time zone 'America/Sao_Paulo'), count(*) from contacts c
         where ${visible} and c.created_at >= now() - interval '12 weeks' group by 1`,
    ],
  };
}

export async function benchDashboard(pool: Pool, viewers: { name: string; viewer: Viewer }[], runs: number): Promise<DashboardResult[]> {
  const results: DashboardResult[] = [];
  for (const { name, viewer } of viewers) {
    const ours: number[] = [];
    const raw: number[] = [];
    let total = 0;
    let rawTotal = 0;
    const { params, queries } = rawQueries(viewer);
    // One warm-up run each, then alternate.
    for (let i = 0; i <= runs; i++) {
      let started = performance.now();
      await refreshDashboard({ organizationId: viewer.organizationId, userId: viewer.userId, scope: dashboardScope(viewer) });
      if (i > 0) ours.push(performance.now() - started);
      total = (await getDashboard(viewer))?.total ?? 0;
      started = performance.now();
      for (const [index, text] of queries.entries()) {
        const { rows } = await pool.query(text, params);
        if (index === 0) rawTotal = Number(rows[0].total);
      }
      if (i > 0) raw.push(performance.now() - started);
    }
    results.push({ name, p50: percentile(ours, 0.5), p95: percentile(ours, 0.95), rawP50: percentile(raw, 0.5), total, rawTotal });
  }
  return results;
}
