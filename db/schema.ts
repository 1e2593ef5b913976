import { sql, type SQL } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import {
  attendanceOutcomes,
  attendanceStatuses,
  auditActions,
  channels,
  bulkActionItemStates,
  bulkActionKinds,
  bulkActionStatuses,
  campaignStatuses,
  changeSources,
  documentTypes,
  historyActions,
  importRowStates,
  importStatuses,
  messageDirections,
  messageStatuses,
  operatorStatuses,
  priorities,
  roles,
  type ChangeSource,
  type Channel,
  type ConsentStatus,
} from "./enums";

// Tenant-first: every table carries organization_id, and it leads every primary and unique key,
// so the data can later be distributed by organization (Citus) without reshaping it. Composite
// foreign keys on (organization_id, id) also make it impossible, at the database level, to link
// rows of two organizations (a contact to another organization's segment or user).
// Enumerations are text + CHECK rather than PostgreSQL enums: they evolve with a plain migration.
// Their values live in ./enums, the one list the CHECKs, the zod schemas and the UI all read.

export * from "./enums";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/** `column in ('a', 'b')` for a CHECK constraint: literal values, as PostgreSQL stores them. */
function oneOf(column: AnyPgColumn, values: readonly string[]): SQL {
  return sql`${column} in (${sql.raw(values.map((value) => `'${value.replaceAll("'", "''")}'`).join(", "))})`;
}

export const organizations = pgTable("organizations", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  createdAt: createdAt(),
});

export const users = pgTable(
  "users",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    role: text("role", { enum: roles }).notNull(),
    // An invited user who has not accepted yet holds an unusable placeholder (see lib/users/admin.ts).
    passwordHash: text("password_hash").notNull(),
    active: boolean("active").notNull().default(true),
    // Set when an admin chose the initial password: the user picks their own at first sign-in.
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    // Carried in the session cookie at sign-in and compared on every request (lib/auth/viewer.ts):
    // raising it ends every session signed in before (sign-out, password or role change, deactivation).
    sessionVersion: integer("session_version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    // Sign-in is by e-mail alone, before anyone knows the organization, so an e-mail names one
    // user across the whole installation: the one unique key without organization_id.
    uniqueIndex("users_email_key").on(t.email),
    check("users_role_check", oneOf(t.role, roles)),
  ],
);

export const segments = pgTable(
  "segments",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    // Archived segments keep their rows (history and audit name them) but hold no contacts or members.
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    // Unique among the segments in use: an archived "Cobrança" does not block a new one.
    uniqueIndex("segments_org_name_key").on(t.organizationId, t.name).where(sql`${t.archivedAt} is null`),
  ],
);

