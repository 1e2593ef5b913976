import "server-only";
import { auditEvents, type AuditAction } from "@/db/schema";
import type { Transaction } from "@/db/client";
import type { Viewer } from "@/lib/auth/viewer";

export type AuditEntry = {
  action: AuditAction;
  targetId: string | null;
  /** What the target was called at the time: the log still reads after renames. */
  targetLabel: string;
  details?: Record<string, unknown>;
};

/** Records an administrative change, in the transaction that makes it: both happen or neither. */
export async function recordAudit(tx: Transaction, viewer: Viewer, entry: AuditEntry) {
  await tx.insert(auditEvents).values({
    organizationId: viewer.organizationId,
    actorUserId: viewer.userId,
    actorName: viewer.name,
    action: entry.action,
    targetId: entry.targetId,
    targetLabel: entry.targetLabel,
    details: entry.details ?? {},
  });
}
