import "server-only";
import { and, eq, or, sql, type SQL } from "drizzle-orm";
import { contacts } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { uuidArray } from "@/lib/sql/arrays";

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
  return and(sameOrganization, or(isResponsible, contactInSegments(viewer.segmentIds)))!;
}

/**
 * The contact belongs to one of these segments: an overlap on contacts.segment_ids (the mirror of
 * its links), served by a GIN index and estimated from the column's statistics. Names `contacts`
 * literally (see columns.ts): callers query contacts unaliased.
 */
export function contactInSegments(segmentIds: string[]): SQL {
  return sql`contacts.segment_ids && ${uuidArray(segmentIds)}`;
}
