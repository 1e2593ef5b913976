ALTER TABLE "saved_filters" ALTER COLUMN "filters" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "bulk_actions" DROP COLUMN "list_query";--> statement-breakpoint
ALTER TABLE "saved_filters" DROP COLUMN "query";