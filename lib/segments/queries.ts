import "server-only";
import { cache } from "react";
import { and, asc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { segments } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";

export type SegmentOption = { id: string; name: string };

/**
 * The condition on `segments` for the organization's active segments: every one (`all`), or only
 * the viewer's own. Null when that leaves none (a member of no segment).
 */
export function activeSegmentsOf(viewer: Viewer, all: boolean): SQL | null {
  if (!all && viewer.segmentIds.length === 0) return null;
  return and(
    eq(segments.organizationId, viewer.organizationId),
    isNull(segments.archivedAt),
    all ? undefined : inArray(segments.id, viewer.segmentIds),
  )!;
}

/**
 * Segments the viewer may put contacts in or take them out of: their own, or all of the organization's.
 * Cached per request: the contact list reads them for its shortcuts, its bulk actions and its chips.
 */
export const listAssignableSegments = cache(async (viewer: Viewer): Promise<SegmentOption[]> => {
  if (!can(viewer.role, "contacts.changeSegments")) return [];
  const where = activeSegmentsOf(viewer, can(viewer.role, "contacts.changeAnySegment"));
  if (!where) return [];
  return getDb().select({ id: segments.id, name: segments.name }).from(segments).where(where).orderBy(asc(segments.name));
});

/** The organization's active segments among these ids (any the viewer's organization has, not only the viewer's own). */
export async function listSegmentsByIds(viewer: Viewer, ids: string[]): Promise<SegmentOption[]> {
  if (ids.length === 0) return [];
  return getDb()
    .select({ id: segments.id, name: segments.name })
    .from(segments)
    .where(and(activeSegmentsOf(viewer, true)!, inArray(segments.id, ids)))
    .orderBy(asc(segments.name));
}
