"use server";

import { revalidatePath } from "next/cache";
import type { LiveSettingsSaved } from "@/components/live/live-settings-form";
import { validatedAction } from "@/lib/actions/validated-action";
import { updateLiveSettings } from "@/lib/live/settings";
import { liveSettingsInput } from "@/lib/live/settings-input";

// The data layer refuses anyone without "live.configure" (admins).

const channelNames = Object.keys(liveSettingsInput.shape.channelPriorities.shape);

/** A field's text, trimmed; blank is missing, so the schema asks for it instead of reading 0. */
function text(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

export const updateLiveSettingsAction = validatedAction<typeof liveSettingsInput, LiveSettingsSaved>(
  "updateLiveSettingsAction",
  liveSettingsInput,
  (formData) => ({
    channelPriorities: Object.fromEntries(channelNames.map((channel) => [channel, text(formData, `channelPriorities.${channel}`)])),
    autoDistribution: formData.get("autoDistribution") === "on",
    maxOpenPerOperator: text(formData, "maxOpenPerOperator"),
    // Blank turns aging off.
    agingMinutes: text(formData, "agingMinutes") ?? "",
  }),
  async (viewer, input) => {
    const result = await updateLiveSettings(viewer, input);
    if (!result.ok) return result;
    revalidatePath("/settings/live");
    return { ok: true, savedAt: Date.now() };
  },
);
