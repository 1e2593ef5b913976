import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import type { OperatorStatus } from "@/db/schema";
import { type ActionResult } from "@/lib/actions/result";
import { refuseWithout } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { requestDistribution } from "./distribute";
import type { PresenceInput } from "./presence-input";

// "Disponível" or "Em pausa" (with a reason): paused operators take nothing and are given nothing.

export type Presence = { status: OperatorStatus; pauseReason: string | null; since: Date | null };

export async function loadPresence(viewer: Viewer): Promise<Presence> {
  const [row] = rowsOf<{ status: OperatorStatus; pause_reason: string | null; since: Date | string }>(
    await getDb().execute(sql`
      select status, pause_reason, since from operator_presence
      where organization_id = ${viewer.organizationId}::uuid and user_id = ${viewer.userId}::uuid`),
  );
  return row ? { status: row.status, pauseReason: row.pause_reason, since: new Date(row.since) } : { status: "available", pauseReason: null, since: null };
}

export async function setPresence(viewer: Viewer, input: PresenceInput): Promise<ActionResult> {
  const refused = refuseWithout(viewer, "live.attend");
  if (refused) return refused;
  const reason = input.status === "paused" ? input.pauseReason : null;
  await getDb().execute(sql`
    insert into operator_presence (organization_id, user_id, status, pause_reason, since)
    values (${viewer.organizationId}::uuid, ${viewer.userId}::uuid, ${input.status}, ${reason}, now())
    on conflict (organization_id, user_id) do update set status = excluded.status, pause_reason = excluded.pause_reason, since = excluded.since`);
  if (input.status === "available") await requestDistribution(viewer.organizationId);
  return { ok: true };
}
