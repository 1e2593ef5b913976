import "server-only";
import { sql } from "drizzle-orm";
import type { ConsentInput } from "@/lib/contacts/contact-input";

// import_rows has no consent column. An import only ever sets consent (a blank cell keeps the stored
// answer), so a row's answers are a status per channel, and they travel in its `given` list beside
// the names of the fields the file gave, as `consent.<channel>=<status>` entries: written here,
// read back here. A `consent jsonb` column on import_rows would replace both functions.

/** The `given` entries that carry a row's consent answers. */
export function consentGivenEntries(consent: ConsentInput = {}): string[] {
  return Object.entries(consent).flatMap(([channel, status]) => (status ? [`consent.${channel}=${status}`] : []));
}

/** A staged row's (`r.`) consent answers as jsonb `{ channel: status }`, the shape consentAfter reads. */
export const stagedConsent = sql`(select coalesce(jsonb_object_agg(split_part(split_part(g, '=', 1), '.', 2), split_part(g, '=', 2)), '{}'::jsonb)
  from unnest(r.given) g where g like 'consent.%=%')`;
