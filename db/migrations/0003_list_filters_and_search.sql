DROP INDEX "contacts_name_trgm_idx";--> statement-breakpoint
DROP INDEX "contacts_org_created_idx";--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "priority_rank" smallint GENERATED ALWAYS AS (case priority when 'high' then 3 when 'medium' then 2 else 1 end) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "contacts_org_updated_idx" ON "contacts" USING btree ("organization_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "contacts_org_name_idx" ON "contacts" USING btree ("organization_id","name","id");--> statement-breakpoint
CREATE INDEX "contacts_org_priority_idx" ON "contacts" USING btree ("organization_id","priority_rank","created_at","id");--> statement-breakpoint
CREATE INDEX "contacts_name_search_idx" ON "contacts" USING gin (f_unaccent(lower("name")) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_org_code_prefix_idx" ON "contacts" USING btree ("organization_id","customer_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "contacts_tags_idx" ON "contacts" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "contacts_phones_idx" ON "contacts" USING gin ("phones");--> statement-breakpoint
CREATE INDEX "contacts_emails_idx" ON "contacts" USING gin ("emails");--> statement-breakpoint
CREATE INDEX "contacts_org_created_idx" ON "contacts" USING btree ("organization_id","created_at","id");