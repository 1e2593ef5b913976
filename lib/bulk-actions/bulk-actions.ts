import "server-only";
import { and, desc, eq, inArray, sql, TransactionRollbackError, type SQL } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import { bulkActions, contacts, type BulkActionParams, type BulkActionStatus } from "@/db/schema";
import { failure, type ActionResult, type FieldErrors } from "@/lib/actions/result";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { parseContactFilters, type ContactFilters } from "@/lib/contacts/contact-filters";
import { matching } from "@/lib/contacts/contact-list";
import { contactListHref } from "@/lib/contacts/list-link";
import { readStoredFilters, toStoredFilters } from "@/lib/contacts/stored-filters";
import { contactVisibleTo } from "@/lib/contacts/visibility";
import { listAssignableSegments } from "@/lib/segments/queries";
import { listAssignableResponsibles } from "@/lib/users/queries";
import type { BulkActionInput, BulkOperation } from "./bulk-action-input";
import { bulkActionKinds, type BulkActionKind } from "./kinds";
import { operationFor, permittedFor } from "./operations";
import { enqueueBulkActionJob } from "./runner";

/** How long a bulk action can be undone. */
export const UNDO_WINDOW_HOURS = 24;

export type BulkPreview = { matched: number; willChange: number; unchanged: number; skipped: number };

/**
 * The whole action against the permission matrix, before any contact is looked at: who may do it at
 * all, and whether the chosen responsável or segments are ones the viewer may assign. Returns the
 * parameters the action stores, with names, so its log still reads after renames.
 */
async function authorize(viewer: Viewer, operation: BulkOperation): Promise<{ ok: true; params: BulkActionParams } | { ok: false; fieldErrors: FieldErrors; message: string }> {
  const refuse = (field: string, message: string) => ({ ok: false as const, fieldErrors: { [field]: [message] }, message });
  switch (operation.kind) {
    case "set_responsible": {
      const allowed = await listAssignableResponsibles(viewer);
      if (allowed === null) return refuse("userId", "Operadores não escolhem o responsável.");
      if (operation.userId === null) return { ok: true, params: { userId: null, userName: null } };
      const user = allowed.find((u) => u.id === operation.userId);
      if (!user) return refuse("userId", "Escolha um responsável da lista.");
      return { ok: true, params: { userId: user.id, userName: user.name } };
    }
    case "add_segments":
    case "remove_segments": {
      const assignable = await listAssignableSegments(viewer);
      const chosen = assignable.filter((s) => operation.segmentIds.includes(s.id));
      if (chosen.length !== operation.segmentIds.length) return refuse("segmentIds", "Escolha apenas segmentos da sua carteira.");
      return { ok: true, params: { segmentIds: chosen.map((s) => s.id), segmentNames: chosen.map((s) => s.name) } };
    }
    case "delete":
      if (!can(viewer.role, "contacts.delete")) return refuse("kind", "Apenas administradores excluem contatos.");
      return { ok: true, params: {} };
    case "set_priority":
      return { ok: true, params: { priority: operation.priority } };
    case "add_tags":
    case "remove_tags":
      return { ok: true, params: { tags: operation.tags } };
  }
}

/**
 * The bulk actions the list offers the viewer, by the same rules authorize() enforces: choosing
 * responsáveis and deleting need their capabilities; segment actions need segments to assign.
 */
export function offeredBulkActions(viewer: Viewer, assignableSegments: number): BulkActionKind[] {
  return bulkActionKinds.filter((kind) => {
    if (kind === "set_responsible") return can(viewer.role, "contacts.changeResponsible");
    if (kind === "delete") return can(viewer.role, "contacts.delete");
    if (kind === "add_segments" || kind === "remove_segments") return assignableSegments > 0;
    return true;
  });
}

/** The list's filters an "all matching" scope names, read as the list reads its URL. */
function scopeFilters(scope: { query: string }): ContactFilters {
  return parseContactFilters(new URLSearchParams(scope.query));
}

/** The visible contacts the action targets: the selected rows, or all those matching the list's filters. */
function targets(viewer: Viewer, scope: BulkActionInput["scope"]): SQL {
  if ("ids" in scope) return and(contactVisibleTo(viewer), inArray(contacts.id, scope.ids))!;
  return and(...matching(viewer, scopeFilters(scope)))!;
}

