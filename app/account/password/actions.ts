"use server";

import { redirect } from "next/navigation";
import { validatedAction } from "@/lib/actions/validated-action";
import { changeOwnPassword } from "@/lib/users/account";
import { changePasswordInput } from "@/lib/users/user-input";

export const changePasswordAction = validatedAction<typeof changePasswordInput, object>(
  "changePasswordAction",
  changePasswordInput,
  (formData) => ({ current: formData.get("current"), next: formData.get("next"), confirm: formData.get("confirm") }),
  async (viewer, input) => {
    const result = await changeOwnPassword(viewer, input.current, input.next);
    if (result.ok) redirect("/contacts?toast=password");
    return result;
  },
);
