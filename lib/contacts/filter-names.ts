import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { listAssignableSegments } from "@/lib/segments/queries";
import { listResponsibleFilterOptions } from "@/lib/users/queries";
import { noResponsible, type ContactFilters } from "./contact-filters";
import type { FilterNames } from "./filter-labels";

/**
 * The names of the segments and responsáveis the filters name, among those the viewer may filter
 * by (the filter drawer's options): what the chips and the drawer show before its options load.
 * Only those ids are looked up; the drawer asks for all of its options when it opens.
 */
export async function filterNames(viewer: Viewer, filters: Pick<ContactFilters, "segment" | "responsible">): Promise<FilterNames> {
  const [segments, responsibles] = await Promise.all([
    listAssignableSegments(viewer),
    listResponsibleFilterOptions(viewer, filters.responsible.filter((id) => id !== noResponsible)),
  ]);
  return {
    segments: new Map(segments.filter((s) => filters.segment.includes(s.id)).map((s) => [s.id, s.name])),
    responsibles: new Map(responsibles.map((u) => [u.id, u.name])),
  };
}
