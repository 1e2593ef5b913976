import { describe, expect, it } from "vitest";
import { parseContactFilters } from "./contact-filters";
import { contactExportHref, contactListHref } from "./list-link";
import { allFilters, completeFilters, oneOfEachFilter } from "./testing/filter-samples";

const defaults = completeFilters({});
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

  it.each(Object.entries(oneOfEachFilter))("writes %s so that the list's parser reads it back", (_, filters) => {
    const { path, filters: parsed } = readBack(contactListHref(filters));
    expect(path).toBe("/contacts");
    expect(parsed).toEqual(completeFilters(filters));
  });

  it("writes every filter at once", () => {
    expect(readBack(contactListHref(allFilters)).filters).toEqual(allFilters);
  });

  it("adds a toast the parser ignores", () => {
    const { filters, params } = readBack(contactListHref({ priority: ["high"] }, { toast: "deleted" }));
    expect(params.get("toast")).toBe("deleted");
    expect(filters).toEqual(completeFilters({ priority: ["high"] }));
    expect(contactListHref({}, { toast: "password" })).toBe("/contacts?toast=password");
  });
});

describe("contactExportHref", () => {
  it("exports exactly the list's filters, without its page cursors", () => {
    const { path, filters, params } = readBack(contactExportHref(allFilters));
    expect(path).toBe("/contacts/export");
    expect(filters).toEqual({ ...allFilters, after: undefined, before: undefined });
    expect(params.get("sep")).toBeNull();
    expect(readBack(contactExportHref(allFilters, { comma: true })).params.get("sep")).toBe("comma");
  });
});
