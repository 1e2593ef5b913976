import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import type { ReportFilters } from "./report-filters";

export type ReportFilterNames = { segment?: string; operator?: string };

/**
 * The names of the segment and operator a report's URL filters by, for its chips. A segment is
 * named only when its queue is one the viewer watches (an admin: any), so a pasted id does not
 * reveal another carteira's name; an operator is any user of the organization, as the report's
 * own rows name them. Null when the viewer may not see reports.
 */
export async function reportFilterNames(viewer: Viewer, filters: Pick<ReportFilters, "segment" | "operator">): Promise<ReportFilterNames | null> {
  if (!can(viewer.role, "reports.attendances")) return null;
  const segment = filters.segment && filters.segment !== "none" ? filters.segment : null;
  const watched = can(viewer.role, "live.allQueues") || (segment !== null && viewer.segmentIds.includes(segment));
  const lookups = [
    segment && watched ? sql`select 'segment' as kind, name from segments where organization_id = ${viewer.organizationId}::uuid and id = ${segment}::uuid` : null,
    filters.operator ? sql`select 'operator' as kind, name from users where organization_id = ${viewer.organizationId}::uuid and id = ${filters.operator}::uuid` : null,
  ].filter((q) => q !== null);
  const names: ReportFilterNames = filters.segment === "none" ? { segment: "Sem segmento" } : {};
  if (lookups.length === 0) return names;
  for (const row of rowsOf<{ kind: "segment" | "operator"; name: string }>(await getDb().execute(sql.join(lookups, sql` union all `)))) {
    names[row.kind] = row.name;
  }
  return names;
}
