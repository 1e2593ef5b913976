CREATE TABLE "dashboard_snapshots" (
	"organization_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"data" jsonb NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dashboard_snapshots_organization_id_scope_pk" PRIMARY KEY("organization_id","scope")
);
--> statement-breakpoint
ALTER TABLE "dashboard_snapshots" ADD CONSTRAINT "dashboard_snapshots_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;