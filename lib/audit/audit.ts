import "server-only";
import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import { getDb, type Database, type Transaction } from "@/db/client";
import { auditEvents, type AuditAction } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { actingUserId, type Viewer } from "@/lib/auth/viewer";
import { startOfDay, startOfNextDay } from "@/lib/sql/brasilia-days";
import { decodeCursor, encodeCursor } from "@/lib/sql/keyset-cursor";
import type { AuditFilters } from "./audit-filters";

export type AuditEntry = {
  action: AuditAction;
  targetId: string | null;
  /** What the target was called at the time: the log still reads after renames. */
  targetLabel: string;
  details?: Record<string, unknown>;
};

/**
 * Records an administrative change, in the transaction that makes it: both happen or neither.
 * What changes nothing (an export) is recorded on its own, on the database itself.
 */
export async function recordAudit(tx: Transaction | Database, viewer: Viewer, entry: AuditEntry) {
  await tx.insert(auditEvents).values({
    organizationId: viewer.organizationId,
    actorUserId: actingUserId(viewer),
    actorName: viewer.name,
    action: entry.action,
    targetId: entry.targetId,
    targetLabel: entry.targetLabel,
    details: entry.details ?? {},
  });
}

export type AuditEvent = {
  id: string;
  actorName: string;
  action: AuditAction;
  targetLabel: string;
  details: Record<string, unknown>;
  createdAt: Date;
};

const PAGE_SIZE = 50;

/**
 * The organization's audit log, newest first, filtered by who, what and when (days in Brasília
 * time), keyset-paginated by `before`. Admins only: null for anyone else.
 */
export async function listAuditEvents(viewer: Viewer, filters: AuditFilters): Promise<{ events: AuditEvent[]; nextCursor: string | null } | null> {
  if (!can(viewer.role, "audit.view")) return null;
  const cursor = decodeCursor(filters.before, ["timestamptz", "uuid"]);
  const rows = await getDb()
    .select({
      id: auditEvents.id,
      actorName: auditEvents.actorName,
      action: auditEvents.action,
      targetLabel: auditEvents.targetLabel,
      details: auditEvents.details,
      createdAt: auditEvents.createdAt,
      key: sql<string>`${auditEvents.createdAt}::text`,
    })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.organizationId, viewer.organizationId),
        filters.user ? eq(auditEvents.actorUserId, filters.user) : undefined,
        filters.action ? eq(auditEvents.action, filters.action) : undefined,
        filters.from ? gte(auditEvents.createdAt, startOfDay(filters.from)) : undefined,
        filters.to ? lt(auditEvents.createdAt, startOfNextDay(filters.to)) : undefined,
        cursor ? sql`(${auditEvents.createdAt}, ${auditEvents.id}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(PAGE_SIZE + 1);
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  return {
    events: page.map(({ key: _, ...event }) => event),
    nextCursor: rows.length > PAGE_SIZE && last ? encodeCursor([last.key, last.id]) : null,
  };
}
