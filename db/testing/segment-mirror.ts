import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "../client";

/** Contacts whose segment_ids differ from their contact_segments rows (sorted): empty when the mirror holds. */
export async function segmentMirrorDrift() {
  return rowsOf<{ id: string; mirror: string[]; links: string[] }>(
    await getDb().execute(sql`
      select c.id, c.segment_ids as mirror, coalesce(l.ids, '{}') as links
      from contacts c
      left join (select organization_id, contact_id, array_agg(segment_id order by segment_id) as ids
                 from contact_segments group by organization_id, contact_id) l
        on l.organization_id = c.organization_id and l.contact_id = c.id
      where c.segment_ids is distinct from coalesce(l.ids, '{}')`),
  );
}
