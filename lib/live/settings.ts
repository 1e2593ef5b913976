import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rowsOf, type Database, type Transaction } from "@/db/client";
import type { ChannelPriorities } from "@/db/schema";
import type { ActionResult } from "@/lib/actions/result";
import { refuseWithout } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { requestDistribution } from "./distribute";
import type { LiveSettingsInput } from "./settings-input";

// The organization's Live settings; an organization without a row has the defaults.

export type LiveSettings = {
  /** Higher is served first; equal by default. */
  channelPriorities: ChannelPriorities;
  autoDistribution: boolean;
  maxOpenPerOperator: number;
  /** After this many minutes waiting an attendance is served one level higher; null: off. */
  agingMinutes: number | null;
};

export const defaultLiveSettings: LiveSettings = {
  channelPriorities: { whatsapp: 0, sms: 0, email: 0 },
  autoDistribution: false,
  maxOpenPerOperator: 3,
  agingMinutes: null,
};

export async function loadLiveSettings(organizationId: string, db: Database | Transaction = getDb()): Promise<LiveSettings> {
  const [row] = rowsOf<{ channel_priorities: ChannelPriorities; auto_distribution: boolean; max_open_per_operator: number; aging_minutes: number | null }>(
    await db.execute(sql`
      select channel_priorities, auto_distribution, max_open_per_operator, aging_minutes
      from live_settings where organization_id = ${organizationId}::uuid`),
  );
  if (!row) return defaultLiveSettings;
  return {
    channelPriorities: { ...defaultLiveSettings.channelPriorities, ...row.channel_priorities },
    autoDistribution: row.auto_distribution,
    maxOpenPerOperator: Number(row.max_open_per_operator),
    agingMinutes: row.aging_minutes === null ? null : Number(row.aging_minutes),
  };
}

/** Saves the organization's Live settings (admins), then distributes at once if distribution is on. */
export async function updateLiveSettings(viewer: Viewer, input: LiveSettingsInput): Promise<ActionResult> {
  const refused = refuseWithout(viewer, "live.configure");
  if (refused) return refused;
  await getDb().execute(sql`
    insert into live_settings (organization_id, channel_priorities, auto_distribution, max_open_per_operator, aging_minutes, updated_at)
    values (${viewer.organizationId}::uuid, ${JSON.stringify(input.channelPriorities)}::jsonb, ${input.autoDistribution},
      ${input.maxOpenPerOperator}, ${input.agingMinutes}, now())
    on conflict (organization_id) do update set channel_priorities = excluded.channel_priorities, auto_distribution = excluded.auto_distribution,
      max_open_per_operator = excluded.max_open_per_operator, aging_minutes = excluded.aging_minutes, updated_at = now()`);
  await requestDistribution(viewer.organizationId);
  return { ok: true };
}
