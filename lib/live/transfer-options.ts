import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { uuidArray } from "@/lib/sql/arrays";
import { parseId } from "@/lib/sql/ids";
import { attendanceOpenTo } from "./scope";

// What "Transferir" offers on the attendance screen: the same rules transferAttendance applies
// (lib/live/attendance.ts), so the form lists only choices the write accepts.

export type TransferOptions = {
  /** Null segmentId: the organization's "Sem segmento" queue, always last. */
  queues: { segmentId: string | null; name: string }[];
  operators: { id: string; name: string }[];
};

/**
 * The queues and people the viewer may hand this attendance to; null when they may not transfer
 * it (not theirs and not supervised by them, closed, another organization's, a malformed id).
 * Operators: active operators and supervisors who belong to the attendance's segment (anyone for
 * "Sem segmento"; anyone at all with live.transferAnywhere), not the one holding it now.
 * Queues: the viewer's segments (all with live.transferAnywhere) and "Sem segmento".
 */
export async function listTransferOptions(viewer: Viewer, rawId: string): Promise<TransferOptions | null> {
  const id = parseId(rawId);
  if (!id) return null;
  const anywhere = can(viewer.role, "live.transferAnywhere");
  const who = can(viewer.role, "live.supervise") ? attendanceOpenTo(viewer) : sql`a.operator_user_id = ${viewer.userId}::uuid and a.status = 'open'`;
  const [attendance] = rowsOf<{ segment_id: string | null; operator_user_id: string | null }>(
    await getDb().execute(sql`
      select a.segment_id, a.operator_user_id from attendances a
      where a.organization_id = ${viewer.organizationId}::uuid and a.id = ${id}::uuid and a.status <> 'closed' and ${who}`),
  );
  if (!attendance) return null;

  const inSegment = anywhere || attendance.segment_id === null
    ? sql``
    : sql`and exists (select 1 from segment_members m where m.organization_id = u.organization_id and m.user_id = u.id and m.segment_id = ${attendance.segment_id}::uuid)`;
  const [operatorRows, segmentRows] = await Promise.all([
    getDb().execute(sql`
      select u.id, u.name from users u
      where u.organization_id = ${viewer.organizationId}::uuid and u.active and u.role in ('operator', 'supervisor')
        ${attendance.operator_user_id ? sql`and u.id <> ${attendance.operator_user_id}::uuid` : sql``}
        ${inSegment}
      order by u.name, u.id`),
    getDb().execute(sql`
      select s.id, s.name from segments s
      where s.organization_id = ${viewer.organizationId}::uuid and s.archived_at is null
        ${anywhere ? sql`` : sql`and s.id = any(${uuidArray(viewer.segmentIds)})`}
      order by s.name, s.id`),
  ]);
  return {
    queues: [
      ...rowsOf<{ id: string; name: string }>(segmentRows).map((s) => ({ segmentId: s.id, name: s.name })),
      { segmentId: null, name: "Sem segmento" },
    ],
    operators: rowsOf<{ id: string; name: string }>(operatorRows).map((u) => ({ id: u.id, name: u.name })),
  };
}
