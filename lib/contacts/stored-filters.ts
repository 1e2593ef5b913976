import { z } from "zod";
import { contactFilters, defaultSort, type ContactFilters } from "./contact-filters";

// Client-safe. Saved filters and bulk actions keep the list's filters as versioned JSON rather
// than as the list's URL query: the URL may rename its parameters (contact-filters.ts), and a
// stored filter still means the same contacts. The keys of version 1 below are frozen; a change
// of shape is a version 2, with a conversion of version 1 rows. Page size and cursors are not
// kept: a stored filter says which contacts and in what order, not which page.

const text = z.string().optional();
const list = z.array(z.string()).optional();

/** Checks the shape; each value is then read by the list's own forgiving parsers, as a URL value is. */
export const storedContactFilters = z.object({
  v: z.literal(1),
  filters: z.object({
    q: text,
    segment: list,
    noSegment: z.literal(true).optional(),
    responsible: list,
    tagAll: list,
    tagAny: list,
    tagNone: list,
    priority: list,
    createdFrom: text,
    createdTo: text,
    updatedFrom: text,
    updatedTo: text,
    hasPhone: text,
    hasEmail: text,
  }),
  sort: text,
});

export type StoredContactFilters = z.infer<typeof storedContactFilters>;

/** The stored form of the list's filters and sort (defaults left out, as in the URL). */
export function toStoredFilters(filters: ContactFilters): StoredContactFilters {
  const nonEmpty = (values: string[]) => (values.length > 0 ? values : undefined);
  const stored: StoredContactFilters["filters"] = {
    q: filters.q,
    segment: nonEmpty(filters.segment),
    noSegment: filters.noSegment || undefined,
    responsible: nonEmpty(filters.responsible),
    tagAll: nonEmpty(filters.tagAll),
    tagAny: nonEmpty(filters.tagAny),
    tagNone: nonEmpty(filters.tagNone),
    priority: nonEmpty(filters.priority),
    createdFrom: filters.createdFrom,
    createdTo: filters.createdTo,
    updatedFrom: filters.updatedFrom,
    updatedTo: filters.updatedTo,
    hasPhone: filters.hasPhone,
    hasEmail: filters.hasEmail,
  };
  return {
    v: 1,
    filters: Object.fromEntries(Object.entries(stored).filter(([, value]) => value !== undefined)),
    ...(filters.sort !== defaultSort(filters) && { sort: filters.sort }),
  };
}

/** The list's filters from their stored form; throws if it is not a stored filter at all. */
export function readStoredFilters(value: unknown): ContactFilters {
  const { filters: f, sort } = storedContactFilters.parse(value);
  // Typed by the list's own keys: renaming one of them breaks the build here, not saved filters.
  const values: { [K in keyof ContactFilters]?: unknown } = {
    q: f.q,
    segment: f.segment,
    noSegment: f.noSegment ? "1" : undefined,
    responsible: f.responsible,
    tagAll: f.tagAll,
    tagAny: f.tagAny,
    tagNone: f.tagNone,
    priority: f.priority,
    createdFrom: f.createdFrom,
    createdTo: f.createdTo,
    updatedFrom: f.updatedFrom,
    updatedTo: f.updatedTo,
    hasPhone: f.hasPhone,
    hasEmail: f.hasEmail,
    sort,
  };
  return contactFilters.parse(values);
}
