"use server";

import { withViewer } from "@/lib/actions/validated-action";
import type { ActionResult } from "@/lib/actions/result";
import { listOrganizationTags } from "@/lib/contacts/tag-suggestions";

/**
 * The hashtags the filter comboboxes suggest, asked for when the filters open rather than on every
 * list page: reading them costs a bounded scan (see tag-suggestions.ts) that most visits never need.
 */
export async function suggestTagsAction(): Promise<ActionResult<{ tags: string[] }>> {
  return withViewer("suggestTagsAction", async (viewer) => ({ ok: true, tags: await listOrganizationTags(viewer, undefined, 50) }));
}
