import { describe, expect, it } from "vitest";
import { contactFilters, defaultSort, noResponsible, parseContactFilters, type ContactFilters } from "./contact-filters";
import { contactExportHref, contactListHref } from "./list-link";

const segA = "0b6f7a4e-2f1c-4c3a-9a51-3f0e2d7c9b10";
const segB = "7d2c1e90-5a4b-4f7e-8c1d-2b3a4c5d6e7f";
const user = "c9e8d7f6-a5b4-4c3d-9e2f-1a0b9c8d7e6f";

// One non-default value per filter; the mapped type makes a new filter fail to compile here until
// it has its case.
const oneOfEach: { [K in keyof ContactFilters]-?: Partial<ContactFilters> } = {
  q: { q: "joão & filhos + cia #1 50%" },
  segment: { segment: [segA, segB] },
  noSegment: { noSegment: true },
  responsible: { responsible: [user, noResponsible] },
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

const defaults = contactFilters.parse({});
const complete = (filters: Partial<ContactFilters>): ContactFilters => ({ ...defaults, ...filters, sort: filters.sort ?? defaultSort(filters) });
const readBack = (href: string) => {
  const url = new URL(href, "http://carteira.test");
  return { path: url.pathname, filters: parseContactFilters(url.searchParams), params: url.searchParams };
};

describe("contactListHref", () => {
  it("is the bare list without filters", () => {
    expect(contactListHref()).toBe("/contacts");
    expect(contactListHref({})).toBe("/contacts");
    expect(contactListHref(defaults)).toBe("/contacts");
  });

  it.each(Object.entries(oneOfEach))("writes %s so that the list's parser reads it back", (_, filters) => {
    const { path, filters: parsed } = readBack(contactListHref(filters));
    expect(path).toBe("/contacts");
    expect(parsed).toEqual(complete(filters));
  });

  it("writes every filter at once", () => {
    const all = Object.assign({}, ...Object.values(oneOfEach)) as ContactFilters;
    expect(readBack(contactListHref(all)).filters).toEqual(all);
  });

  it("adds a toast the parser ignores", () => {
    const { filters, params } = readBack(contactListHref({ priority: ["high"] }, { toast: "deleted" }));
    expect(params.get("toast")).toBe("deleted");
    expect(filters).toEqual(complete({ priority: ["high"] }));
    expect(contactListHref({}, { toast: "password" })).toBe("/contacts?toast=password");
  });
});

describe("contactExportHref", () => {
  it("exports exactly the list's filters, without its page cursors", () => {
    const all = Object.assign({}, ...Object.values(oneOfEach)) as ContactFilters;
    const { path, filters, params } = readBack(contactExportHref(all));
    expect(path).toBe("/contacts/export");
    expect(filters).toEqual({ ...all, after: undefined, before: undefined });
    expect(params.get("sep")).toBeNull();
    expect(readBack(contactExportHref(all, { comma: true })).params.get("sep")).toBe("comma");
  });
});
