CREATE TABLE "import_file_chunks" (
	"organization_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "import_file_chunks_organization_id_import_id_seq_pk" PRIMARY KEY("organization_id","import_id","seq")
);
--> statement-breakpoint
CREATE TABLE "import_mappings" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"columns" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_mappings_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "import_rows" (
	"organization_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"key" text,
	"given" text[] DEFAULT '{}'::text[] NOT NULL,
	"name" text,
	"document" text,
	"document_type" text,
	"customer_code" text,
	"responsible_user_id" uuid,
	"tags" text[],
	"priority" text,
	"phones" text[],
	"emails" text[],
	"segment_ids" uuid[],
	"state" text DEFAULT 'pending' NOT NULL,
	"error" text,
	"contact_id" uuid,
	"before" jsonb,
	"version_after" integer,
	CONSTRAINT "import_rows_organization_id_import_id_line_pk" PRIMARY KEY("organization_id","import_id","line"),
	CONSTRAINT "import_rows_state_check" CHECK ("import_rows"."state" in ('pending', 'created', 'updated', 'unchanged', 'failed', 'undone', 'kept'))
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"organization_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"actor_user_id" uuid NOT NULL,
	"actor_name" text NOT NULL,
	"file_name" text NOT NULL,
	"file_bytes" bigint DEFAULT 0 NOT NULL,
	"file_kind" text NOT NULL,
	"encoding" text,
	"bom" boolean DEFAULT false NOT NULL,
	"separator" text,
	"header" text[] DEFAULT '{}'::text[] NOT NULL,
	"sample_rows" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"settings" jsonb,
	"status" text DEFAULT 'uploaded' NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"file_read" boolean DEFAULT false NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"through" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"preview" jsonb,
	"undone" integer DEFAULT 0 NOT NULL,
	"kept_on_undo" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"undone_by_user_id" uuid,
	"undone_at" timestamp with time zone,
	"run_token" text,
	"job_id" uuid,
	"error" text,
	CONSTRAINT "imports_organization_id_id_pk" PRIMARY KEY("organization_id","id"),
	CONSTRAINT "imports_status_check" CHECK ("imports"."status" in ('uploaded', 'previewing', 'previewed', 'running', 'done', 'cancelled', 'failed', 'undoing', 'undone'))
);
--> statement-breakpoint
ALTER TABLE "contact_history" DROP CONSTRAINT "contact_history_source_check";--> statement-breakpoint
ALTER TABLE "import_file_chunks" ADD CONSTRAINT "import_file_chunks_organization_id_import_id_imports_organization_id_id_fk" FOREIGN KEY ("organization_id","import_id") REFERENCES "public"."imports"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_organization_id_owner_user_id_users_organization_id_id_fk" FOREIGN KEY ("organization_id","owner_user_id") REFERENCES "public"."users"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_organization_id_import_id_imports_organization_id_id_fk" FOREIGN KEY ("organization_id","import_id") REFERENCES "public"."imports"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_organization_id_actor_user_id_users_organization_id_id_fk" FOREIGN KEY ("organization_id","actor_user_id") REFERENCES "public"."users"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "import_mappings_owner_name_key" ON "import_mappings" USING btree ("organization_id","owner_user_id","name");--> statement-breakpoint
CREATE INDEX "imports_org_created_idx" ON "imports" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "imports_unfinished_idx" ON "imports" USING btree ("organization_id","id") WHERE "imports"."status" in ('previewing', 'running', 'undoing');--> statement-breakpoint
ALTER TABLE "contact_history" ADD CONSTRAINT "contact_history_source_check" CHECK ("contact_history"."source" in ('form', 'import', 'api', 'system', 'bulk', 'undo', 'handover', 'segment', 'import_undo'));--> statement-breakpoint
-- The mirror writes a contact only when its segment list really changes; and not at all for links
-- whose contacts were just inserted with segment_ids already set (an import's new contacts), when
-- the writer says so for its statement (carteira.links_mirrored): at 1M contacts the check alone
-- costs a scan per statement while the table's statistics are stale.
CREATE OR REPLACE FUNCTION contact_segments_mirror() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off AS $$
BEGIN
  IF current_setting('carteira.links_mirrored', true) = 'on' THEN
    RETURN NULL;
  END IF;
  UPDATE contacts c SET segment_ids = coalesce((
      SELECT array_agg(cs.segment_id ORDER BY cs.segment_id) FROM contact_segments cs
      WHERE cs.organization_id = c.organization_id AND cs.contact_id = c.id), '{}')
    WHERE c.organization_id = ANY (ARRAY(SELECT DISTINCT organization_id FROM changed))
      AND c.id = ANY (ARRAY(SELECT DISTINCT contact_id FROM changed))
      AND c.segment_ids IS DISTINCT FROM coalesce((
        SELECT array_agg(cs.segment_id ORDER BY cs.segment_id) FROM contact_segments cs
        WHERE cs.organization_id = c.organization_id AND cs.contact_id = c.id), '{}');
  RETURN NULL;
END $$;
