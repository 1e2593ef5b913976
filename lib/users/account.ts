import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { failure, invalidInputMessage, type ActionResult } from "@/lib/actions/result";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { Viewer } from "@/lib/auth/viewer";

/** Every user changes their own password, proving the current one first. */
export async function changeOwnPassword(viewer: Viewer, current: string, next: string): Promise<ActionResult> {
  const where = and(eq(users.organizationId, viewer.organizationId), eq(users.id, viewer.userId), eq(users.active, true));
  const [user] = await getDb().select({ passwordHash: users.passwordHash }).from(users).where(where);
  if (!user || !(await verifyPassword(user.passwordHash, current))) {
    return failure("invalid", invalidInputMessage, { current: ["Senha atual incorreta."] });
  }
  if (current === next) return failure("invalid", invalidInputMessage, { next: ["Escolha uma senha diferente da atual."] });
  await getDb().update(users).set({ passwordHash: await hashPassword(next), mustChangePassword: false }).where(where);
  return { ok: true };
}
