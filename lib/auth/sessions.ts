import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import type { Viewer } from "./viewer";

/**
 * Spread into the `set` of an update of a user to end every session they signed in before: the
 * session version in those cookies no longer matches (lib/auth/viewer.ts loadSessionViewer).
 */
export const endSessions = { sessionVersion: sql`${users.sessionVersion} + 1` };

/** Sign-out, here and on every other device: copies of the cookie stop working too. */
export async function endAllSessions(viewer: Viewer) {
  await getDb()
    .update(users)
    .set(endSessions)
    .where(and(eq(users.organizationId, viewer.organizationId), eq(users.id, viewer.userId)));
}
