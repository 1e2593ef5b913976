import { contactFilters, defaultSort, noResponsible, type ContactFilters } from "../contact-filters";

// Shared by the tests of everything that writes the list's filters somewhere and reads them back.

export const sampleIds = {
  segA: "0b6f7a4e-2f1c-4c3a-9a51-3f0e2d7c9b10",
  segB: "7d2c1e90-5a4b-4f7e-8c1d-2b3a4c5d6e7f",
  user: "c9e8d7f6-a5b4-4c3d-9e2f-1a0b9c8d7e6f",
};

/**
 * One non-default value per filter, with characters a URL must escape. The mapped type makes a
 * new filter fail to compile here until it has its case.
 */
export const oneOfEachFilter: { [K in keyof ContactFilters]-?: Partial<ContactFilters> } = {
  q: { q: "joão & filhos + cia #1 50%" },
  segment: { segment: [sampleIds.segA, sampleIds.segB] },
  noSegment: { noSegment: true },
  responsible: { responsible: [sampleIds.user, noResponsible] },
  tagAll: { tagAll: ["vip", "pós-venda"] },
  tagAny: { tagAny: ["inadimplência"] },
  tagNone: { tagNone: ["bloqueado", "c&a"] },
  priority: { priority: ["high", "low"] },
  createdFrom: { createdFrom: "2026-03-01" },
  createdTo: { createdTo: "2026-03-31" },
  updatedFrom: { updatedFrom: "2026-02-01" },
  updatedTo: { updatedTo: "2026-02-28" },
  hasPhone: { hasPhone: "no" },
  hasEmail: { hasEmail: "yes" },
  sort: { sort: "priority" },
  size: { size: 100 },
  after: { after: "WyIzIiwiMjAyNi0wMy0wNSJd" },
  before: { before: "WyIxIl0" },
};

/** Every sample at once. */
export const allFilters = Object.assign({}, ...Object.values(oneOfEachFilter)) as ContactFilters;

/** The filters the list's parser gives for these: defaults for the rest, the default sort. */
export function completeFilters(filters: Partial<ContactFilters>): ContactFilters {
  return { ...contactFilters.parse({}), ...filters, sort: filters.sort ?? defaultSort(filters) };
}
