import { z } from "zod";

// The one parser of ids that arrive from a URL or a form (a page's params, a server action's
// argument or form field). A malformed id names nothing: callers answer "not found", exactly as for
// an id of another organization, and it never reaches SQL, where casting it to uuid would be an error.
// Client-safe: the input schemas of the forms use it too.

/** Any 8-4-4-4-12 hex id, as the PostgreSQL uuid type accepts (no RFC version or variant bits demanded). */
export const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The id, lower-cased (so that it compares equal to the ids the database returns), or null when malformed. */
export function parseId(value: unknown): string | null {
  return typeof value === "string" && uuidShape.test(value) ? value.toLowerCase() : null;
}

/** The same rule as a zod schema, for ids inside an input schema, with the field's error message. */
export const idField = (message?: string) =>
  z.string({ error: message }).regex(uuidShape, { error: message }).transform((id) => id.toLowerCase());
