import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { channels, priorities } from "@/db/enums";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { uuidArray } from "@/lib/sql/arrays";

// The heads of a viewer's queues: in each queue, for each channel and priority, the `perGroup`
// oldest waiting attendances — each group one probe of attendances_queue_idx. Within a group the
// serving order is the arrival (aging depends on it too), so the first of a queue, or its first N,
// is always among the heads: the full order then sorts a few hundred rows, not every waiting one.

const groups = sql`(values ${sql.join(channels.map((c) => sql`(${c})`), sql`, `)}) c(channel)
  cross join (values ${sql.join(priorities.map((_, i) => sql`(${i + 1}::smallint)`), sql`, `)}) r(rank)`;

const head = (org: string, queue: SQL, perGroup: number) => sql`
  cross join lateral (
    select a.id from attendances a
    where a.organization_id = ${org}::uuid and a.status = 'waiting' and ${queue} and a.channel = c.channel and a.priority_rank = r.rank
    order by a.arrived_at, a.id limit ${perGroup}) h`;

/** The ids of the heads of the viewer's queues (see queuesOf): their segments' and "Sem segmento"; with live.allQueues, every one. */
export function queueHeads(viewer: Viewer, perGroup: number): SQL {
  const org = viewer.organizationId;
  const segments = can(viewer.role, "live.allQueues")
    ? sql`select id from segments where organization_id = ${org}::uuid`
    : sql`select id from segments where organization_id = ${org}::uuid and id = any(${uuidArray(viewer.segmentIds)})`;
  return sql`
    select h.id from (${segments}) q cross join ${groups} ${head(org, sql`a.segment_id = q.id`, perGroup)}
    union all
    select h.id from ${groups} ${head(org, sql`a.segment_id is null`, perGroup)}`;
}
