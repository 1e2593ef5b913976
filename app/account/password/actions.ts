"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { validatedAction } from "@/lib/actions/validated-action";
import { clientAddress } from "@/lib/auth/client-address";
import { changeOwnPassword } from "@/lib/users/account";
import { changePasswordInput } from "@/lib/users/user-input";

export const changePasswordAction = validatedAction<typeof changePasswordInput, object>(
  "changePasswordAction",
  changePasswordInput,
  (formData) => ({ current: formData.get("current"), next: formData.get("next"), confirm: formData.get("confirm") }),
  async (viewer, input) => {
    const result = await changeOwnPassword(viewer, input.current, input.next, clientAddress(await headers()));
    // The change ended every session, this one too: sign in again with the new password.
    if (result.ok) redirect("/login?toast=password");
    return result;
  },
  { pendingPasswordChange: true },
);
