import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "../client";
import type { AttendanceStatus, Channel } from "../schema";
import type { LiveSettings } from "@/lib/live/settings";

// Live's test data: attendances placed straight into a queue (waiting) or held by someone (open),
// with the arrival a test needs (the API stamps now()), and an organization's Live settings.

export async function addAttendance(
  organizationId: string,
  {
    segmentId = null,
    contactId = null,
    operatorUserId = null,
    status = operatorUserId ? "open" : "waiting",
    channel = "whatsapp",
    minutesAgo = 0,
    address = "+5511987654321",
  }: {
    segmentId?: string | null;
    contactId?: string | null;
    operatorUserId?: string | null;
    status?: AttendanceStatus;
    channel?: Channel;
    minutesAgo?: number;
    address?: string;
  },
): Promise<string> {
  const [row] = rowsOf<{ id: string }>(
    await getDb().execute(sql`
      insert into attendances (organization_id, channel, address, contact_id, priority_rank, segment_id, operator_user_id, status, arrived_at, taken_at)
      values (${organizationId}::uuid, ${channel}, ${address}, ${contactId}::uuid,
        coalesce((select priority_rank from contacts where organization_id = ${organizationId}::uuid and id = ${contactId}::uuid), 2),
        ${segmentId}::uuid, ${operatorUserId}::uuid, ${status}, now() - make_interval(secs => ${minutesAgo * 60}::float8),
        case when ${status} <> 'waiting' then now() end)
      returning id`),
  );
  return row.id;
}

export async function saveLiveSettings(organizationId: string, settings: Partial<LiveSettings>) {
  await getDb().execute(sql`
    insert into live_settings (organization_id, channel_priorities, auto_distribution, max_open_per_operator, aging_minutes)
    values (${organizationId}::uuid, ${JSON.stringify(settings.channelPriorities ?? { whatsapp: 0, sms: 0, email: 0 })}::jsonb,
      ${settings.autoDistribution ?? false}, ${settings.maxOpenPerOperator ?? 3}, ${settings.agingMinutes ?? null})
    on conflict (organization_id) do update set channel_priorities = excluded.channel_priorities, auto_distribution = excluded.auto_distribution,
      max_open_per_operator = excluded.max_open_per_operator, aging_minutes = excluded.aging_minutes`);
}
