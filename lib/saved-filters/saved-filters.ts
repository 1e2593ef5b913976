import "server-only";
import { and, asc, desc, eq, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { savedFilters, users } from "@/db/schema";
import { failure, invalidInputMessage, type ActionResult } from "@/lib/actions/result";
import type { Viewer } from "@/lib/auth/viewer";
import { filtersToSearchParams, parseContactFilters } from "@/lib/contacts/contact-filters";
import { parseId } from "@/lib/sql/ids";
import type { SavedFilterInput } from "./saved-filter-input";

/** Sharing a filter with the whole organization — and deleting shared ones — is an admin's call. */
export function canShareSavedFilters(viewer: Viewer) {
  return viewer.role === "admin";
}

export type SavedFilter = { id: string; name: string; query: string; shared: boolean; ownerName: string; mine: boolean };

/** The viewer's own saved filters and those shared with their organization. */
export async function listSavedFilters(viewer: Viewer): Promise<SavedFilter[]> {
  const rows = await getDb()
    .select({
      id: savedFilters.id,
      name: savedFilters.name,
      query: savedFilters.query,
      shared: savedFilters.shared,
      ownerUserId: savedFilters.ownerUserId,
      ownerName: users.name,
    })
    .from(savedFilters)
    .innerJoin(users, and(eq(users.organizationId, savedFilters.organizationId), eq(users.id, savedFilters.ownerUserId)))
    .where(
      and(
        eq(savedFilters.organizationId, viewer.organizationId),
        or(eq(savedFilters.ownerUserId, viewer.userId), eq(savedFilters.shared, true)),
      ),
    )
    .orderBy(desc(savedFilters.shared), asc(savedFilters.name));
  return rows.map(({ ownerUserId, ...row }) => ({ ...row, mine: ownerUserId === viewer.userId }));
}

/**
 * Saves the list's current filters under a name, for the viewer; shared with the organization only
 * by an admin. The query is re-written from parsed filters, without page cursors, so a saved filter
 * holds nothing but filters and sort.
 */
export async function saveFilter(viewer: Viewer, input: SavedFilterInput): Promise<ActionResult<{ id: string; query: string }>> {
  if (input.shared && !canShareSavedFilters(viewer)) {
    return failure("forbidden", invalidInputMessage, { shared: ["Apenas administradores compartilham filtros."] });
  }
  const filters = parseContactFilters(new URLSearchParams(input.query));
  const query = filtersToSearchParams({ ...filters, after: undefined, before: undefined }).toString();
  const [saved] = await getDb()
    .insert(savedFilters)
    .values({ organizationId: viewer.organizationId, ownerUserId: viewer.userId, name: input.name, query, shared: input.shared })
    .onConflictDoNothing()
    .returning({ id: savedFilters.id });
  if (!saved) return failure("invalid", invalidInputMessage, { name: ["Você já tem um filtro com este nome."] });
  return { ok: true, id: saved.id, query };
}

/** Deletes a saved filter of the viewer's (an admin may also delete shared ones). */
export async function deleteSavedFilter(viewer: Viewer, rawId: string): Promise<ActionResult> {
  const id = parseId(rawId);
  const mayDelete = canShareSavedFilters(viewer)
    ? or(eq(savedFilters.ownerUserId, viewer.userId), eq(savedFilters.shared, true))
    : eq(savedFilters.ownerUserId, viewer.userId);
  const deleted = id
    ? await getDb()
        .delete(savedFilters)
        .where(and(eq(savedFilters.organizationId, viewer.organizationId), eq(savedFilters.id, id), mayDelete))
        .returning({ id: savedFilters.id })
    : [];
  return deleted.length > 0 ? { ok: true } : failure("not_found", "Filtro não encontrado.");
}
