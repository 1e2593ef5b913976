import "server-only";
import { and, asc, desc, eq, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { savedFilters, users } from "@/db/schema";
import { failure, invalidInputMessage, type ActionResult } from "@/lib/actions/result";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { parseContactFilters, type ContactFilters } from "@/lib/contacts/contact-filters";
import { contactListHref } from "@/lib/contacts/list-link";
import { readStoredFilters, toStoredFilters, type StoredContactFilters } from "@/lib/contacts/stored-filters";
import { parseId } from "@/lib/sql/ids";
import type { SavedFilterInput } from "./saved-filter-input";

export type SaveFilterResult = ActionResult<{ id: string; filters: StoredContactFilters }>;

/** A saved filter as the list shows it: `href` opens the list with its filters. */
export type SavedFilter = { id: string; name: string; href: string; shared: boolean; ownerName: string; mine: boolean };

/** The viewer's own saved filters and those shared with their organization. */
export async function listSavedFilters(viewer: Viewer): Promise<SavedFilter[]> {
  const rows = await getDb()
    .select({
      id: savedFilters.id,
      name: savedFilters.name,
      filters: savedFilters.filters,
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
  return rows.map(({ ownerUserId, filters, ...row }) => ({
    ...row,
    href: contactListHref(readStoredFilters(filters)),
    mine: ownerUserId === viewer.userId,
  }));
}

/**
 * Saves the list's current filters (its URL query, as the form sends it) under a name, for the
 * viewer; shared with the organization only by an admin. What is stored is the parsed filters and
 * sort, as versioned JSON: no page, no cursor, nothing the list would not read.
 */
export async function saveFilter(viewer: Viewer, input: SavedFilterInput): Promise<SaveFilterResult> {
  if (input.shared && !can(viewer.role, "savedFilters.share")) {
    return failure("forbidden", invalidInputMessage, { shared: ["Apenas administradores compartilham filtros."] });
  }
  const filters = toStoredFilters(parseContactFilters(new URLSearchParams(input.query)));
  const [saved] = await getDb()
    .insert(savedFilters)
    .values({ organizationId: viewer.organizationId, ownerUserId: viewer.userId, name: input.name, filters, shared: input.shared })
    .onConflictDoNothing()
    .returning({ id: savedFilters.id });
  if (!saved) return failure("invalid", invalidInputMessage, { name: ["Você já tem um filtro com este nome."] });
  return { ok: true, id: saved.id, filters };
}

/** Deletes a saved filter of the viewer's (an admin may also delete shared ones). */
export async function deleteSavedFilter(viewer: Viewer, rawId: string): Promise<ActionResult> {
  const id = parseId(rawId);
  const mayDelete = can(viewer.role, "savedFilters.share")
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

/**
 * One saved filter the viewer may use (their own, or one shared with the organization), with its
 * filters as the list reads them; null for anything else, a malformed id included.
 */
export async function getUsableSavedFilter(viewer: Viewer, rawId: string): Promise<{ id: string; name: string; stored: StoredContactFilters; filters: ContactFilters } | null> {
  const id = parseId(rawId);
  if (!id) return null;
  const [row] = await getDb()
    .select({ id: savedFilters.id, name: savedFilters.name, filters: savedFilters.filters })
    .from(savedFilters)
    .where(
      and(
        eq(savedFilters.organizationId, viewer.organizationId),
        eq(savedFilters.id, id),
        or(eq(savedFilters.ownerUserId, viewer.userId), eq(savedFilters.shared, true)),
      ),
    );
  if (!row) return null;
  const filters = readStoredFilters(row.filters);
  return { id: row.id, name: row.name, stored: toStoredFilters(filters), filters };
}
