import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { failure, invalidInputMessage, type ActionResult } from "@/lib/actions/result";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { endSessions } from "@/lib/auth/sessions";
import { throttledCheck, throttledMessage } from "@/lib/auth/throttle";
import type { Viewer } from "@/lib/auth/viewer";

/**
 * Every user changes their own password, proving the current one first — a check throttled like
 * sign-in, from the same counts (lib/auth/throttle.ts). The change ends every session of the user,
 * this one included: whoever knew the old password is out.
 */
export async function changeOwnPassword(viewer: Viewer, current: string, next: string, address: string): Promise<ActionResult> {
  const where = and(eq(users.organizationId, viewer.organizationId), eq(users.id, viewer.userId), eq(users.active, true));
  const checked = await throttledCheck(address, viewer.email, async () => {
    const [user] = await getDb().select({ passwordHash: users.passwordHash }).from(users).where(where);
    return user && (await verifyPassword(user.passwordHash, current)) ? true : null;
  });
  if (!checked.ok) {
    const message = checked.reason === "throttled" ? throttledMessage(checked.retryAfterSeconds) : "Senha atual incorreta.";
    return failure("invalid", invalidInputMessage, { current: [message] });
  }
  if (current === next) return failure("invalid", invalidInputMessage, { next: ["Escolha uma senha diferente da atual."] });
  await getDb()
    .update(users)
    .set({ passwordHash: await hashPassword(next), mustChangePassword: false, ...endSessions })
    .where(where);
  return { ok: true };
}
