import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rowsOf, type Database, type Transaction } from "@/db/client";
import type { ChannelPriorities } from "@/db/schema";

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
