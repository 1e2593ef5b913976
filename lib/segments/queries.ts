import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { segments } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";

export type SegmentOption = { id: string; name: string };

/** Segments the viewer may put contacts in or take them out of: an admin's are all of the organization's. */
export async function listAssignableSegments(viewer: Viewer): Promise<SegmentOption[]> {
  if (viewer.role !== "admin" && viewer.segmentIds.length === 0) return [];
  return getDb()
    .select({ id: segments.id, name: segments.name })
    .from(segments)
    .where(
      and(
        eq(segments.organizationId, viewer.organizationId),
        isNull(segments.archivedAt),
        viewer.role === "admin" ? undefined : inArray(segments.id, viewer.segmentIds),
      ),
    )
    .orderBy(asc(segments.name));
}
