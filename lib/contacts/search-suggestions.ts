import "server-only";
import { hasControlCharacters } from "@/lib/sql/values";
import { and, sql, type SQLWrapper } from "drizzle-orm";
import { getDb } from "@/db/client";
import { segments } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { activeSegmentsOf } from "@/lib/segments/queries";
import { splitSearchHashtags } from "./contact-filters";
import { listOrganizationTags } from "./tag-suggestions";

export const SEGMENT_SUGGESTIONS_MAX = 3;
export const TAG_SUGGESTIONS_MAX = 3;

export type SearchSuggestions = { segments: { id: string; name: string }[]; tags: { typed: string; tag: string }[] };

// Segment names are compared word by word, each typed word the start of a word of the name, folded
// as the quick search folds names: "varejo sp", "Vare" and "sp" all offer "Varejo SP"; "ejo" offers
// nothing. Punctuation separates words on both sides ("Varejo/SP").
const foldedWords = (value: SQLWrapper) => sql`(' ' || regexp_replace(f_unaccent(lower(${value})), '[^[:alnum:]]+', ' ', 'g'))`;

/**
 * What the text typed in the search box may have meant, besides a search: the segments visible to the
 * viewer (all of the organization's for an admin, else their own) whose name matches the text, and
 * the hashtags of the viewer's contacts that complete a `#prefix` typed in it ("#vi" → #vip).
 * `typed` is the box as typed, hashtags included (they are moved to the tag filter when the list's
 * filters are read: pass the URL's raw `q`).
 */
export async function searchSuggestions(viewer: Viewer, typed: string | undefined): Promise<SearchSuggestions> {
  // The raw URL text: what the filters would drop as a bad value (a NUL the database refuses), this drops too.
  if (typed && (hasControlCharacters(typed) || typed.length > 200)) return { segments: [], tags: [] };
  const { q, tags } = splitSearchHashtags(typed?.trim() || undefined);
  const [segmentMatches, tagMatches] = await Promise.all([matchingSegments(viewer, q), tagCompletions(viewer, tags)]);
  return { segments: segmentMatches, tags: tagMatches };
}

async function matchingSegments(viewer: Viewer, text: string | undefined) {
  const words = (text ?? "").split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 5);
  if (words.join("").length < 2) return [];
  const visible = activeSegmentsOf(viewer, can(viewer.role, "contacts.viewAll"));
  if (!visible) return [];
  const name = foldedWords(segments.name);
  return getDb()
    .select({ id: segments.id, name: segments.name })
    .from(segments)
    .where(
      and(
        visible,
        // Words hold letters and digits only: nothing to escape in the pattern.
        ...words.map((word) => sql`${name} like '% ' || f_unaccent(lower(${word})) || '%'`),
      ),
    )
    // The segment named exactly as typed first.
    .orderBy(sql`${name} = ${foldedWords(sql`${text}`)} desc`, segments.name)
    .limit(SEGMENT_SUGGESTIONS_MAX);
}

async function tagCompletions(viewer: Viewer, typed: string[]) {
  const found: { typed: string; tag: string }[] = [];
  // The first two typed: each one is a bounded scan (tag-suggestions.ts).
  for (const prefix of typed.slice(0, 2)) {
    for (const tag of await listOrganizationTags(viewer, prefix, TAG_SUGGESTIONS_MAX + typed.length)) {
      if (!typed.includes(tag) && !found.some((f) => f.tag === tag)) found.push({ typed: prefix, tag });
    }
  }
  return found.slice(0, TAG_SUGGESTIONS_MAX);
}
