"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { failure, type ActionResult } from "@/lib/actions/result";
import { validatedAction, withViewer } from "@/lib/actions/validated-action";
import { parseId } from "@/lib/sql/ids";
import { createUser, deactivateUser, renewInvite, updateUserAccess } from "@/lib/users/admin";
import { deactivateUserInput, newUserInput, userAccessInput } from "@/lib/users/user-input";

// Every action checks the session and the data layer refuses anyone but an admin.

const userNotFound = () => failure("not_found", "Usuário não encontrado.");

export const createUserAction = validatedAction<typeof newUserInput, { id: string; inviteToken: string | null }>(
  "createUserAction",
  newUserInput,
  (formData) => ({
    access: formData.get("access"),
    password: formData.get("password") ?? undefined,
    name: formData.get("name"),
    email: formData.get("email"),
    role: formData.get("role"),
    segmentIds: formData.getAll("segmentIds"),
  }),
  async (viewer, input) => {
    const result = await createUser(viewer, input);
    if (result.ok) revalidatePath("/users");
    return result;
  },
);

export const updateUserAccessAction = validatedAction(
  "updateUserAccessAction",
  userAccessInput,
  (formData) => ({ role: formData.get("role"), segmentIds: formData.getAll("segmentIds") }),
  async (viewer, input, formData) => {
    const id = parseId(formData.get("id"));
    const result = id ? await updateUserAccess(viewer, id, input) : userNotFound();
    if (result.ok) revalidatePath(`/users/${id}`);
    return result;
  },
);

export const deactivateUserAction = validatedAction<typeof deactivateUserInput, object>(
  "deactivateUserAction",
  deactivateUserInput,
  (formData) => ({ handoverTo: formData.get("handoverTo") }),
  async (viewer, input, formData) => {
    const id = parseId(formData.get("id"));
    const result = id ? await deactivateUser(viewer, id, input.handoverTo) : userNotFound();
    if (result.ok) redirect("/users?toast=deactivated");
    return result;
  },
);

export async function renewInviteAction(rawId: string): Promise<ActionResult<{ inviteToken: string }>> {
  return withViewer("renewInviteAction", async (viewer) => {
    const id = parseId(rawId);
    return id ? renewInvite(viewer, id) : userNotFound();
  });
}
