import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { ChangeSource } from "@/db/schema";
import { channels, type Channel } from "@/lib/messages/channels";

// Consent (LGPD) in SQL: who may be messaged on a channel, and how a write records an answer.
// Conditions name `contacts` literally (see columns.ts): callers query contacts unaliased. The words
// for the screens and the refusals are client-safe, in consent-labels.ts.

// Literals, never bound values: they come from a closed list, not from input, and the planner sees
// the constant. Containment (`@>`) rather than `consent->'whatsapp'->>'status' = 'granted'`: PostgreSQL
// estimates it from the column's own statistics (within ~5 % at 1M contacts, real timestamps in the
// records), where the path expression gets a fixed 0.5 % guess (4,000 for 480,000); counts that
// answer with the planner's estimate past a limit depend on it. Same for `<> '{}'`, estimated from
// the array's statistics, where `cardinality(…) > 0` gets a fixed third.
const channelKey = Object.fromEntries(channels.map((channel) => [channel, sql.raw(`'${channel}'`)])) as Record<Channel, SQL>;
const grantedOn = Object.fromEntries(
  channels.map((channel) => [channel, sql.raw(`'${JSON.stringify({ [channel]: { status: "granted" } })}'::jsonb`)]),
) as Record<Channel, SQL>;

/** The contact accepts messages on `channel`: its recorded answer is "granted" (no record: no consent). */
export function consentGranted(channel: Channel): SQL {
  return sql`contacts.consent @> ${grantedOn[channel]}`;
}

/** The contact may be messaged on `channel`: consent granted, and an address there (a phone for WhatsApp and SMS, an e-mail for e-mail). */
export function reachableBy(channel: Channel): SQL {
  const address = channel === "email" ? sql`contacts.emails` : sql`contacts.phones`;
  return sql`(${consentGranted(channel)} and ${address} <> '{}')`;
}

// ISO 8601 in UTC, as JavaScript's toISOString writes it, so a record reads the same whoever wrote it.
const nowIso = sql`to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The consent a write leaves, from the stored one (`current`, jsonb) and the answers given
 * (`incoming`, jsonb `{ channel: status | null }`, as contactInput parses them): a channel given a
 * status other than its stored one gets a new record (now, through `source`, by `by`); null
 * clears it; a channel not given, or given its stored status, keeps its record as it was.
 */
export function consentAfter(current: SQL, incoming: SQL, stamp: { source: ChangeSource; by: string }): SQL {
  // `offset 0` keeps v a subquery of its own: each of its values is computed once per written row.
  return sql`(select coalesce(jsonb_object_agg(c.channel, c.record), '{}'::jsonb) from (
      select ch as channel, case
        when not (v.incoming ? ch) then v.current -> ch
        when v.incoming ->> ch is null then null
        when v.current -> ch ->> 'status' = v.incoming ->> ch then v.current -> ch
        else jsonb_build_object('status', v.incoming ->> ch, 'at', ${nowIso}, 'source', ${stamp.source}::text, 'by', ${stamp.by}::text)
      end as record
      from (select (${current}) as current, (${incoming}) as incoming offset 0) v,
        unnest(array[${sql.join(channels.map((channel) => channelKey[channel]), sql`, `)}]::text[]) ch) c
    where c.record is not null)`;
}
