"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { failure, invalidInputMessage, type ActionResult } from "@/lib/actions/result";
import { acceptInvite } from "@/lib/users/admin";
import { acceptInviteInput } from "@/lib/users/user-input";

// Public on purpose: the invite token is the credential. It works once, before it expires.
export async function acceptInviteAction(token: string, _previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = acceptInviteInput.safeParse({ next: formData.get("next"), confirm: formData.get("confirm") });
  if (!parsed.success) return failure("invalid", invalidInputMessage, z.flattenError(parsed.error).fieldErrors);
  const result = await acceptInvite(String(token), parsed.data.next);
  if (result.ok) redirect("/login?toast=invite");
  return result;
}
