import { getDb } from "../client";
import { attendances } from "../schema";

/** An attendance straight into a queue (waiting) or held by someone (open), for tests of Live's pages and actions. */
export async function insertAttendance(values: {
  organizationId: string;
  segmentId: string | null;
  operatorUserId?: string | null;
  status?: "waiting" | "open" | "closed";
  channel?: "whatsapp" | "sms" | "email";
  address?: string;
}): Promise<string> {
  const status = values.status ?? (values.operatorUserId ? "open" : "waiting");
  const [row] = await getDb()
    .insert(attendances)
    .values({
      organizationId: values.organizationId,
      channel: values.channel ?? "whatsapp",
      address: values.address ?? "+5511987654321",
      segmentId: values.segmentId,
      operatorUserId: values.operatorUserId ?? null,
      status,
    })
    .returning({ id: attendances.id });
  return row.id;
}
