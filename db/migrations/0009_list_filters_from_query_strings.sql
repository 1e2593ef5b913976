-- Saved filters and bulk actions kept the contact list's URL query ("priority=high&segment=…");
-- they now keep the filters as versioned JSON ({"v":1,"filters":{…},"sort":…}, read by
-- lib/contacts/stored-filters.ts). This converts the stored queries the way URLSearchParams reads
-- them: "+" is a space, %XX a byte of UTF-8, a repeated key a list, a single-valued key its first
-- value. Page size, cursors and unknown keys are dropped. Values are copied as they are: the app
-- reads them with the list's own forgiving parsers, so what the URL ignored is still ignored.
CREATE FUNCTION legacy_url_decode(value text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN convert_from(
    (SELECT coalesce(string_agg(CASE WHEN m[1] ~ '^%[0-9A-Fa-f]{2}$' THEN decode(substr(m[1], 2), 'hex') ELSE convert_to(m[1], 'UTF8') END, ''::bytea ORDER BY n), ''::bytea)
     FROM regexp_matches(replace(value, '+', ' '), '%[0-9A-Fa-f]{2}|%|[^%]+', 'g') WITH ORDINALITY AS t(m, n)),
    'UTF8');
EXCEPTION WHEN character_not_in_repertoire THEN
  -- Not UTF-8 once decoded (only a forged query): the value is dropped.
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION legacy_list_query_to_filters(query text) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  WITH params AS (
    SELECT legacy_url_decode(split_part(pair, '=', 1)) AS key,
           legacy_url_decode(substr(pair, length(split_part(pair, '=', 1)) + 2)) AS value,
           n
    FROM unnest(string_to_array(query, '&')) WITH ORDINALITY AS p(pair, n)
    WHERE pair <> ''
  ),
  firsts AS (
    SELECT DISTINCT ON (key) key, value FROM params WHERE value IS NOT NULL ORDER BY key, n
  )
  SELECT jsonb_strip_nulls(jsonb_build_object(
    'v', 1,
    'filters', (
      SELECT coalesce(jsonb_object_agg(key, value), '{}'::jsonb) FROM (
        SELECT key, jsonb_agg(value ORDER BY n) AS value FROM params
        WHERE key IN ('segment', 'responsible', 'tagAll', 'tagAny', 'tagNone', 'priority') AND value IS NOT NULL
        GROUP BY key
        UNION ALL
        SELECT key, to_jsonb(value) FROM firsts
        WHERE key IN ('q', 'createdFrom', 'createdTo', 'updatedFrom', 'updatedTo', 'hasPhone', 'hasEmail')
        UNION ALL
        SELECT key, 'true'::jsonb FROM firsts WHERE key = 'noSegment' AND value = '1'
      ) AS f),
    'sort', (SELECT to_jsonb(value) FROM firsts WHERE key = 'sort')))
$$;
--> statement-breakpoint
UPDATE saved_filters SET filters = legacy_list_query_to_filters(query);
--> statement-breakpoint
UPDATE bulk_actions SET list_filters = legacy_list_query_to_filters(list_query) WHERE list_query IS NOT NULL;
--> statement-breakpoint
DROP FUNCTION legacy_list_query_to_filters(text);
--> statement-breakpoint
DROP FUNCTION legacy_url_decode(text);
