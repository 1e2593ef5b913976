ALTER TABLE "contact_history" DROP CONSTRAINT "contact_history_source_check";--> statement-breakpoint
-- Bulk actions cut off by the upgrade have no job on the new engine: they end as interrupted.
UPDATE "bulk_actions" SET "status" = 'failed', "error" = 'Interrompida pela atualização do sistema. Os contatos já alterados continuam assim.' WHERE "status" IN ('running', 'undoing');--> statement-breakpoint
ALTER TABLE "bulk_actions" DROP COLUMN "lease_until";--> statement-breakpoint
ALTER TABLE "contact_history" ADD CONSTRAINT "contact_history_source_check" CHECK ("contact_history"."source" in ('form', 'import', 'api', 'system', 'bulk', 'undo', 'handover', 'segment'));--> statement-breakpoint
ALTER TABLE "bulk_actions" ADD COLUMN "run_token" text;