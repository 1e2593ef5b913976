ALTER TABLE "contacts" ADD COLUMN "segment_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
-- contacts.segment_ids mirrors the contact's contact_segments rows, sorted. The links stay the
-- source of truth; these triggers keep the copy, whichever statement writes links (a form, a bulk
-- action, a segment archive, a cascade), in the same transaction. Links are inserted and deleted,
-- never updated.
-- The contacts are reached through their primary key, by arrays of keys rather than a join: links
-- are often written right after their contacts were inserted (the demo seed, an import), before
-- statistics know the rows exist, and a join then planned to rescan contacts once per link (20,000
-- links: minutes instead of a second).
CREATE FUNCTION contact_segments_mirror() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off AS $$
BEGIN
  UPDATE contacts c SET segment_ids = coalesce((
      SELECT array_agg(cs.segment_id ORDER BY cs.segment_id) FROM contact_segments cs
      WHERE cs.organization_id = c.organization_id AND cs.contact_id = c.id), '{}')
    WHERE c.organization_id = ANY (ARRAY(SELECT DISTINCT organization_id FROM changed))
      AND c.id = ANY (ARRAY(SELECT DISTINCT contact_id FROM changed));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER contact_segments_mirror_insert AFTER INSERT ON contact_segments
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION contact_segments_mirror();
--> statement-breakpoint
CREATE TRIGGER contact_segments_mirror_delete AFTER DELETE ON contact_segments
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION contact_segments_mirror();
--> statement-breakpoint
UPDATE contacts c SET segment_ids = l.ids
  FROM (SELECT organization_id, contact_id, array_agg(segment_id ORDER BY segment_id) AS ids
        FROM contact_segments GROUP BY organization_id, contact_id) l
  WHERE c.organization_id = l.organization_id AND c.id = l.contact_id;--> statement-breakpoint
CREATE INDEX "contacts_segment_ids_idx" ON "contacts" USING gin ("segment_ids");
