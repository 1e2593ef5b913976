/**
 * Logs that something failed without logging the error itself: a database driver's error carries
 * the failed query's parameters in its message (a contact's name, CPF, e-mails) and the conflicting
 * row in its detail ("Key (document)=(12345678909) already exists"). What is kept says where and
 * why: the context (an action's name), the error's class, PostgreSQL's code and constraint, and the
 * stack's frames, which hold code locations only.
 */
export function logFailure(context: string, error: unknown) {
  console.error(`${context} failed`, failureSummary(error));
}

type DatabaseError = { name?: unknown; code?: unknown; constraint?: unknown; stack?: unknown; cause?: unknown };

export function failureSummary(error: unknown) {
  const summary: { error?: string; code?: string; constraint?: string; at?: string[] } = {};
  // Drivers wrap the database error (Drizzle's DrizzleQueryError → pg's DatabaseError): walk the causes.
  for (let e = error as DatabaseError | undefined, depth = 0; e && typeof e === "object" && depth < 5; e = e.cause as DatabaseError, depth++) {
    summary.error ??= typeof e.name === "string" ? e.name : undefined;
    if (typeof e.code === "string") summary.code ??= e.code;
    if (typeof e.constraint === "string") summary.constraint ??= e.constraint;
  }
  // The stack opens with the message (which may span lines of SQL and parameters): only what follows it is kept.
  const header = error instanceof Error ? `${error.name}: ${error.message}` : null;
  if (header && error instanceof Error && error.stack?.startsWith(header)) {
    summary.at = error.stack.slice(header.length).split("\n").filter((line) => /^\s+at /.test(line)).slice(0, 5).map((line) => line.trim());
  }
  return summary;
}
