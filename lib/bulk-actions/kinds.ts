// Client-safe and import-free: used by the database schema, the input schema and the UI alike.

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

/** What a bulk action sets, with the names it showed, so the log still reads after renames. */
export type BulkActionParams = {
  userId?: string | null;
  userName?: string | null;
  priority?: string;
  tags?: string[];
  segmentIds?: string[];
  segmentNames?: string[];
};
