"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/result";
import type { StoredContactFilters } from "@/lib/contacts/stored-filters";
import { validatedAction, withViewer } from "@/lib/actions/validated-action";
import { savedFilterInput } from "@/lib/saved-filters/saved-filter-input";
import { deleteSavedFilter, saveFilter } from "@/lib/saved-filters/saved-filters";

export const saveFilterAction = validatedAction<typeof savedFilterInput, { id: string; filters: StoredContactFilters }>(
  savedFilterInput,
  (formData) => ({ name: formData.get("name"), query: formData.get("query") ?? "", shared: formData.get("shared") }),
  async (viewer, input) => {
    const result = await saveFilter(viewer, input);
    if (result.ok) revalidatePath("/contacts");
    return result;
  },
);

export async function deleteSavedFilterAction(id: string): Promise<ActionResult> {
  return withViewer(async (viewer) => {
    const result = await deleteSavedFilter(viewer, String(id));
    if (result.ok) revalidatePath("/contacts");
    return result;
  });
}
