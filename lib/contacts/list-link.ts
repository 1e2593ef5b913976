import { filtersToSearchParams, type ContactFilters } from "./contact-filters";

// Client-safe. Every link to the contact list (and to its CSV export) is built here from typed
// filters, written by the same filtersToSearchParams that parseContactFilters reads back: no page
// spells a URL parameter by hand, so renaming one is a change in contact-filters.ts alone.

/** A message the list shows once, after the redirect that brings the viewer there. */
export type ContactListToast = "deleted" | "password";

/** `/contacts?…` showing exactly these filters (defaults left out), optionally with a toast. */
export function contactListHref(filters: Partial<ContactFilters> = {}, options: { toast?: ContactListToast } = {}): string {
  const params = filtersToSearchParams(filters);
  if (options.toast) params.set("toast", options.toast);
  const query = params.toString();
  return query ? `/contacts?${query}` : "/contacts";
}

/** The CSV of the contacts these filters match; semicolon-separated unless `comma`. */
export function contactExportHref(filters: Partial<ContactFilters>, options: { comma?: boolean } = {}): string {
  const params = filtersToSearchParams({ ...filters, after: undefined, before: undefined });
  if (options.comma) params.set("sep", "comma");
  return `/contacts/export?${params}`;
}
