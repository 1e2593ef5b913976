/** What every server action and data-access write answers: never a thrown error, never a stack trace. */
export type FieldErrors = Record<string, string[] | undefined>;

export type FailureCode = "invalid" | "forbidden" | "not_found" | "conflict" | "unexpected";

export type Failure = {
  ok: false;
  code: FailureCode;
  message: string;
  fieldErrors: FieldErrors;
  /** On a concurrency conflict: the version now stored, so the form can save again after review. */
  currentVersion?: number;
};

export type ActionResult<T extends object = object> = ({ ok: true } & T) | Failure;

export function failure(code: FailureCode, message: string, fieldErrors: FieldErrors = {}): Failure {
  return { ok: false, code, message, fieldErrors };
}

export const invalidInputMessage = "Revise os campos destacados.";
