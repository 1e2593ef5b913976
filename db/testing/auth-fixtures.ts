import { and, eq, sql } from "drizzle-orm";
import { getDb } from "../client";
import { signInThrottle, users } from "../schema";

// Set-ups and reads the sign-in and password tests need beyond what the app offers; tests under
// app/ use these instead of reaching for the tables.

/** A user's stored password and whether they must change it. */
export async function setPassword(userId: string, passwordHash: string, mustChangePassword = false) {
  await getDb().update(users).set({ passwordHash, mustChangePassword }).where(eq(users.id, userId));
}

export async function setMustChangePassword(userId: string, mustChangePassword: boolean) {
  await getDb().update(users).set({ mustChangePassword }).where(eq(users.id, userId));
}

export async function storedPassword(userId: string) {
  const [row] = await getDb().select({ mustChangePassword: users.mustChangePassword, passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row;
}

/** Makes an (address, e-mail) wait `seconds` from now, longer than the test's own clock can end. */
export async function delayThrottle(address: string, email: string, seconds: number) {
  await getDb()
    .update(signInThrottle)
    .set({ retryAt: sql`now() + make_interval(secs => ${seconds})` })
    .where(and(eq(signInThrottle.address, address), eq(signInThrottle.email, email)));
}
