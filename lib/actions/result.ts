/** What every server action answers: never a thrown error, never a stack trace. */
export type FieldErrors = Record<string, string[] | undefined>;

export type ActionResult<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; message: string; fieldErrors: FieldErrors };

export function failure(message: string, fieldErrors: FieldErrors = {}): { ok: false; message: string; fieldErrors: FieldErrors } {
  return { ok: false, message, fieldErrors };
}
