// Client-safe: the bulk action kinds (db/enums) and what a bulk action stores as its parameters.
export { bulkActionKinds, type BulkActionKind } from "@/db/enums";
export type { BulkActionParams } from "@/db/schema";
