/**
 * The unique constraint a failed write violated, if that is why it failed: unique indexes are the
 * source of truth for "already in use" (no check-then-insert race). Drivers wrap the database
 * error, so the cause chain is walked.
 */
export function violatedUniqueConstraint(error: unknown): string | null {
  for (let e = error as { code?: string; constraint?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === "23505" && e.constraint) return e.constraint;
  }
  return null;
}
