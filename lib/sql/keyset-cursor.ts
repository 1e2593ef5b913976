// Keyset cursors: the sort keys of a page's last row, as PostgreSQL text (timestamps keep their
// microseconds), in an opaque URL-safe string.

// What a cursor value must look like before it is cast in SQL: a forged cursor is ignored, never an error.
export const keyFormats = {
  timestamptz: /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  smallint: /^[1-3]$/,
  text: /^[\s\S]{0,400}$/,
};
export type KeyType = keyof typeof keyFormats;

export function encodeCursor(keys: string[]): string {
  return Buffer.from(JSON.stringify(keys)).toString("base64url");
}

/** The keys of a cursor if each has the shape of its type, else null. */
export function decodeCursor(cursor: string | undefined, types: KeyType[]): string[] | null {
  if (!cursor) return null;
  try {
    const keys = JSON.parse(Buffer.from(cursor, "base64url").toString());
    const valid =
      Array.isArray(keys) && keys.length === types.length && keys.every((k, i) => typeof k === "string" && keyFormats[types[i]].test(k));
    return valid ? keys : null;
  } catch {
    return null;
  }
}
