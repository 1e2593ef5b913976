import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import type { AttendanceOutcome, AttendanceStatus, Channel } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { contactVisibleTo } from "@/lib/contacts/visibility";
import { parseId } from "@/lib/sql/ids";

// A contact's attendances, on the contact's page: for whoever sees the contact.

export type ContactAttendance = {
  id: string;
  channel: Channel;
  status: AttendanceStatus;
  outcome: AttendanceOutcome | null;
  operatorName: string | null;
  arrivedAt: Date;
  /** Seconds from arrival until an operator took it; null while it waits. */
  waitingSeconds: number | null;
  /** Seconds from taken to closed; null until closed. */
  handlingSeconds: number | null;
};

export async function listContactAttendances(viewer: Viewer, rawContactId: string, limit = 50): Promise<ContactAttendance[]> {
  const contactId = parseId(rawContactId);
  if (!contactId) return [];
  const rows = rowsOf<{
    id: string; channel: Channel; status: AttendanceStatus; outcome: AttendanceOutcome | null; operator_name: string | null;
    arrived_at: Date | string; waiting: number | string | null; handling: number | string | null;
  }>(
    await getDb().execute(sql`
      select a.id, a.channel, a.status, a.outcome, u.name as operator_name, a.arrived_at,
        extract(epoch from a.taken_at - a.arrived_at) as waiting, extract(epoch from a.closed_at - a.taken_at) as handling
      from attendances a
      join contacts on contacts.organization_id = a.organization_id and contacts.id = a.contact_id
      left join users u on u.organization_id = a.organization_id and u.id = a.operator_user_id
      where a.organization_id = ${viewer.organizationId}::uuid and a.contact_id = ${contactId}::uuid and ${contactVisibleTo(viewer)}
      order by a.arrived_at desc limit ${limit}`),
  );
  const seconds = (value: number | string | null) => (value === null ? null : Math.round(Number(value)));
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    status: r.status,
    outcome: r.outcome,
    operatorName: r.operator_name,
    arrivedAt: new Date(r.arrived_at),
    waitingSeconds: seconds(r.waiting),
    handlingSeconds: seconds(r.handling),
  }));
}
