import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getSessionViewer, getViewer } from "@/lib/auth/session";
import type { Viewer } from "@/lib/auth/viewer";
import { logFailure } from "./log-failure";
import { failure, invalidInputMessage, type ActionResult } from "./result";

/** Only the password change lets in a user who must still change an initial password (lib/auth/session.ts). */
export type ActionAccess = { pendingPasswordChange?: boolean };

/**
 * Runs a server action for the signed-in viewer. A server action is a public HTTP endpoint, so each
 * call checks the session itself, and any unexpected error becomes a generic message: no stack
 * trace or SQL reaches the page, and the log gets the action's name and the error's code, never
 * the submitted values (see logFailure).
 */
export async function withViewer<T extends object>(
  name: string,
  handler: (viewer: Viewer) => Promise<ActionResult<T>>,
  access: ActionAccess = {},
): Promise<ActionResult<T>> {
  const viewer = access.pendingPasswordChange ? await getSessionViewer() : await getViewer();
  if (!viewer) return failure("forbidden", "Sua sessão expirou. Entre novamente.");
  try {
    return await handler(viewer);
  } catch (error) {
    unstable_rethrow(error); // redirect() and notFound() travel as errors
    logFailure(name, error);
    return failure("unexpected", "Não foi possível concluir agora. Tente novamente em instantes.");
  }
}

/** A form's server action: the viewer, then its input parsed by the shared zod schema (all field errors at once). */
export function validatedAction<S extends z.ZodType, T extends object>(
  name: string,
  schema: S,
  readForm: (formData: FormData) => unknown,
  handler: (viewer: Viewer, input: z.output<S>, formData: FormData) => Promise<ActionResult<T>>,
  access: ActionAccess = {},
) {
  return async (_previous: ActionResult<T> | null, formData: FormData): Promise<ActionResult<T>> =>
    withViewer(name, async (viewer) => {
      const parsed = schema.safeParse(readForm(formData));
      if (!parsed.success) return failure("invalid", invalidInputMessage, z.flattenError(parsed.error).fieldErrors);
      return handler(viewer, parsed.data, formData);
    }, access);
}
