import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { uuidArray } from "@/lib/sql/arrays";

// Which queues a viewer works or watches: the queues of their segments and the organization's
// "Sem segmento" queue; an admin, every queue. Reads `a` (attendances).

export function queuesOf(viewer: Viewer): SQL {
  const org = sql`a.organization_id = ${viewer.organizationId}::uuid`;
  if (can(viewer.role, "live.allQueues")) return org;
  if (viewer.segmentIds.length === 0) return sql`${org} and a.segment_id is null`;
  return sql`${org} and (a.segment_id is null or a.segment_id = any(${uuidArray(viewer.segmentIds)}))`;
}

/** The attendances a viewer may open: the ones they hold, and for whoever supervises, every one of their queues. */
export function attendanceOpenTo(viewer: Viewer): SQL {
  const held = sql`(a.organization_id = ${viewer.organizationId}::uuid and a.operator_user_id = ${viewer.userId}::uuid)`;
  if (!can(viewer.role, "live.supervise")) return held;
  return sql`(${held} or (${queuesOf(viewer)}))`;
}
