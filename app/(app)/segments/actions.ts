"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { failure, type ActionResult } from "@/lib/actions/result";
import { validatedAction, withViewer } from "@/lib/actions/validated-action";
import { parseId } from "@/lib/sql/ids";
import { addSegmentMember, archiveSegment, createSegment, removeSegmentMember, updateSegment } from "@/lib/segments/admin";
import { archiveSegmentInput, segmentInput } from "@/lib/segments/segment-input";

// Every action checks the session (validatedAction/withViewer) and the data layer refuses anyone
// but an admin: a forged call from a supervisor or operator changes nothing.

const segmentNotFound = () => failure("not_found", "Segmento não encontrado.");
const readSegment = (formData: FormData) => ({ name: formData.get("name"), description: formData.get("description") });

export const createSegmentAction = validatedAction<typeof segmentInput, object>("createSegmentAction", segmentInput, readSegment, async (viewer, input) => {
  const result = await createSegment(viewer, input);
  if (result.ok) redirect(`/segments/${result.id}?toast=created`);
  return result;
});

export const updateSegmentAction = validatedAction("updateSegmentAction", segmentInput, readSegment, async (viewer, input, formData) => {
  const id = parseId(formData.get("id"));
  const result = id ? await updateSegment(viewer, id, input) : segmentNotFound();
  if (result.ok) revalidatePath(`/segments/${id}`);
  return result;
});

export const archiveSegmentAction = validatedAction<typeof archiveSegmentInput, object>(
  "archiveSegmentAction",
  archiveSegmentInput,
  (formData) => ({ contacts: formData.get("contacts"), targetSegmentId: formData.get("targetSegmentId") || undefined }),
  async (viewer, input, formData) => {
    const id = parseId(formData.get("id"));
    const result = id ? await archiveSegment(viewer, id, input) : segmentNotFound();
    if (result.ok) redirect("/segments?toast=archived");
    return result;
  },
);

export async function addSegmentMemberAction(rawSegmentId: string, rawUserId: string): Promise<ActionResult> {
  return withViewer("addSegmentMemberAction", async (viewer) => {
    const segmentId = parseId(rawSegmentId);
    const userId = parseId(rawUserId);
    if (!segmentId) return segmentNotFound();
    if (!userId) return failure("invalid", "Escolha um usuário da lista.", { userId: ["Escolha um usuário da lista."] });
    const result = await addSegmentMember(viewer, segmentId, userId);
    if (result.ok) revalidatePath(`/segments/${segmentId}`);
    return result;
  });
}

export async function removeSegmentMemberAction(rawSegmentId: string, rawUserId: string): Promise<ActionResult> {
  return withViewer("removeSegmentMemberAction", async (viewer) => {
    const segmentId = parseId(rawSegmentId);
    const userId = parseId(rawUserId);
    if (!segmentId || !userId) return segmentNotFound();
    const result = await removeSegmentMember(viewer, segmentId, userId);
    if (result.ok) revalidatePath(`/segments/${segmentId}`);
    return result;
  });
}
