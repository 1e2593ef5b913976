import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users, type Role } from "@/db/schema";

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
  /**
   * Set when an integration acts through an API key (lib/api-keys/api-viewer.ts): userId is then
   * the key's id, which no user has, and writes are recorded under the key's name, not a user.
   */
  apiKeyId?: string;
};

/** The user to record as the author of a write: none when an API key wrote (its name says who). */
export function actingUserId(viewer: Viewer): string | null {
  return viewer.apiKeyId ? null : viewer.userId;
}

/**
 * Loads the viewer fresh from the database, so a deactivated user, a new role or a removed
 * membership takes effect at once instead of when the session cookie expires. Requests go
 * through loadSessionViewer; background work acting for a user calls this.
 */
export function loadViewer(userId: string, organizationId: string): Promise<Viewer | null> {
  return loadActiveUser(userId, organizationId);
}

/**
 * The viewer of a session cookie: as loadViewer, and null unless the cookie was signed in with the
 * user's current session version. Signing out, a password or role change and deactivation raise
 * it (lib/auth/sessions.ts), so every copy of an older cookie stops working at once.
 */
export function loadSessionViewer(userId: string, organizationId: string, sessionVersion: number): Promise<Viewer | null> {
  return loadActiveUser(userId, organizationId, eq(users.sessionVersion, sessionVersion));
}

async function loadActiveUser(userId: string, organizationId: string, condition?: SQL): Promise<Viewer | null> {
  // One statement, memberships included: it runs on every request.
  const [user] = await getDb()
    .select({
      id: users.id,
      organizationId: users.organizationId,
      role: users.role,
      name: users.name,
      email: users.email,
      mustChangePassword: users.mustChangePassword,
      segmentIds: sql<string[]>`array(select sm.segment_id from segment_members sm
        where sm.organization_id = users.organization_id and sm.user_id = users.id)`,
    })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.id, userId), eq(users.active, true), condition));
  if (!user) return null;
  return {
    userId: user.id,
    organizationId: user.organizationId,
    role: user.role,
    name: user.name,
    email: user.email,
    segmentIds: user.segmentIds,
    mustChangePassword: user.mustChangePassword,
  };
}
