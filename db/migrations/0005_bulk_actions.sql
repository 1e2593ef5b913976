CREATE TABLE "bulk_action_items" (
	"organization_id" uuid NOT NULL,
	"bulk_action_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"before" jsonb,
	"version_after" integer,
	CONSTRAINT "bulk_action_items_organization_id_bulk_action_id_contact_id_pk" PRIMARY KEY("organization_id","bulk_action_id","contact_id"),
	CONSTRAINT "bulk_action_items_state_check" CHECK ("bulk_action_items"."state" in ('pending', 'changed', 'unchanged', 'skipped', 'undone', 'kept'))
);
--> statement-breakpoint
CREATE TABLE "bulk_actions" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"actor_user_id" uuid NOT NULL,
	"actor_name" text NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb NOT NULL,
	"list_query" text,
	"status" text DEFAULT 'running' NOT NULL,
	"total" integer NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"changed" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"undone" integer DEFAULT 0 NOT NULL,
	"kept_on_undo" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"undo_requested_at" timestamp with time zone,
	"undone_by_user_id" uuid,
	"undone_by_name" text,
	"undone_at" timestamp with time zone,
	"lease_until" timestamp with time zone,
	"error" text,
	CONSTRAINT "bulk_actions_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "bulk_actions_kind_check" CHECK ("bulk_actions"."kind" in ('set_responsible', 'set_priority', 'add_tags', 'remove_tags', 'add_segments', 'remove_segments', 'delete')),
	CONSTRAINT "bulk_actions_status_check" CHECK ("bulk_actions"."status" in ('running', 'done', 'undoing', 'undone', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "contact_history" DROP CONSTRAINT "contact_history_source_check";--> statement-breakpoint
ALTER TABLE "contact_history" DROP CONSTRAINT "contact_history_action_check";--> statement-breakpoint
ALTER TABLE "contact_history" ADD COLUMN "batch_id" uuid;--> statement-breakpoint
ALTER TABLE "bulk_action_items" ADD CONSTRAINT "bulk_action_items_organization_id_bulk_action_id_bulk_actions_organization_id_id_fk" FOREIGN KEY ("organization_id","bulk_action_id") REFERENCES "public"."bulk_actions"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_actions" ADD CONSTRAINT "bulk_actions_organization_id_actor_user_id_users_organization_id_id_fk" FOREIGN KEY ("organization_id","actor_user_id") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bulk_actions_org_created_idx" ON "bulk_actions" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "contact_history_batch_idx" ON "contact_history" USING btree ("organization_id","batch_id","contact_id") WHERE "contact_history"."batch_id" is not null;--> statement-breakpoint
ALTER TABLE "contact_history" ADD CONSTRAINT "contact_history_source_check" CHECK ("contact_history"."source" in ('form', 'import', 'api', 'system', 'bulk', 'undo'));--> statement-breakpoint
ALTER TABLE "contact_history" ADD CONSTRAINT "contact_history_action_check" CHECK ("contact_history"."action" in ('create', 'update', 'reveal_document', 'delete', 'restore'));