CREATE TABLE "sign_in_throttle" (
	"address" text NOT NULL,
	"email" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retry_at" timestamp with time zone,
	CONSTRAINT "sign_in_throttle_address_email_pk" PRIMARY KEY("address","email")
);
