import Link from "next/link";
import type { Viewer } from "@/lib/auth/viewer";
import type { ContactFilters } from "@/lib/contacts/contact-filters";
import { contactListHref } from "@/lib/contacts/list-link";
import { searchSuggestions } from "@/lib/contacts/search-suggestions";

/**
 * Above the results of a search: the filters the text typed may have meant ("Varejo SP" → the
 * segment Varejo SP, "#vi" → #vip), each a link to the list with that filter instead of the text.
 * `typed` is the URL's raw `q` (hashtags included); without it, the search as filtered.
 */
export async function SearchSuggestions({ viewer, filters, typed }: { viewer: Viewer; filters: ContactFilters; typed?: string }) {
  const text = typed ?? filters.q;
  if (!text) return null;
  const { segments, tags } = await searchSuggestions(viewer, text);
  if (segments.length === 0 && tags.length === 0) return null;
  const base: ContactFilters = { ...filters, after: undefined, before: undefined };
  const link = "font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600";
  return (
    <nav aria-label="Sugestões da busca" className="rounded-lg bg-indigo-50/60 px-3 py-2 text-sm text-slate-700 ring-1 ring-indigo-100">
      <ul className="flex flex-wrap gap-x-5 gap-y-1">
        {segments.map((segment) => (
          <li key={segment.id}>
            <Link href={contactListHref({ ...base, q: undefined, segment: [segment.id] })} className={link}>
              Filtrar pelo segmento {segment.name}
            </Link>
          </li>
        ))}
        {tags.map(({ typed: prefix, tag }) => (
          <li key={tag}>
            <Link href={contactListHref({ ...base, tagAll: [...base.tagAll.filter((t) => t !== prefix), tag] })} className={link}>
              Filtrar pela hashtag #{tag}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
