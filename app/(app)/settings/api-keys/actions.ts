"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/result";
import { validatedAction, withViewer } from "@/lib/actions/validated-action";
import { apiKeyInput } from "@/lib/api-keys/api-key-input";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/keys";

// Every action checks the session and the data layer refuses anyone but an admin.

const page = "/settings/api-keys";

/** Answers the new key itself: the form shows it once, and nothing can show it again. */
export const createApiKeyAction = validatedAction<typeof apiKeyInput, { id: string; key: string }>(
  "createApiKeyAction",
  apiKeyInput,
  (formData) => ({
    name: formData.get("name"),
    scopes: formData.getAll("scopes"),
    segmentIds: formData.getAll("segmentIds"),
    requestsPerMinute: formData.get("requestsPerMinute"),
  }),
  async (viewer, input) => {
    const result = await createApiKey(viewer, input);
    if (result.ok) revalidatePath(page);
    return result;
  },
);

export async function revokeApiKeyAction(rawId: string): Promise<ActionResult> {
  return withViewer("revokeApiKeyAction", async (viewer) => {
    // The data layer parses the id: a malformed one is not found, like another organization's.
    const result = await revokeApiKey(viewer, String(rawId));
    if (result.ok) revalidatePath(page);
    return result;
  });
}
