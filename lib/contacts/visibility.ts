import "server-only";
import { and, eq, or, sql, type SQL } from "drizzle-orm";
import { contacts } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";

/**
 * THE visibility rule (docs/ARCHITECTURE.md, "Who sees what"): a contact exists for a viewer when the viewer
 * sees all of its organization ("contacts.viewAll", an admin's), belongs to one of its segments,
 * or is its responsável.
 * Every contact read, write, count, export, import and API query composes this predicate into its
 * SQL; a contact outside it behaves as if it did not exist. Guarded by visibility.db.test.ts.
 */
export function contactVisibleTo(viewer: Viewer): SQL {
  const sameOrganization = eq(contacts.organizationId, viewer.organizationId);
  if (can(viewer.role, "contacts.viewAll")) return sameOrganization;
  const isResponsible = eq(contacts.responsibleUserId, viewer.userId);
  if (viewer.segmentIds.length === 0) return and(sameOrganization, isResponsible)!;
  return and(sameOrganization, or(isResponsible, contactInSegments(viewer.organizationId, viewer.segmentIds)))!;
}

/**
 * The contact belongs to one of these segments; served by the contact_segments primary key as an
 * index-only probe. Names `contacts` literally (see columns.ts): callers query contacts unaliased.
 */
export function contactInSegments(organizationId: string, segmentIds: string[]): SQL {
  // The organization as a constant, not only correlated: with it the planner probes
  // contact_segments_segment_idx instead of hashing the whole table (measured: 45 → 11 ms for an
  // operator's carteira at 1M contacts).
  return sql`exists (
    select 1 from contact_segments cs
    where cs.organization_id = ${organizationId}::uuid and cs.organization_id = contacts.organization_id
      and cs.contact_id = contacts.id
      and cs.segment_id in (${sql.join(segmentIds.map((id) => sql`${id}::uuid`), sql`, `)}))`;
}
