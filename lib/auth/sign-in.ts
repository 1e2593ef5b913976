import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { signInThrottle, users } from "@/db/schema";
import { verifyPassword } from "./password";

export const maxFailures = 5;
export const lockMinutes = 15;

// Verified when the e-mail is unknown, so that a wrong e-mail costs as long as a wrong password
// and response times do not tell which e-mails have accounts.
const decoyHash = "$argon2id$v=19$m=19456,t=2,p=1$QUcFXTi6N5+EkP7Xah3rmw$G6Lfl5F24fktzTadtrfIyqFctBb1hJEaPcHCm5capyU";

export type SignInOutcome =
  | { ok: true; userId: string; organizationId: string }
  | { ok: false; reason: "invalid" | "locked"; retryAfterMinutes?: number };

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}

/** Checks e-mail and password, throttling repeated failures per e-mail (state in the database). */
export async function authenticate(rawEmail: string, password: string): Promise<SignInOutcome> {
  const db = getDb();
  const email = normalizeEmail(rawEmail);
  const [throttle] = await db
    .select({ lockedUntil: signInThrottle.lockedUntil })
    .from(signInThrottle)
    .where(eq(signInThrottle.email, email));
  if (throttle?.lockedUntil && throttle.lockedUntil > new Date()) {
    const minutes = Math.ceil((throttle.lockedUntil.getTime() - Date.now()) / 60_000);
    return { ok: false, reason: "locked", retryAfterMinutes: minutes };
  }

  const [user] = await db
    .select({ id: users.id, organizationId: users.organizationId, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(users.email, email));
  const passwordMatches = await verifyPassword(user?.passwordHash ?? decoyHash, password);

  if (user && user.active && passwordMatches) {
    await db.delete(signInThrottle).where(eq(signInThrottle.email, email));
    return { ok: true, userId: user.id, organizationId: user.organizationId };
  }
  const locked = await recordFailure(email);
  return locked ? { ok: false, reason: "locked", retryAfterMinutes: lockMinutes } : { ok: false, reason: "invalid" };
}

// One statement, so concurrent failures on several app servers all count.
async function recordFailure(email: string) {
  const window = sql.raw(`interval '${lockMinutes} minutes'`);
  const windowExpired = sql`${signInThrottle.windowStartedAt} < now() - ${window}`;
  const failures = sql`case when ${windowExpired} then 1 else ${signInThrottle.failures} + 1 end`;
  const [row] = await getDb()
    .insert(signInThrottle)
    .values({ email, failures: 1 })
    .onConflictDoUpdate({
      target: signInThrottle.email,
      set: {
        failures,
        windowStartedAt: sql`case when ${windowExpired} then now() else ${signInThrottle.windowStartedAt} end`,
        lockedUntil: sql`case when ${failures} >= ${maxFailures} then now() + ${window} else null end`,
      },
    })
    .returning({ lockedUntil: signInThrottle.lockedUntil });
  return row.lockedUntil !== null;
}
