import { failure, invalidInputMessage, type ActionResult } from "./result";

export type UniqueFields = Record<string, { field: string; message: string }>;

/**
 * Runs a write and turns the violation of one of these unique constraints into a field error.
 * Unique indexes are the source of truth for "already in use" (no check-then-insert race); the
 * message says only that, nothing about the other row, which the viewer may not be allowed to see.
 */
export async function withUniqueFieldErrors<T extends object>(fields: UniqueFields, write: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await write();
  } catch (error) {
    const constraint = violatedUniqueConstraint(error);
    const violated = constraint ? fields[constraint] : undefined;
    if (violated) return failure("invalid", invalidInputMessage, { [violated.field]: [violated.message] });
    throw error;
  }
}

/** The unique constraint an error violated, or null. Drivers wrap the database error, so its cause chain is walked. */
export function violatedUniqueConstraint(error: unknown): string | null {
  for (let e = error as { code?: string; constraint?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === "23505" && e.constraint) return e.constraint;
  }
  return null;
}
