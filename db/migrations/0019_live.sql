CREATE TABLE "api_keys" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "attendances" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"channel" text NOT NULL,
	"address" text NOT NULL,
	"contact_id" uuid,
	"segment_id" uuid,
	"status" text DEFAULT 'waiting' NOT NULL,
	"priority_rank" smallint DEFAULT 2 NOT NULL,
	"operator_user_id" uuid,
	"outcome" text,
	"arrived_at" timestamp with time zone DEFAULT now() NOT NULL,
	"taken_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"api_key_id" uuid,
	CONSTRAINT "attendances_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "attendances_channel_check" CHECK ("attendances"."channel" in ('whatsapp', 'sms', 'email')),
	CONSTRAINT "attendances_status_check" CHECK ("attendances"."status" in ('waiting', 'open', 'closed')),
	CONSTRAINT "attendances_outcome_check" CHECK ("attendances"."outcome" is null or "attendances"."outcome" in ('resolved', 'unresolved', 'no_reply', 'wrong_contact'))
);
--> statement-breakpoint
CREATE TABLE "live_settings" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"channel_priorities" jsonb DEFAULT '{"whatsapp":0,"sms":0,"email":0}'::jsonb NOT NULL,
	"auto_distribution" boolean DEFAULT false NOT NULL,
	"max_open_per_operator" smallint DEFAULT 3 NOT NULL,
	"aging_minutes" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"attendance_id" uuid,
	"channel" text NOT NULL,
	"address" text NOT NULL,
	"direction" text NOT NULL,
	"body" text NOT NULL,
	"status" text NOT NULL,
	"author_user_id" uuid,
	"api_key_id" uuid,
	"idempotency_key" text,
	"request_digest" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "messages_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "messages_channel_check" CHECK ("messages"."channel" in ('whatsapp', 'sms', 'email')),
	CONSTRAINT "messages_direction_check" CHECK ("messages"."direction" in ('inbound', 'outbound')),
	CONSTRAINT "messages_status_check" CHECK ("messages"."status" in ('received', 'queued', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "operator_presence" (
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text NOT NULL,
	"pause_reason" text,
	"since" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "operator_presence_organization_id_user_id_pk" PRIMARY KEY("organization_id","user_id"),
	CONSTRAINT "operator_presence_status_check" CHECK ("operator_presence"."status" in ('available', 'paused'))
);
--> statement-breakpoint
ALTER TABLE "contact_history" DROP CONSTRAINT "contact_history_source_check";--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_organization_id_created_by_user_id_users_organization_id_id_fk" FOREIGN KEY ("organization_id","created_by_user_id") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendances" ADD CONSTRAINT "attendances_organization_id_segment_id_segments_organization_id_id_fk" FOREIGN KEY ("organization_id","segment_id") REFERENCES "public"."segments"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendances" ADD CONSTRAINT "attendances_organization_id_operator_user_id_users_organization_id_id_fk" FOREIGN KEY ("organization_id","operator_user_id") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_settings" ADD CONSTRAINT "live_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_organization_id_attendance_id_attendances_organization_id_id_fk" FOREIGN KEY ("organization_id","attendance_id") REFERENCES "public"."attendances"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operator_presence" ADD CONSTRAINT "operator_presence_organization_id_user_id_users_organization_id_id_fk" FOREIGN KEY ("organization_id","user_id") REFERENCES "public"."users"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_secret_hash_key" ON "api_keys" USING btree ("secret_hash");--> statement-breakpoint
CREATE INDEX "attendances_queue_idx" ON "attendances" USING btree ("organization_id","segment_id","channel","priority_rank","arrived_at","id") WHERE "attendances"."status" = 'waiting';--> statement-breakpoint
CREATE INDEX "attendances_active_address_idx" ON "attendances" USING btree ("organization_id","channel","address") WHERE "attendances"."status" in ('waiting', 'open');--> statement-breakpoint
CREATE INDEX "attendances_open_idx" ON "attendances" USING btree ("organization_id","operator_user_id") WHERE "attendances"."status" = 'open';--> statement-breakpoint
CREATE INDEX "attendances_contact_idx" ON "attendances" USING btree ("organization_id","contact_id","arrived_at");--> statement-breakpoint
CREATE INDEX "attendances_org_arrived_idx" ON "attendances" USING btree ("organization_id","arrived_at");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_idempotency_key" ON "messages" USING btree ("organization_id","api_key_id","idempotency_key") WHERE "messages"."idempotency_key" is not null;--> statement-breakpoint
CREATE INDEX "messages_attendance_idx" ON "messages" USING btree ("organization_id","attendance_id","created_at");--> statement-breakpoint
CREATE INDEX "messages_outbox_idx" ON "messages" USING btree ("organization_id","created_at") WHERE "messages"."status" = 'queued';--> statement-breakpoint
ALTER TABLE "contact_history" ADD CONSTRAINT "contact_history_source_check" CHECK ("contact_history"."source" in ('form', 'import', 'api', 'system', 'bulk', 'undo', 'handover', 'segment', 'import_undo', 'live'));--> statement-breakpoint
-- A waiting or open attendance follows its contact's priority: the queue is ordered by the copy.
CREATE FUNCTION attendances_follow_priority() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE attendances SET priority_rank = NEW.priority_rank
  WHERE organization_id = NEW.organization_id AND contact_id = NEW.id AND status <> 'closed';
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER contacts_priority_to_attendances AFTER UPDATE OF priority ON contacts
  FOR EACH ROW WHEN (OLD.priority IS DISTINCT FROM NEW.priority) EXECUTE FUNCTION attendances_follow_priority();
