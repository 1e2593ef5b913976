ALTER TABLE "bulk_actions" ADD COLUMN "list_filters" jsonb;--> statement-breakpoint
ALTER TABLE "saved_filters" ADD COLUMN "filters" jsonb;