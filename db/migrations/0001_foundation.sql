CREATE TABLE "contact_history" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"contact_id" uuid NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"source" text NOT NULL,
	"action" text NOT NULL,
	"changes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_history_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "contact_history_source_check" CHECK ("contact_history"."source" in ('form', 'import', 'api', 'system')),
	CONSTRAINT "contact_history_action_check" CHECK ("contact_history"."action" in ('create', 'update', 'reveal_document', 'delete'))
);
--> statement-breakpoint
CREATE TABLE "contact_segments" (
	"organization_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"segment_id" uuid NOT NULL,
	CONSTRAINT "contact_segments_organization_id_contact_id_segment_id_pk" PRIMARY KEY("organization_id","contact_id","segment_id")
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"document" text NOT NULL,
	"document_type" text NOT NULL,
	"customer_code" text NOT NULL,
	"responsible_user_id" uuid,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"priority" text DEFAULT 'medium' NOT NULL,
	"phones" text[] DEFAULT '{}'::text[] NOT NULL,
	"emails" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_user_id" uuid,
	CONSTRAINT "contacts_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "contacts_priority_check" CHECK ("contacts"."priority" in ('high', 'medium', 'low')),
	CONSTRAINT "contacts_document_type_check" CHECK ("contacts"."document_type" in ('cpf', 'cnpj'))
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "segment_members" (
	"organization_id" uuid NOT NULL,
	"segment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "segment_members_organization_id_segment_id_user_id_pk" PRIMARY KEY("organization_id","segment_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "segments" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "segments_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "sign_in_throttle" (
	"email" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "users" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('operator', 'supervisor', 'admin'))
);
--> statement-breakpoint
ALTER TABLE "contact_segments" ADD CONSTRAINT "contact_segments_organization_id_contact_id_contacts_organization_id_id_fk" FOREIGN KEY ("organization_id","contact_id") REFERENCES "public"."contacts"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_segments" ADD CONSTRAINT "contact_segments_organization_id_segment_id_segments_organization_id_id_fk" FOREIGN KEY ("organization_id","segment_id") REFERENCES "public"."segments"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_organization_id_responsible_user_id_users_organization_id_id_fk" FOREIGN KEY ("organization_id","responsible_user_id") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_members" ADD CONSTRAINT "segment_members_organization_id_segment_id_segments_organization_id_id_fk" FOREIGN KEY ("organization_id","segment_id") REFERENCES "public"."segments"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_members" ADD CONSTRAINT "segment_members_organization_id_user_id_users_organization_id_id_fk" FOREIGN KEY ("organization_id","user_id") REFERENCES "public"."users"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_history_contact_idx" ON "contact_history" USING btree ("organization_id","contact_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "contact_segments_segment_idx" ON "contact_segments" USING btree ("organization_id","segment_id","contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_org_customer_code_key" ON "contacts" USING btree ("organization_id","customer_code");--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_org_document_key" ON "contacts" USING btree ("organization_id","document");--> statement-breakpoint
CREATE INDEX "contacts_org_created_idx" ON "contacts" USING btree ("organization_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "contacts_name_trgm_idx" ON "contacts" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_org_responsible_idx" ON "contacts" USING btree ("organization_id","responsible_user_id");--> statement-breakpoint
CREATE INDEX "segment_members_user_idx" ON "segment_members" USING btree ("organization_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "segments_org_name_key" ON "segments" USING btree ("organization_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");