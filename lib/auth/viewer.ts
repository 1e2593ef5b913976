import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { segmentMembers, users, type Role } from "@/db/schema";

/** Who is asking. Every data-access function takes one; nothing in it comes from the client. */
export type Viewer = {
  userId: string;
  organizationId: string;
  role: Role;
  name: string;
  email: string;
  segmentIds: string[];
  /** Signed in with a password an admin chose: must pick their own before anything else. */
  mustChangePassword?: boolean;
};

/**
 * Loads the viewer fresh from the database on every request, so a deactivated user, a new role
 * or a removed membership takes effect at once instead of when the session cookie expires.
 */
export async function loadViewer(userId: string, organizationId: string): Promise<Viewer | null> {
  const db = getDb();
  const [user] = await db
    .select({
      id: users.id,
      organizationId: users.organizationId,
      role: users.role,
      name: users.name,
      email: users.email,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.id, userId), eq(users.active, true)));
  if (!user) return null;
  const memberships = await db
    .select({ segmentId: segmentMembers.segmentId })
    .from(segmentMembers)
    .where(and(eq(segmentMembers.organizationId, organizationId), eq(segmentMembers.userId, userId)));
  return {
    userId: user.id,
    organizationId: user.organizationId,
    role: user.role,
    name: user.name,
    email: user.email,
    segmentIds: memberships.map((m) => m.segmentId),
    mustChangePassword: user.mustChangePassword,
  };
}
