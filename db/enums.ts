// Every enumeration of the data model, in one module with no imports: the schema builds its CHECK
// constraints from these arrays, the zod schemas and the UI's labels read the same ones, and the
// browser can import it without pulling in the database.

export const roles = ["operator", "supervisor", "admin"] as const;
export type Role = (typeof roles)[number];

export const priorities = ["high", "medium", "low"] as const;
export type Priority = (typeof priorities)[number];

export const documentTypes = ["cpf", "cnpj"] as const;
export type DocumentType = (typeof documentTypes)[number];

/** Through what a contact changed, as its history shows it. */
export const changeSources = ["form", "import", "api", "system", "bulk", "undo", "handover", "segment", "import_undo", "live"] as const;
export type ChangeSource = (typeof changeSources)[number];

export const historyActions = ["create", "update", "reveal_document", "delete", "restore"] as const;
export type HistoryAction = (typeof historyActions)[number];

export const bulkActionKinds = [
  "set_responsible",
  "set_priority",
  "add_tags",
  "remove_tags",
  "add_segments",
  "remove_segments",
  "delete",
] as const;
export type BulkActionKind = (typeof bulkActionKinds)[number];

// running → done → undoing → undone; failed when a run cannot go on (its actor was deactivated).
export const bulkActionStatuses = ["running", "done", "undoing", "undone", "failed"] as const;
export type BulkActionStatus = (typeof bulkActionStatuses)[number];

// pending → changed | unchanged | skipped; on undo, changed → undone | kept.
export const bulkActionItemStates = ["pending", "changed", "unchanged", "skipped", "undone", "kept"] as const;
export type BulkActionItemState = (typeof bulkActionItemStates)[number];

export const auditActions = [
  "user.create",
  "user.role_change",
  "user.segments_change",
  "user.deactivate",
  "user.responsibles_handover",
  "contact.responsible_change",
  "contacts.bulk_responsible",
  "contacts.export",
  "segment.create",
  "segment.update",
  "segment.archive",
  "segment.member_add",
  "segment.member_remove",
  "api_key.create",
  "api_key.revoke",
] as const;
export type AuditAction = (typeof auditActions)[number];

// uploaded → previewing → previewed → running → done | cancelled | failed; done or cancelled → undoing → undone.
export const importStatuses = ["uploaded", "previewing", "previewed", "running", "done", "cancelled", "failed", "undoing", "undone"] as const;
export type ImportStatus = (typeof importStatuses)[number];

// pending → created | updated | unchanged | failed; on undo, created/updated → undone | kept.
export const importRowStates = ["pending", "created", "updated", "unchanged", "failed", "undone", "kept"] as const;
export type ImportRowState = (typeof importRowStates)[number];

/** The channels a customer reaches the company through (Live, templates, campaigns). */
export const channels = ["whatsapp", "sms", "email"] as const;
export type Channel = (typeof channels)[number];

// waiting (in its queue) → open (with an operator) → closed (with an outcome); a transfer to a queue puts it back to waiting.
export const attendanceStatuses = ["waiting", "open", "closed"] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

export const attendanceOutcomes = ["resolved", "unresolved", "no_reply", "wrong_contact"] as const;
export type AttendanceOutcome = (typeof attendanceOutcomes)[number];

export const messageDirections = ["inbound", "outbound"] as const;
export type MessageDirection = (typeof messageDirections)[number];

// An inbound message is received; an outbound one waits in the outbox (queued) until a provider sends it.
export const messageStatuses = ["received", "queued", "sent", "failed"] as const;
export type MessageStatus = (typeof messageStatuses)[number];

export const operatorStatuses = ["available", "paused"] as const;
export type OperatorStatus = (typeof operatorStatuses)[number];

/** A contact's answer, per channel, to "may we send you messages here?" (LGPD); no answer: not reachable. */
export const consentStatuses = ["granted", "denied"] as const;
export type ConsentStatus = (typeof consentStatuses)[number];

// sending (its messages being written into the outbox) → sent | failed.
export const campaignStatuses = ["sending", "sent", "failed"] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];
