import { uuidShape } from "./ids";
import { isTimestamp } from "./values";

// Keyset cursors: the sort keys of a page's last row, as PostgreSQL text (timestamps keep their
// microseconds), in an opaque URL-safe string.

// What a cursor value must be before it is cast in SQL: a forged or mangled cursor is ignored (the
// first page is shown), never an error. A text key may hold anything a name holds, but not NUL,
// which PostgreSQL text cannot.
const keyFormats = {
  timestamptz: isTimestamp,
  uuid: (key: string) => uuidShape.test(key),
  smallint: (key: string) => /^[1-3]$/.test(key),
  text: (key: string) => key.length <= 400 && !key.includes("\0"),
} satisfies Record<string, (key: string) => boolean>;
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
      Array.isArray(keys) && keys.length === types.length && keys.every((k, i) => typeof k === "string" && keyFormats[types[i]](k));
    return valid ? keys : null;
  } catch {
    return null;
  }
}
