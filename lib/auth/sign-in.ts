import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { verifyPassword } from "./password";
import { throttledCheck, type ThrottleRefusal } from "./throttle";

// Verified when the e-mail is unknown, so that a wrong e-mail costs as long as a wrong password
// and response times do not tell which e-mails have accounts.
const decoyHash = "$argon2id$v=19$m=19456,t=2,p=1$QUcFXTi6N5+EkP7Xah3rmw$G6Lfl5F24fktzTadtrfIyqFctBb1hJEaPcHCm5capyU";

export type SignInOutcome = { ok: true; userId: string; organizationId: string; sessionVersion: number } | ThrottleRefusal;

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}

/** Checks e-mail and password from this client address, throttled by address and by address and e-mail (lib/auth/throttle.ts). */
export async function authenticate(rawEmail: string, password: string, address: string): Promise<SignInOutcome> {
  const email = normalizeEmail(rawEmail);
  if (!email) return { ok: false, reason: "invalid" };
  const checked = await throttledCheck(address, email, async () => {
    const [user] = await getDb()
      .select({
        id: users.id,
        organizationId: users.organizationId,
        passwordHash: users.passwordHash,
        active: users.active,
        sessionVersion: users.sessionVersion,
      })
      .from(users)
      .where(eq(users.email, email));
    const passwordMatches = await verifyPassword(user?.passwordHash ?? decoyHash, password);
    return user && user.active && passwordMatches ? user : null;
  });
  if (!checked.ok) return checked;
  const { id, organizationId, sessionVersion } = checked.value;
  return { ok: true, userId: id, organizationId, sessionVersion };
}