export const segmentMembers = pgTable(
  "segment_members",
  {
    organizationId: uuid("organization_id").notNull(),
    segmentId: uuid("segment_id").notNull(),
    userId: uuid("user_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.segmentId, t.userId] }),
    // The viewer's segments are loaded on every request by user.
    index("segment_members_user_idx").on(t.organizationId, t.userId),
    foreignKey({
      columns: [t.organizationId, t.segmentId],
      foreignColumns: [segments.organizationId, segments.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.organizationId, t.userId],
      foreignColumns: [users.organizationId, users.id],
    }).onDelete("cascade"),
  ],
);

/** One channel's recorded consent: the answer, and when, through what and by whom it was recorded. */
export type ConsentRecord = { status: ConsentStatus; at: string; source: ChangeSource; by: string };
export type ContactConsent = Partial<Record<Channel, ConsentRecord>>;

export const contacts = pgTable(
  "contacts",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    document: text("document").notNull(),
    documentType: text("document_type", { enum: documentTypes }).notNull(),
    customerCode: text("customer_code").notNull(),
    responsibleUserId: uuid("responsible_user_id"),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    priority: text("priority", { enum: priorities }).notNull().default("medium"),
    // Sorts "Alta first" with a plain index; text would sort high < low < medium.
    priorityRank: smallint("priority_rank")
      .notNull()
      .generatedAlwaysAs(sql`case priority when 'high' then 3 when 'medium' then 2 else 1 end`),
    // Kept as arrays: they are written with the contact in one row and read with it.
    phones: text("phones").array().notNull().default(sql`'{}'::text[]`),
    emails: text("emails").array().notNull().default(sql`'{}'::text[]`),
    // A copy of the contact's contact_segments rows, kept by triggers on that table (migration 0016):
    // "in one of my segments" becomes a condition on the row itself, served by a GIN index and
    // estimated from the column's statistics, instead of a semi-join rebuilt on every request.
    segmentIds: uuid("segment_ids").array().notNull().default(sql`'{}'::uuid[]`),
    // Per channel, whether the contact accepts messages there, and when, through what and by whom
    // that was recorded (LGPD). Part of the row: it is written, versioned and historied with it.
    consent: jsonb("consent").$type<ContactConsent>().notNull().default({}),
    // Optimistic concurrency: every update must name the version it read.
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedByUserId: uuid("updated_by_user_id"),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex("contacts_org_customer_code_key").on(t.organizationId, t.customerCode),
    uniqueIndex("contacts_org_document_key").on(t.organizationId, t.document),
    // One index per sort of the list, each ending in id for the keyset. Ascending on purpose: read
    // backwards it gives exactly `ORDER BY … DESC` (nulls first), read forwards the previous page.
    index("contacts_org_created_idx").on(t.organizationId, t.createdAt, t.id),
    index("contacts_org_updated_idx").on(t.organizationId, t.updatedAt, t.id),
    index("contacts_org_name_idx").on(t.organizationId, t.name, t.id),
    index("contacts_org_priority_idx").on(t.organizationId, t.priorityRank, t.createdAt, t.id),
    // Quick search: a fragment of the name, case- and accent-insensitive.
    index("contacts_name_search_idx").using("gin", sql`f_unaccent(lower(${t.name})) gin_trgm_ops`),
    // Quick search: the código do cliente, exact or a prefix, whatever the case it was typed or stored in.
    index("contacts_org_code_search_idx").on(t.organizationId, sql`lower(${t.customerCode}) text_pattern_ops`),
    // Quick search: a prefix of any e-mail. f_email_list is " a@x.com b@y.com" (see migration 0015),
    // so `like '% leonardo.silva@emp%'` is "an e-mail starts with it", narrowed by trigrams.
    index("contacts_email_search_idx").using("gin", sql`f_email_list(${t.emails}) gin_trgm_ops`),
    // Filters by hashtag (all of / any of) and searches by phone or e-mail: array containment.
    index("contacts_tags_idx").using("gin", t.tags),
    index("contacts_phones_idx").using("gin", t.phones),
    index("contacts_emails_idx").using("gin", t.emails),
    // "Contacts in one of my segments" and the segment filter: array overlap.
    index("contacts_segment_ids_idx").using("gin", t.segmentIds),
    // "Contacts I am responsável for", part of the visibility predicate.
    index("contacts_org_responsible_idx").on(t.organizationId, t.responsibleUserId),
    foreignKey({
      columns: [t.organizationId, t.responsibleUserId],
      foreignColumns: [users.organizationId, users.id],
    }),
    check("contacts_priority_check", oneOf(t.priority, priorities)),
    check("contacts_document_type_check", oneOf(t.documentType, documentTypes)),
  ],
);

