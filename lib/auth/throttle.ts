import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { signInThrottle } from "@/db/schema";

/**
 * Password checks (sign-in and the current password of /account/password) are throttled by client
 * address and by address and e-mail, never by e-mail alone: a stranger cannot lock anyone out,
 * and the owner still gets in from their own address. Past a few free failures, each failure makes
 * its key wait twice as long before the next attempt (2 s, 4 s, 8 s… up to a cap); a key with no
 * attempt for an hour starts counting again. The counts are rows in the database, so every app
 * server applies the same ones.
 */
export const throttle = {
  /** Free failures per address and e-mail. */
  perAddressAndEmail: 3,
  /** Free failures per address across every e-mail: more, as a whole office may share one address. */
  perAddress: 20,
  maxDelaySeconds: 15 * 60,
};

export type ThrottleRefusal = { ok: false; reason: "invalid" } | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Runs one password check for this address and e-mail unless one of them must still wait.
 * `check` answers what it proved (a user, `true`) or null for a wrong password.
 */
export async function throttledCheck<T>(address: string, email: string, check: () => Promise<T | null>): Promise<{ ok: true; value: T } | ThrottleRefusal> {
  const retryAfterSeconds = await reserveAttempt(address, email);
  if (retryAfterSeconds > 0) return { ok: false, reason: "throttled", retryAfterSeconds };
  const value = await check();
  if (value === null) return { ok: false, reason: "invalid" };
  await forgiveAttempt(address, email);
  return { ok: true, value };
}

/** What the person is told while their address must wait, in whole seconds or minutes. */
export function throttledMessage(retryAfterSeconds: number) {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const wait =
    retryAfterSeconds < 60
      ? `${retryAfterSeconds} segundo${retryAfterSeconds === 1 ? "" : "s"}`
      : `${minutes} minuto${minutes === 1 ? "" : "s"}`;
  return `Muitas tentativas sem sucesso. Por segurança, aguarde ${wait} e tente novamente.`;
}

/** Deletes the counts of keys with no attempt for a day, which throttle nothing any more. For a daily job. */
export async function purgeSignInThrottle(): Promise<number> {
  const deleted = await getDb()
    .delete(signInThrottle)
    .where(sql`${signInThrottle.updatedAt} < now() - interval '1 day'`)
    .returning({ address: signInThrottle.address });
  return deleted.length;
}

// The row with an empty e-mail counts the address across every e-mail.
const keysOf = (address: string, email: string) => and(eq(signInThrottle.address, address), inArray(signInThrottle.email, ["", email]));

/**
 * Counts the attempt as a failure before the password is checked, under a lock on both rows, so
 * that attempts sent at once (to several app servers) cannot all slip through before the first
 * failure is written. Answers how many seconds to wait instead, counting nothing.
 */
async function reserveAttempt(address: string, email: string): Promise<number> {
  return getDb().transaction(async (tx) => {
    // The rows must exist for FOR UPDATE to serialize the very first attempts too.
    await tx.insert(signInThrottle).values([{ address, email: "" }, { address, email }]).onConflictDoNothing();
    const rows = await tx
      .select({ wait: sql<number>`coalesce(ceil(extract(epoch from ${signInThrottle.retryAt} - now())), 0)::int` })
      .from(signInThrottle)
      .where(keysOf(address, email))
      .for("update");
    const wait = Math.max(0, ...rows.map((row) => row.wait));
    if (wait > 0) return wait;
    const free = sql`(case when ${signInThrottle.email} = '' then ${throttle.perAddress} else ${throttle.perAddressAndEmail} end)::int`;
    const failures = sql`(case when ${signInThrottle.updatedAt} < now() - interval '1 hour' then 1 else ${signInThrottle.failures} + 1 end)`;
    // The exponent is capped too: a key attacked for weeks would overflow 2^failures.
    const delay = sql`least(power(2, least(${failures} - ${free} + 1, 20)), ${throttle.maxDelaySeconds}::int)`;
    await tx
      .update(signInThrottle)
      .set({ failures, updatedAt: sql`now()`, retryAt: sql`case when ${failures} >= ${free} then now() + make_interval(secs => ${delay}) end` })
      .where(keysOf(address, email));
    return 0;
  });
}

/** The right password: the address and e-mail start afresh, and the address gets back the failure reserved for this attempt. */
async function forgiveAttempt(address: string, email: string) {
  const db = getDb();
  await db.delete(signInThrottle).where(and(eq(signInThrottle.address, address), eq(signInThrottle.email, email)));
  await db
    .update(signInThrottle)
    .set({ failures: sql`greatest(${signInThrottle.failures} - 1, 0)`, retryAt: null })
    .where(and(eq(signInThrottle.address, address), eq(signInThrottle.email, "")));
}
