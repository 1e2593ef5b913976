import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { segments } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";

export type SegmentOption = { id: string; name: string };

/** Segments the viewer may put contacts in or take them out of: their own, or all of the organization's. */
export async function listAssignableSegments(viewer: Viewer): Promise<SegmentOption[]> {
  if (!can(viewer.role, "contacts.changeSegments")) return [];
  const any = can(viewer.role, "contacts.changeAnySegment");
  if (!any && viewer.segmentIds.length === 0) return [];
  return getDb()
    .select({ id: segments.id, name: segments.name })
    .from(segments)
    .where(
      and(
        eq(segments.organizationId, viewer.organizationId),
        isNull(segments.archivedAt),
        any ? undefined : inArray(segments.id, viewer.segmentIds),
      ),
    )
    .orderBy(asc(segments.name));
}
