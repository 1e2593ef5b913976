import "server-only";
import { and, asc, eq, exists, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { segmentMembers, users } from "@/db/schema";
import { refuseNonAdmin } from "@/lib/auth/admin";
import type { Viewer } from "@/lib/auth/viewer";

export type UserOption = { id: string; name: string };

/**
 * Who the viewer may make responsável for a contact (DESIGN.md matrix): an admin, any active user
 * of the organization; a supervisor, the active members of their segments; an operator, no one
 * (null: the choice is not theirs).
 */
export async function listAssignableResponsibles(viewer: Viewer): Promise<UserOption[] | null> {
  if (viewer.role === "operator") return null;
  if (viewer.role === "supervisor" && viewer.segmentIds.length === 0) return [];
  const db = getDb();
  const memberOfViewerSegments = exists(
    db
      .select({ one: sql`1` })
      .from(segmentMembers)
      .where(
        and(
          eq(segmentMembers.organizationId, users.organizationId),
          eq(segmentMembers.userId, users.id),
          inArray(segmentMembers.segmentId, viewer.segmentIds),
        ),
      ),
  );
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(
      and(
        eq(users.organizationId, viewer.organizationId),
        eq(users.active, true),
        viewer.role === "admin" ? undefined : memberOfViewerSegments,
      ),
    )
    .orderBy(asc(users.name));
}

/** Whose carteira the viewer may filter by: whom they may assign, or, for an operator, themselves. */
export async function listResponsibleFilterOptions(viewer: Viewer): Promise<UserOption[]> {
  return (await listAssignableResponsibles(viewer)) ?? [{ id: viewer.userId, name: viewer.name }];
}

/** Everyone of the organization, deactivated users too (the audit log names them). Admins only. */
export async function listOrganizationUsers(viewer: Viewer): Promise<UserOption[] | null> {
  if (refuseNonAdmin(viewer)) return null;
  return getDb()
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.organizationId, viewer.organizationId))
    .orderBy(asc(users.name));
}