/** What the confirmation says before anything changes: how many will change, are already so, or are skipped. */
export async function previewBulkAction(viewer: Viewer, input: BulkActionInput): Promise<ActionResult<BulkPreview>> {
  const authorized = await authorize(viewer, input.operation);
  if (!authorized.ok) return failure("forbidden", authorized.message, authorized.fieldErrors);
  const { kind } = input.operation;
  const permitted = permittedFor(viewer, kind, authorized.params);
  const changes = kind === "delete" ? sql`true` : operationFor(viewer.organizationId, kind, authorized.params).changes;
  const [counts] = await getDb()
    .select({
      visible: sql<number>`count(*)::int`,
      willChange: sql<number>`(count(*) filter (where ${permitted} and ${changes}))::int`,
      unchanged: sql<number>`(count(*) filter (where ${permitted} and not ${changes}))::int`,
    })
    .from(contacts)
    .where(targets(viewer, input.scope));
  // Selected ids the viewer cannot see (gone, or forged) are skipped like the forbidden ones.
  const matched = "ids" in input.scope ? input.scope.ids.length : counts.visible;
  return { ok: true, matched, willChange: counts.willChange, unchanged: counts.unchanged, skipped: matched - counts.willChange - counts.unchanged };
}

/**
 * Starts a bulk action: freezes the contacts it targets (so that contacts changing filter while it
 * runs are neither missed nor done twice) and enqueues its job in the same transaction: the work
 * is done in the background by runBulkActionJob, on whichever worker takes it.
 */
export async function startBulkAction(viewer: Viewer, input: BulkActionInput): Promise<ActionResult<{ id: string }>> {
  const authorized = await authorize(viewer, input.operation);
  if (!authorized.ok) return failure("forbidden", authorized.message, authorized.fieldErrors);
  const organizationId = viewer.organizationId;
  return getDb().transaction(async (tx) => {
    const [action] = await tx
      .insert(bulkActions)
      .values({
        organizationId,
        actorUserId: viewer.userId,
        actorName: viewer.name,
        kind: input.operation.kind,
        params: authorized.params,
        listFilters: "query" in input.scope ? toStoredFilters(scopeFilters(input.scope)) : null,
        total: 0,
      })
      .returning({ id: bulkActions.id });
    // A selection is frozen as sent: ids the viewer cannot see are skipped (and counted) when run.
    const chosen =
      "ids" in input.scope
        ? sql`select ${organizationId}::uuid, ${action.id}::uuid, id from unnest(array[${sql.join(input.scope.ids.map((id) => sql`${id}::uuid`), sql`, `)}]) as id`
        : sql`select ${organizationId}::uuid, ${action.id}::uuid, contacts.id from contacts where ${targets(viewer, input.scope)}`;
    const [{ total }] = rowsOf<{ total: number }>(
      await tx.execute(sql`
        with chosen as (insert into bulk_action_items (organization_id, bulk_action_id, contact_id) ${chosen} on conflict do nothing returning 1)
        update bulk_actions set total = (select count(*)::int from chosen)
        where organization_id = ${organizationId}::uuid and id = ${action.id}::uuid returning total`),
    );
    if (total === 0) tx.rollback();
    await enqueueBulkActionJob(tx, organizationId, action.id);
    return { ok: true as const, id: action.id };
  }).catch((error: unknown) => {
    if (isRollback(error)) return failure("invalid", "Nenhum contato corresponde a esta seleção.");
    throw error;
  });
}

function isRollback(error: unknown) {
  return error instanceof TransactionRollbackError;
}

export type BulkActionSummary = {
  id: string;
  actorName: string;
  kind: BulkOperation["kind"];
  params: BulkActionParams;
  /** The list with the filters the action was applied to ("all matching"), null for a selection. */
  listHref: string | null;
  status: BulkActionStatus;
  total: number;
  processed: number;
  changed: number;
  unchanged: number;
  skipped: number;
  undone: number;
  keptOnUndo: number;
  createdAt: Date;
  finishedAt: Date | null;
  undoneByName: string | null;
  undoneAt: Date | null;
  error: string | null;
  canUndo: boolean;
};

