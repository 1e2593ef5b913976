import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";

/**
 * The secret that signs session cookies. Production sets AUTH_SECRET; the embedded demo (no
 * DATABASE_URL) makes one on first start and keeps it beside its data, so `npm run dev` works
 * with no configuration and sessions survive a restart.
 */
export function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (process.env.DATABASE_URL) throw new Error("AUTH_SECRET must be set when DATABASE_URL is set.");
  const file = path.resolve(/* turbopackIgnore: true */ ".data/auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8");
}
