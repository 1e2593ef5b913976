-- The e-mails of a contact as one text, each preceded by a space: " a@x.com b@y.com". A trigram index
-- on it serves "an e-mail starts with …" as `like '% …%'` (e-mails hold no spaces). array_to_string
-- is only STABLE because of arbitrary element types; for text[] the result is fixed, so an index may use it.
CREATE OR REPLACE FUNCTION f_email_list(text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT ' ' || array_to_string($1, ' ') $$;
--> statement-breakpoint
DROP INDEX "contacts_org_code_prefix_idx";--> statement-breakpoint
CREATE INDEX "contacts_org_code_search_idx" ON "contacts" USING btree ("organization_id",lower("customer_code") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "contacts_email_search_idx" ON "contacts" USING gin (f_email_list("emails") gin_trgm_ops);