const summaryColumns = {
  id: bulkActions.id,
  actorUserId: bulkActions.actorUserId,
  actorName: bulkActions.actorName,
  kind: bulkActions.kind,
  params: bulkActions.params,
  listFilters: bulkActions.listFilters,
  status: bulkActions.status,
  total: bulkActions.total,
  processed: bulkActions.processed,
  changed: bulkActions.changed,
  unchanged: bulkActions.unchanged,
  skipped: bulkActions.skipped,
  undone: bulkActions.undone,
  keptOnUndo: bulkActions.keptOnUndo,
  createdAt: bulkActions.createdAt,
  finishedAt: bulkActions.finishedAt,
  undoneByName: bulkActions.undoneByName,
  undoneAt: bulkActions.undoneAt,
  error: bulkActions.error,
  undoOpen: sql<boolean>`${bulkActions.createdAt} > now() - make_interval(hours => ${UNDO_WINDOW_HOURS})`,
};

// Everyone sees the bulk actions they ran; an admin sees the organization's.
function viewerMaySee(viewer: Viewer) {
  return and(
    eq(bulkActions.organizationId, viewer.organizationId),
    can(viewer.role, "bulkActions.viewAll") ? undefined : eq(bulkActions.actorUserId, viewer.userId),
  )!;
}

type SummaryRow = { actorUserId: string; undoOpen: boolean; listFilters: unknown } & Omit<BulkActionSummary, "canUndo" | "listHref">;

function toSummary(viewer: Viewer, { actorUserId: _, undoOpen, listFilters, ...row }: SummaryRow): BulkActionSummary {
  const canUndo = row.status === "done" && row.changed > 0 && undoOpen && (row.kind !== "delete" || can(viewer.role, "contacts.delete"));
  return { ...row, listHref: listFilters === null ? null : contactListHref(readStoredFilters(listFilters)), canUndo };
}

/** The "Ações em massa" log: the latest bulk actions the viewer may see, newest first. */
export async function listBulkActions(viewer: Viewer, limit = 50): Promise<BulkActionSummary[]> {
  const rows = await getDb().select(summaryColumns).from(bulkActions).where(viewerMaySee(viewer)).orderBy(desc(bulkActions.createdAt)).limit(limit);
  return rows.map((row) => toSummary(viewer, row));
}

export async function getBulkAction(viewer: Viewer, id: string): Promise<BulkActionSummary | null> {
  const [row] = await getDb().select(summaryColumns).from(bulkActions).where(and(viewerMaySee(viewer), eq(bulkActions.id, id)));
  return row ? toSummary(viewer, row) : null;
}

/**
 * Asks for the whole action to be undone, by a job enqueued with the request: only when it
 * finished less than UNDO_WINDOW_HOURS ago, by whoever ran it or an admin, once.
 */
export async function requestBulkUndo(viewer: Viewer, id: string): Promise<ActionResult> {
  const action = await getBulkAction(viewer, id);
  if (!action) return failure("not_found", "Ação em massa não encontrada.");
  if (!action.canUndo) {
    return failure("conflict", action.status === "done" ? "Esta ação não pode mais ser desfeita." : "Esta ação não está concluída.");
  }
  return getDb().transaction(async (tx) => {
    const [updated] = await tx
      .update(bulkActions)
      .set({ status: "undoing", undoRequestedAt: new Date(), undoneByUserId: viewer.userId, undoneByName: viewer.name })
      .where(and(viewerMaySee(viewer), eq(bulkActions.id, id), eq(bulkActions.status, "done")))
      .returning({ id: bulkActions.id });
    if (!updated) return failure("conflict", "Esta ação já está sendo desfeita.");
    await enqueueBulkActionJob(tx, viewer.organizationId, id);
    return { ok: true as const };
  });
}

/** Items are kept for undo only: past its window they go (a scheduled job). Returns how many. */
export async function purgeExpiredBulkItems(): Promise<number> {
  const [{ count }] = rowsOf<{ count: number }>(
    await getDb().execute(sql`
      with gone as (
        delete from bulk_action_items bi using bulk_actions a
        where a.organization_id = bi.organization_id and a.id = bi.bulk_action_id
          and a.status not in ('running', 'undoing') and a.created_at < now() - make_interval(hours => ${UNDO_WINDOW_HOURS})
        returning 1)
      select count(*)::int as count from gone`),
  );
  return count;
}
