"use server";

import { withViewer } from "@/lib/actions/validated-action";
import type { ActionResult } from "@/lib/actions/result";
import { listOrganizationTags } from "@/lib/contacts/tag-suggestions";
import { listAssignableSegments, type SegmentOption } from "@/lib/segments/queries";
import { listAssignableResponsibles, listResponsibleFilterOptions, type UserOption } from "@/lib/users/queries";

// The choices of the filter drawer and of the bulk actions are asked for when they open rather than
// sent with every list page: most visits open neither, and an organization's 100 users and 50
// segments were most of the page's weight. Each list is the viewer's own (the lib functions apply
// the permission table), so a forged call learns nothing the viewer could not choose anyway.

/**
 * The filter drawer's options: segments, responsáveis and the organization's hashtags (a bounded
 * scan, see tag-suggestions.ts), read together since the drawer needs them all at once.
 */
export async function filterOptionsAction(): Promise<ActionResult<{ segments: SegmentOption[]; responsibles: UserOption[]; tags: string[] }>> {
  return withViewer("filterOptionsAction", async (viewer) => {
    const [segments, responsibles, tags] = await Promise.all([
      listAssignableSegments(viewer),
      listResponsibleFilterOptions(viewer),
      listOrganizationTags(viewer, undefined, 50),
    ]);
    return { ok: true, segments, responsibles, tags };
  });
}

/** Whom the viewer may make responsável, or which segments they may add or remove: what a bulk action's value is chosen from. */
export async function assignableOptionsAction(what: "responsibles" | "segments"): Promise<ActionResult<{ options: { id: string; name: string }[] }>> {
  return withViewer("assignableOptionsAction", async (viewer) => {
    const options = what === "segments" ? await listAssignableSegments(viewer) : what === "responsibles" ? await listAssignableResponsibles(viewer) : null;
    return { ok: true, options: options ?? [] };
  });
}
