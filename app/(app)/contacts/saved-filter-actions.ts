"use server";

import { revalidatePath } from "next/cache";
import { failure, type ActionResult } from "@/lib/actions/result";
import type { StoredContactFilters } from "@/lib/contacts/stored-filters";
import { validatedAction, withViewer } from "@/lib/actions/validated-action";
import { savedFilterInput } from "@/lib/saved-filters/saved-filter-input";
import { deleteSavedFilter, saveFilter } from "@/lib/saved-filters/saved-filters";
import { parseId } from "@/lib/sql/ids";

export const saveFilterAction = validatedAction<typeof savedFilterInput, { id: string; filters: StoredContactFilters }>(
  "saveFilterAction",
  savedFilterInput,
  (formData) => ({ name: formData.get("name"), query: formData.get("query") ?? "", shared: formData.get("shared") }),
  async (viewer, input) => {
    const result = await saveFilter(viewer, input);
    if (result.ok) revalidatePath("/contacts");
    return result;
  },
);

export async function deleteSavedFilterAction(rawId: string): Promise<ActionResult> {
  return withViewer("deleteSavedFilterAction", async (viewer) => {
    const id = parseId(rawId);
    const result = id ? await deleteSavedFilter(viewer, id) : failure("not_found", "Filtro não encontrado.");
    if (result.ok) revalidatePath("/contacts");
    return result;
  });
}
