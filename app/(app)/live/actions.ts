"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/actions/result";
import { validatedAction, withViewer } from "@/lib/actions/validated-action";
import { closeAttendance, replyToAttendance, transferAttendance } from "@/lib/live/attendance";
import { closeInput, replyInput, transferInput } from "@/lib/live/attendance-actions-input";
import { setPresence } from "@/lib/live/presence";
import { presenceInput } from "@/lib/live/presence-input";
import { takeNextAttendance } from "@/lib/live/queues";
import { parseId } from "@/lib/sql/ids";

// Thin: each action checks the session (withViewer/validatedAction), parses with the shared
// schema and leaves every rule — who may take, answer, close or transfer what — to lib/live.

/** The attendance a form is about travels as a hidden "id"; lib/live parses it again. */
const attendanceId = (formData: FormData) => parseId(formData.get("id")) ?? "";

export const setPresenceAction = validatedAction(
  "setPresenceAction",
  presenceInput,
  (formData) => ({ status: formData.get("status"), pauseReason: formData.get("pauseReason") || undefined }),
  async (viewer, input) => {
    const result = await setPresence(viewer, input);
    if (result.ok) revalidatePath("/live");
    return result;
  },
);

/** "Atender próximo": the first waiting attendance of the viewer's queues, opened at once. */
export async function takeNextAttendanceAction(): Promise<ActionResult> {
  return withViewer("takeNextAttendanceAction", async (viewer) => {
    const result = await takeNextAttendance(viewer);
    if (!result.ok) return result;
    revalidatePath("/live");
    redirect(`/live/${result.id}`);
  });
}

export const replyToAttendanceAction = validatedAction(
  "replyToAttendanceAction",
  replyInput,
  (formData) => ({ body: formData.get("body") }),
  async (viewer, input, formData) => {
    const id = attendanceId(formData);
    const result = await replyToAttendance(viewer, id, input.body);
    if (result.ok) revalidatePath(`/live/${id}`);
    return result;
  },
);

export const closeAttendanceAction = validatedAction<typeof closeInput, object>(
  "closeAttendanceAction",
  closeInput,
  (formData) => ({ outcome: formData.get("outcome") }),
  async (viewer, input, formData) => {
    const result = await closeAttendance(viewer, attendanceId(formData), input.outcome);
    if (!result.ok) return result;
    revalidatePath("/live");
    redirect("/live?toast=closed");
  },
);

/**
 * One select names where it goes: "queue:<segment id>" ("queue:" is Sem segmento) or
 * "operator:<user id>". Nothing chosen leaves `to` empty, which the schema refuses in Portuguese.
 */
function readTransfer(formData: FormData) {
  const [to, target] = String(formData.get("target") ?? "").split(/:(.*)/s);
  if (to === "queue") return { to, segmentId: target };
  if (to === "operator") return { to, userId: target };
  return { to: undefined };
}

export const transferAttendanceAction = validatedAction<typeof transferInput, object>("transferAttendanceAction", transferInput, readTransfer, async (viewer, input, formData) => {
  const result = await transferAttendance(viewer, attendanceId(formData), input);
  if (!result.ok) return result;
  revalidatePath("/live");
  redirect("/live?toast=transferred");
});
