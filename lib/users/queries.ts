import "server-only";
import { and, asc, eq, exists, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { segmentMembers, users } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";

export type UserOption = { id: string; name: string };

/**
 * Who the viewer may make responsável for a contact (lib/auth/permissions.ts): any active user of
 * the organization, or the active members of the viewer's segments; null when the choice is not
 * the viewer's at all. With `only` (parsed ids), just those of them: the names a filter shows.
 */
export async function listAssignableResponsibles(viewer: Viewer, only?: string[]): Promise<UserOption[] | null> {
  if (!can(viewer.role, "contacts.changeResponsible")) return null;
  const anyone = can(viewer.role, "contacts.changeResponsibleToAnyone");
  if ((!anyone && viewer.segmentIds.length === 0) || only?.length === 0) return [];
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
        anyone ? undefined : memberOfViewerSegments,
        only ? inArray(users.id, only) : undefined,
      ),
    )
    .orderBy(asc(users.name));
}

/** Whose carteira the viewer may filter by: whom they may assign, or, for an operator, themselves. With `only`, just those of them. */
export async function listResponsibleFilterOptions(viewer: Viewer, only?: string[]): Promise<UserOption[]> {
  const self = [{ id: viewer.userId, name: viewer.name }].filter((user) => !only || only.includes(user.id));
  return (await listAssignableResponsibles(viewer, only)) ?? self;
}

/** Everyone of the organization, deactivated users too (the audit log names them). For readers of the audit log. */
export async function listOrganizationUsers(viewer: Viewer): Promise<UserOption[] | null> {
  if (!can(viewer.role, "audit.view")) return null;
  return getDb()
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.organizationId, viewer.organizationId))
    .orderBy(asc(users.name));
}
