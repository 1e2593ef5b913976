import "server-only";
import { createHash, randomBytes } from "node:crypto";

// A key is "crt_" and 32 random bytes in base64url (43 characters): the prefix tells a leaked key
// apart in logs and secret scanners, the bytes make it unguessable. Only its SHA-256 is stored, so
// a copy of the database holds no usable key; a plain hash suffices because the key is random,
// not a password someone chose.

const KEY_PREFIX = "crt_";
/** The shape of every key this module makes: anything else is refused before the database is asked. */
export const apiKeyShape = /^crt_[A-Za-z0-9_-]{43}$/;
/** How much of the key the list shows ("crt_" and 8 characters): enough to tell keys apart, useless to an attacker. */
export const SHOWN_PREFIX_LENGTH = 12;

export function generateApiKey(): string {
  return KEY_PREFIX + randomBytes(32).toString("base64url");
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}
