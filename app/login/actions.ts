"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { isThrottledSignIn, signIn } from "@/lib/auth/auth";
import { throttledMessage } from "@/lib/auth/throttle";
import { failure, type ActionResult } from "@/lib/actions/result";

const credentials = z.object({
  email: z.string().trim().min(1, { error: "Informe o e-mail." }),
  password: z.string().min(1, { error: "Informe a senha." }),
});

export async function signInAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = credentials.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return failure("invalid", "Informe e-mail e senha.", z.flattenError(parsed.error).fieldErrors);
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: "/contacts" });
    return { ok: true };
  } catch (error) {
    if (isThrottledSignIn(error)) return failure("forbidden", throttledMessage(error.retryAfterSeconds));
    if (error instanceof AuthError) return failure("invalid", "E-mail ou senha inválidos.");
    throw error; // the redirect after a successful sign-in
  }
}