export const contactSegments = pgTable(
  "contact_segments",
  {
    organizationId: uuid("organization_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    segmentId: uuid("segment_id").notNull(),
  },
  (t) => [
    // The links are the source of truth (with foreign keys); contacts.segment_ids mirrors them.
    primaryKey({ columns: [t.organizationId, t.contactId, t.segmentId] }),
    index("contact_segments_segment_idx").on(t.organizationId, t.segmentId, t.contactId),
    foreignKey({
      columns: [t.organizationId, t.contactId],
      foreignColumns: [contacts.organizationId, contacts.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.organizationId, t.segmentId],
      foreignColumns: [segments.organizationId, segments.id],
    }).onDelete("cascade"),
  ],
);

export type HistoryChange = { field: string; from: unknown; to: unknown };

export const contactHistory = pgTable(
  "contact_history",
  {
    organizationId: uuid("organization_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    // No foreign key: the history of a deleted contact is kept.
    contactId: uuid("contact_id").notNull(),
    actorUserId: uuid("actor_user_id"),
    // Copied so the history keeps the name even if the user is renamed or deactivated.
    actorName: text("actor_name").notNull(),
    source: text("source", { enum: changeSources }).notNull(),
    action: text("action", { enum: historyActions }).notNull(),
    changes: jsonb("changes").$type<HistoryChange[]>().notNull().default([]),
    // The bulk action that wrote this row (source bulk or undo): its undo reads the changes back.
    batchId: uuid("batch_id"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index("contact_history_contact_idx").on(t.organizationId, t.contactId, t.createdAt.desc()),
    index("contact_history_batch_idx").on(t.organizationId, t.batchId, t.contactId).where(sql`${t.batchId} is not null`),
    check("contact_history_source_check", oneOf(t.source, changeSources)),
    check("contact_history_action_check", oneOf(t.action, historyActions)),
  ],
);

/** What a bulk action sets, with the names it showed, so the log still reads after renames. */
export type BulkActionParams = {
  userId?: string | null;
  userName?: string | null;
  priority?: string;
  tags?: string[];
  segmentIds?: string[];
  segmentNames?: string[];
};

// A bulk action is worked by the job engine; what the user sees (options, counts, progress) lives
// here, so progress survives a reload and a restart.
export const bulkActions = pgTable(
  "bulk_actions",
  {
    organizationId: uuid("organization_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    actorUserId: uuid("actor_user_id").notNull(),
    actorName: text("actor_name").notNull(),
    kind: text("kind", { enum: bulkActionKinds }).notNull(),
    params: jsonb("params").$type<BulkActionParams>().notNull(),
    // The list's filters when applied to "all matching" (lib/contacts/stored-filters.ts), null for
    // a selection of rows.
    listFilters: jsonb("list_filters"),
    status: text("status", { enum: bulkActionStatuses }).notNull().default("running"),
    total: integer("total").notNull(),
    processed: integer("processed").notNull().default(0),
    changed: integer("changed").notNull().default(0),
    unchanged: integer("unchanged").notNull().default(0),
    skipped: integer("skipped").notNull().default(0),
    undone: integer("undone").notNull().default(0),
    // Contacts changed again after the bulk action: its undo leaves them as they are.
    keptOnUndo: integer("kept_on_undo").notNull().default(0),
    createdAt: createdAt(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    undoRequestedAt: timestamp("undo_requested_at", { withTimezone: true }),
    undoneByUserId: uuid("undone_by_user_id"),
    undoneByName: text("undone_by_name"),
    undoneAt: timestamp("undone_at", { withTimezone: true }),
    // The run of its job that works on it now (lib/bulk-actions/runner.ts): a run that lost it writes nothing.
    runToken: text("run_token"),
    // The engine's job that carries it on now: a job finished while the action is not is an orphan.
    jobId: uuid("job_id"),
    error: text("error"),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index("bulk_actions_org_created_idx").on(t.organizationId, t.createdAt),
    // The minute's check for orphaned actions reads only the unfinished ones.
    index("bulk_actions_unfinished_idx").on(t.organizationId, t.id).where(sql`${t.status} in ('running', 'undoing')`),
    foreignKey({
      columns: [t.organizationId, t.actorUserId],
      foreignColumns: [users.organizationId, users.id],
    }),
    check("bulk_actions_kind_check", oneOf(t.kind, bulkActionKinds)),
    check("bulk_actions_status_check", oneOf(t.status, bulkActionStatuses)),
  ],
);

// The contacts a bulk action targets, frozen when it starts, with what each looked like before
// (only the fields it changes) and the version it left, so that undo restores exactly those
// contacts nobody has changed since.
export const bulkActionItems = pgTable(
  "bulk_action_items",
  {
    organizationId: uuid("organization_id").notNull(),
    bulkActionId: uuid("bulk_action_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    state: text("state", { enum: bulkActionItemStates }).notNull().default("pending"),
    before: jsonb("before"),
    versionAfter: integer("version_after"),
  },
  (t) => [
    // Chunks walk the items of one action in contact order.
    primaryKey({ columns: [t.organizationId, t.bulkActionId, t.contactId] }),
    foreignKey({
      columns: [t.organizationId, t.bulkActionId],
      foreignColumns: [bulkActions.organizationId, bulkActions.id],
    }).onDelete("cascade"),
    check("bulk_action_items_state_check", oneOf(t.state, bulkActionItemStates)),
  ],
);

// The dashboard of a big carteira, computed on the job engine and read as one row
// (lib/dashboard/dashboard.ts): `scope` is "all" for the viewers who see the whole organization,
// else the user and the segments their visibility depended on, so a membership change starts afresh.
export const dashboardSnapshots = pgTable(
  "dashboard_snapshots",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    scope: text("scope").notNull(),
    data: jsonb("data").notNull(),
    refreshedAt: timestamp("refreshed_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.scope] })],
);

export const savedFilters = pgTable(
  "saved_filters",
  {
    organizationId: uuid("organization_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    ownerUserId: uuid("owner_user_id").notNull(),
    name: text("name").notNull(),
    // The list's filters and sort as versioned JSON (lib/contacts/stored-filters.ts), not its URL
    // query, so the URL's parameters can change. Applying it opens the list with them, through the
    // same visibility predicate: it can never show more than the viewer may see.
    filters: jsonb("filters").notNull(),
    // Shared with the whole organization (admins only).
    shared: boolean("shared").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex("saved_filters_owner_name_key").on(t.organizationId, t.ownerUserId, t.name),
    foreignKey({
      columns: [t.organizationId, t.ownerUserId],
      foreignColumns: [users.organizationId, users.id],
    }).onDelete("cascade"),
  ],
);

// Every administrative change, for admins to read at /audit. Names are copied so the log still
// reads after renames and deactivations.
export const auditEvents = pgTable(
  "audit_events",
  {
    organizationId: uuid("organization_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    // Null when an integration acted through an API key (actor_name then names the key).
    actorUserId: uuid("actor_user_id"),
    actorName: text("actor_name").notNull(),
    action: text("action", { enum: auditActions }).notNull(),
    targetId: uuid("target_id"),
    targetLabel: text("target_label").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    // The log is read newest first, by date range, optionally by user or action.
    index("audit_events_org_created_idx").on(t.organizationId, t.createdAt),
    index("audit_events_org_actor_idx").on(t.organizationId, t.actorUserId, t.createdAt),
    index("audit_events_org_action_idx").on(t.organizationId, t.action, t.createdAt),
    foreignKey({
      columns: [t.organizationId, t.actorUserId],
      foreignColumns: [users.organizationId, users.id],
    }),
  ],
);

// An invitation to set one's password at /invite/[token]. Only the token's SHA-256 is stored: the
// link is shown once, to the admin who created the user.
export const userInvites = pgTable(
  "user_invites",
  {
    organizationId: uuid("organization_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    userId: uuid("user_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    // Looked up by token before anyone is signed in, so before the organization is known.
    uniqueIndex("user_invites_token_key").on(t.tokenHash),
    index("user_invites_user_idx").on(t.organizationId, t.userId),
    foreignKey({
      columns: [t.organizationId, t.userId],
      foreignColumns: [users.organizationId, users.id],
    }).onDelete("cascade"),
  ],
);

// Sign-in throttling (lib/auth/throttle.ts), in the database so that every app server sees the
// same counts. Keyed by client address and e-mail, before any organization is known; the row with
// an empty e-mail counts the address's failures across every e-mail.
export const signInThrottle = pgTable(
  "sign_in_throttle",
  {
    address: text("address").notNull(),
    email: text("email").notNull(),
    failures: integer("failures").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    // No attempt of this key is checked before this moment.
    retryAt: timestamp("retry_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.address, t.email] })],
);

export type Contact = typeof contacts.$inferSelect;
export type User = typeof users.$inferSelect;
export type Segment = typeof segments.$inferSelect;

/** The choices of an import (lib/import/settings.ts), as the job reads them. */
export type ImportSettingsColumn = import("@/lib/import/settings").ImportSettings;
/** What the dry run found (lib/import/view.ts). */
export type ImportPreviewColumn = import("@/lib/import/view").ImportPreview;

// An import of a CSV or Excel file (lib/import/): what the user sees (file, choices, status,
// counts, the dry run's findings), worked by the job engine like a bulk action.
export const imports = pgTable(
  "imports",
  {
    organizationId: uuid("organization_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    actorUserId: uuid("actor_user_id").notNull(),
    actorName: text("actor_name").notNull(),
    fileName: text("file_name").notNull(),
    fileBytes: bigint("file_bytes", { mode: "number" }).notNull().default(0),
    // "csv" or "xlsx"; for a CSV, how it is written, so the error file is written the same way.
    fileKind: text("file_kind").notNull(),
    encoding: text("encoding"),
    bom: boolean("bom").notNull().default(false),
    separator: text("separator"),
    header: text("header").array().notNull().default(sql`'{}'::text[]`),
    sampleRows: jsonb("sample_rows").$type<string[][]>().notNull().default([]),
    settings: jsonb("settings").$type<ImportSettingsColumn>(),
    status: text("status", { enum: importStatuses }).notNull().default("uploaded"),
    // Rows read from the file into import_rows; file_read once it was read whole.
    rowsRead: integer("rows_read").notNull().default(0),
    fileRead: boolean("file_read").notNull().default(false),
    processed: integer("processed").notNull().default(0),
    // The last line the phase under way (dry run, import, undo) has finished: a new run goes on after it.
    through: integer("through").notNull().default(0),
    created: integer("created").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    unchanged: integer("unchanged").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    preview: jsonb("preview").$type<ImportPreviewColumn>(),
    undone: integer("undone").notNull().default(0),
    keptOnUndo: integer("kept_on_undo").notNull().default(0),
    createdAt: createdAt(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    undoneByUserId: uuid("undone_by_user_id"),
    undoneAt: timestamp("undone_at", { withTimezone: true }),
    // The run of its job that works on it now, and the job that carries it (as for bulk actions).
    runToken: text("run_token"),
    jobId: uuid("job_id"),
    error: text("error"),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index("imports_org_created_idx").on(t.organizationId, t.createdAt),
    index("imports_unfinished_idx").on(t.organizationId, t.id).where(sql`${t.status} in ('previewing', 'running', 'undoing')`),
    foreignKey({
      columns: [t.organizationId, t.actorUserId],
      foreignColumns: [users.organizationId, users.id],
    }),
    check("imports_status_check", oneOf(t.status, importStatuses)),
  ],
);

// The uploaded file itself, in pieces of about 1 MB: in the database, so whichever worker runs the
// import reads it, and kept until the import's undo window ends (the error file is cut from it).
export const importFileChunks = pgTable(
  "import_file_chunks",
  {
    organizationId: uuid("organization_id").notNull(),
    importId: uuid("import_id").notNull(),
    seq: integer("seq").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.importId, t.seq] }),
    foreignKey({ columns: [t.organizationId, t.importId], foreignColumns: [imports.organizationId, imports.id] }).onDelete("cascade"),
  ],
);

// One row of the file per data line: its values as validated (or why it failed), then what the
// import did with it (the contact, its fields before, the version it left) so that undo restores
// exactly the contacts nobody changed since.
export const importRows = pgTable(
  "import_rows",
  {
    organizationId: uuid("organization_id").notNull(),
    importId: uuid("import_id").notNull(),
    line: integer("line").notNull(),
    // The key's value (código or document, normalized), and which fields the file gave.
    key: text("key"),
    given: text("given").array().notNull().default(sql`'{}'::text[]`),
    name: text("name"),
    document: text("document"),
    documentType: text("document_type"),
    customerCode: text("customer_code"),
    responsibleUserId: uuid("responsible_user_id"),
    tags: text("tags").array(),
    priority: text("priority"),
    phones: text("phones").array(),
    emails: text("emails").array(),
    segmentIds: uuid("segment_ids").array(),
    state: text("state", { enum: importRowStates }).notNull().default("pending"),
    error: text("error"),
    contactId: uuid("contact_id"),
    before: jsonb("before"),
    versionAfter: integer("version_after"),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.importId, t.line] }),
    foreignKey({ columns: [t.organizationId, t.importId], foreignColumns: [imports.organizationId, imports.id] }).onDelete("cascade"),
    check("import_rows_state_check", oneOf(t.state, importRowStates)),
  ],
);

// A column mapping saved by its user, by the headers it matched, to be offered again.
export const importMappings = pgTable(
  "import_mappings",
  {
    organizationId: uuid("organization_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    ownerUserId: uuid("owner_user_id").notNull(),
    name: text("name").notNull(),
    // Header (as written in the file) → field.
    columns: jsonb("columns").$type<Record<string, string>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex("import_mappings_owner_name_key").on(t.organizationId, t.ownerUserId, t.name),
    foreignKey({ columns: [t.organizationId, t.ownerUserId], foreignColumns: [users.organizationId, users.id] }).onDelete("cascade"),
  ],
);

// A key an integration authenticates with (Authorization: Bearer …): only its SHA-256 is stored,
// the key itself is shown once. Looked up by that hash before the organization is known, like a
// user's e-mail at sign-in: the one other unique key without organization_id.
export const apiKeys = pgTable(
  "api_keys",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    // The key's first characters, shown in the list so an admin can tell keys apart.
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull(),
    scopes: text("scopes").array().notNull().default(sql`'{}'::text[]`),
    // Restricted to these segments: the key then sees what a member of them sees; empty: the whole organization.
    segmentIds: uuid("segment_ids").array().notNull().default(sql`'{}'::uuid[]`),
    // The rate limit: requests per minute, counted in a fixed window kept on the row itself
    // (lib/api-keys/authenticate.ts), so every app server shares it.
    requestsPerMinute: integer("requests_per_minute").notNull().default(600),
    windowStartedAt: timestamp("window_started_at", { withTimezone: true }),
    windowRequests: integer("window_requests").notNull().default(0),
    createdByUserId: uuid("created_by_user_id").notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex("api_keys_secret_hash_key").on(t.secretHash),
    foreignKey({ columns: [t.organizationId, t.createdByUserId], foreignColumns: [users.organizationId, users.id] }),
  ],
);

export type ChannelPriorities = Record<(typeof channels)[number], number>;

// The organization's Live settings (lib/live/settings.ts); an organization without a row has the defaults.
export const liveSettings = pgTable("live_settings", {
  organizationId: uuid("organization_id")
    .primaryKey()
    .references(() => organizations.id),
  // Higher is served first; equal by default.
  channelPriorities: jsonb("channel_priorities").$type<ChannelPriorities>().notNull().default({ whatsapp: 0, sms: 0, email: 0 }),
  autoDistribution: boolean("auto_distribution").notNull().default(false),
  maxOpenPerOperator: smallint("max_open_per_operator").notNull().default(3),
  // After this many minutes waiting, an attendance is served one priority level higher; null: off.
  agingMinutes: integer("aging_minutes"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

// A conversation with a customer on one channel: it waits in its segment's queue (no segment: the
// organization's "Sem segmento" queue), is taken by an operator, and closed with an outcome.
export const attendances = pgTable(
  "attendances",
  {
    organizationId: uuid("organization_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    channel: text("channel", { enum: channels }).notNull(),
    // The customer's phone (digits with country code) or e-mail (lower case), as the channel gives it.
    address: text("address").notNull(),
    // No foreign key: an attendance outlives a deleted contact (its card then says so).
    contactId: uuid("contact_id"),
    segmentId: uuid("segment_id"),
    status: text("status", { enum: attendanceStatuses }).notNull().default("waiting"),
    // The contact's priority_rank (Alta 3, Média 2, Baixa 1; no contact: Média), copied so that the
    // queue's order is served by an index; a trigger on contacts keeps it while the attendance is
    // not closed (migration 0019), so a new priority reorders the queue at once.
    priorityRank: smallint("priority_rank").notNull().default(2),
    operatorUserId: uuid("operator_user_id"),
    outcome: text("outcome", { enum: attendanceOutcomes }),
    // Arrival in the current queue: a transfer to a queue keeps it, so nobody loses their place.
    arrivedAt: timestamp("arrived_at", { withTimezone: true }).notNull().defaultNow(),
    takenAt: timestamp("taken_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    // The integration key it arrived through.
    apiKeyId: uuid("api_key_id"),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    // The queues: what waits, by segment, channel and priority, oldest first — the head of each
    // group is an index probe, and the queue's first is the best of the heads (lib/live/queues.ts).
    index("attendances_queue_idx")
      .on(t.organizationId, t.segmentId, t.channel, t.priorityRank, t.arrivedAt, t.id)
      .where(sql`${t.status} = 'waiting'`),
    // A customer who writes again while their attendance is still waiting or open continues it.
    index("attendances_active_address_idx").on(t.organizationId, t.channel, t.address).where(sql`${t.status} in ('waiting', 'open')`),
    // An operator's open attendances (the cap, "fewest open first").
    index("attendances_open_idx").on(t.organizationId, t.operatorUserId).where(sql`${t.status} = 'open'`),
    index("attendances_contact_idx").on(t.organizationId, t.contactId, t.arrivedAt),
    // Reports by period.
    index("attendances_org_arrived_idx").on(t.organizationId, t.arrivedAt),
    foreignKey({ columns: [t.organizationId, t.segmentId], foreignColumns: [segments.organizationId, segments.id] }),
    foreignKey({ columns: [t.organizationId, t.operatorUserId], foreignColumns: [users.organizationId, users.id] }),
    check("attendances_channel_check", oneOf(t.channel, channels)),
    check("attendances_status_check", oneOf(t.status, attendanceStatuses)),
    check("attendances_outcome_check", sql`${t.outcome} is null or ${oneOf(t.outcome, attendanceOutcomes)}`),
  ],
);

// Every message to or from a customer. Outbound ones are the outbox: queued until a provider
// (later: WhatsApp, SMS, e-mail) sends them.
export const messages = pgTable(
  "messages",
  {
    organizationId: uuid("organization_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    attendanceId: uuid("attendance_id"),
    // No foreign key, as attendances: a message outlives a deleted contact.
    contactId: uuid("contact_id"),
    templateId: uuid("template_id"),
    campaignId: uuid("campaign_id"),
    channel: text("channel", { enum: channels }).notNull(),
    address: text("address").notNull(),
    direction: text("direction", { enum: messageDirections }).notNull(),
    // E-mail only.
    subject: text("subject"),
    body: text("body").notNull(),
    status: text("status", { enum: messageStatuses }).notNull(),
    // Delivery (lib/messages/delivery.ts): tries so far, when to try again, the provider's answer.
    attempts: smallint("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    error: text("error"),
    authorUserId: uuid("author_user_id"),
    // A message an integration sent, with its Idempotency-Key and a digest of the request: a replay answers the first result.
    apiKeyId: uuid("api_key_id"),
    idempotencyKey: text("idempotency_key"),
    requestDigest: text("request_digest"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex("messages_idempotency_key").on(t.organizationId, t.apiKeyId, t.idempotencyKey).where(sql`${t.idempotencyKey} is not null`),
    index("messages_attendance_idx").on(t.organizationId, t.attendanceId, t.createdAt),
    index("messages_outbox_idx").on(t.organizationId, t.createdAt).where(sql`${t.status} = 'queued'`),
    // What delivery takes next, across organizations: queued messages of a channel, due first.
    index("messages_delivery_idx").on(t.channel, t.nextAttemptAt).where(sql`${t.status} = 'queued'`),
    index("messages_contact_idx").on(t.organizationId, t.contactId, t.createdAt).where(sql`${t.contactId} is not null`),
    // One message per contact and campaign: a send cut off and resumed writes each once.
    uniqueIndex("messages_campaign_contact_key").on(t.organizationId, t.campaignId, t.contactId).where(sql`${t.campaignId} is not null`),
    foreignKey({ columns: [t.organizationId, t.attendanceId], foreignColumns: [attendances.organizationId, attendances.id] }).onDelete("cascade"),
    check("messages_channel_check", oneOf(t.channel, channels)),
    check("messages_direction_check", oneOf(t.direction, messageDirections)),
    check("messages_status_check", oneOf(t.status, messageStatuses)),
  ],
);

// Whether an operator takes attendances now; no row: available.
export const operatorPresence = pgTable(
  "operator_presence",
  {
    organizationId: uuid("organization_id").notNull(),
    userId: uuid("user_id").notNull(),
    status: text("status", { enum: operatorStatuses }).notNull(),
    pauseReason: text("pause_reason"),
    since: timestamp("since", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.userId] }),
    foreignKey({ columns: [t.organizationId, t.userId], foreignColumns: [users.organizationId, users.id] }).onDelete("cascade"),
    check("operator_presence_status_check", oneOf(t.status, operatorStatuses)),
  ],
);

// A message model (/templates): a body with variables ({{contactname}}, @ChaveCliente…, lib/templates/),
// for one channel; e-mail ones have a subject too.
export const messageTemplates = pgTable(
  "message_templates",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    channel: text("channel", { enum: channels }).notNull(),
    subject: text("subject"),
    body: text("body").notNull(),
    createdByUserId: uuid("created_by_user_id").notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    // Archived templates are kept: messages and campaigns name them.
    archivedAt: timestamp("archived_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex("message_templates_org_name_key").on(t.organizationId, sql`lower(${t.name})`).where(sql`${t.archivedAt} is null`),
    foreignKey({ columns: [t.organizationId, t.createdByUserId], foreignColumns: [users.organizationId, users.id] }),
    check("message_templates_channel_check", oneOf(t.channel, channels)),
  ],
);

/** Who a campaign was for, as chosen: its segments and, optionally, a saved filter's conditions. */
export type CampaignAudience = { segmentIds: string[]; segmentNames: string[]; savedFilterId: string | null; savedFilterName: string | null; filters: unknown };

// A message sent to an audience (/campaigns): the template as it was rendered, who it was for, and
// the counts. Its messages are written into the outbox by the job engine (lib/campaigns/).
export const campaigns = pgTable(
  "campaigns",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    channel: text("channel", { enum: channels }).notNull(),
    templateId: uuid("template_id").notNull(),
    // The template's text when it was sent: a later edit does not change what the campaign was.
    subject: text("subject"),
    body: text("body").notNull(),
    audience: jsonb("audience").$type<CampaignAudience>().notNull(),
    status: text("status", { enum: campaignStatuses }).notNull().default("sending"),
    matched: integer("matched").notNull().default(0),
    reachable: integer("reachable").notNull().default(0),
    written: integer("written").notNull().default(0),
    createdByUserId: uuid("created_by_user_id").notNull(),
    createdAt: createdAt(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index("campaigns_org_created_idx").on(t.organizationId, t.createdAt, t.id),
    foreignKey({ columns: [t.organizationId, t.templateId], foreignColumns: [messageTemplates.organizationId, messageTemplates.id] }),
    foreignKey({ columns: [t.organizationId, t.createdByUserId], foreignColumns: [users.organizationId, users.id] }),
    check("campaigns_channel_check", oneOf(t.channel, channels)),
    check("campaigns_status_check", oneOf(t.status, campaignStatuses)),
  ],
);
