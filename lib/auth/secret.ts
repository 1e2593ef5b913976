import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";

const minimumBytes = 32;
// Values published in this repository's history and examples: whoever read them can forge cookies.
const published = new Set(["change-me", "e2e-secret-not-for-production-000000000000"]);

const advice = "Generate one with: openssl rand -base64 32";

/**
 * The secret that encrypts session cookies: whoever knows it can forge anyone's session. A set
 * AUTH_SECRET that is short, repetitive or published stops the start, and so does none with
 * DATABASE_URL (a real deployment). The embedded database with no AUTH_SECRET (`npm start` or
 * `npm run dev` on a fresh clone) makes a random one on first start and keeps it beside its data,
 * so it works with no configuration and sessions survive a restart.
 */
export function authSecret(): string {
  const configured = process.env.AUTH_SECRET;
  if (configured) {
    const problem = secretProblem(configured);
    if (problem) throw new Error(`AUTH_SECRET ${problem}. ${advice}`);
    return configured;
  }
  if (process.env.DATABASE_URL) throw new Error(`AUTH_SECRET must be set when DATABASE_URL is set. ${advice}`);
  const file = path.resolve(/* turbopackIgnore: true */ ".data/auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8");
}

/** At start-up: a weak or missing secret stops the process, rather than leaving a server that answers 500s. */
export function checkAuthSecretOrExit() {
  try {
    authSecret();
  } catch (error) {
    console.error(`Carteira will not start: ${(error as Error).message}`);
    process.exit(1);
  }
}

function secretProblem(secret: string): string | null {
  if (published.has(secret)) return "is an example value published with the code";
  if (Buffer.byteLength(secret) < minimumBytes) return `is shorter than ${minimumBytes} bytes`;
  // A random secret of that length has many different characters; "aaaa…" or "change-me-change-me-…" do not.
  if (new Set(secret).size < 10) return "repeats too few characters to be random";
  return null;
}
