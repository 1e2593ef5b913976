import { describe, expect, it } from "vitest";
import { readStoredFilters, toStoredFilters } from "./stored-filters";
import { allFilters, completeFilters, oneOfEachFilter, sampleIds } from "./testing/filter-samples";

const { segA, segB, user } = sampleIds;
// As the database hands it back.
const throughJson = (value: unknown) => JSON.parse(JSON.stringify(value));
const withoutPage = { size: 25, after: undefined, before: undefined } as const;

describe("stored filters", () => {
  it.each(Object.entries(oneOfEachFilter))("keep %s (page size and cursors excepted)", (_, filters) => {
    const full = completeFilters(filters);
    expect(readStoredFilters(throughJson(toStoredFilters(full)))).toEqual({ ...full, ...withoutPage });
  });

  it("keep every filter at once, in the frozen version 1 shape", () => {
    const stored = toStoredFilters(allFilters);
    expect(stored).toEqual({
      v: 1,
      filters: {
        q: "joão & filhos + cia #1 50%",
        segment: [segA, segB],
        noSegment: true,
        responsible: [user, "none"],
        tagAll: ["vip", "pós-venda"],
        tagAny: ["inadimplência"],
        tagNone: ["bloqueado", "c&a"],
        priority: ["high", "low"],
        createdFrom: "2026-03-01",
        createdTo: "2026-03-31",
        updatedFrom: "2026-02-01",
        updatedTo: "2026-02-28",
        hasPhone: "no",
        hasEmail: "yes",
      },
      sort: "priority",
    });
    expect(readStoredFilters(throughJson(stored))).toEqual({ ...allFilters, ...withoutPage });
  });

  it("leave defaults out: no filter is an empty object, the default sort is not written", () => {
    expect(toStoredFilters(completeFilters({}))).toEqual({ v: 1, filters: {} });
    expect(toStoredFilters(completeFilters({ updatedFrom: "2026-02-01" }))).toEqual({ v: 1, filters: { updatedFrom: "2026-02-01" } });
    expect(toStoredFilters(completeFilters({ updatedFrom: "2026-02-01", sort: "created" })).sort).toBe("created");
  });

  it("read values as the list reads its URL: what no longer parses is dropped, never an error", () => {
    const stored = { v: 1, filters: { segment: ["not-a-uuid", segA.toUpperCase()], priority: ["urgent", "low"], createdFrom: "2026-02-30", tagAll: ["#VIP novo"], q: "  " }, sort: "random" };
    expect(readStoredFilters(stored)).toEqual(completeFilters({ segment: [segA], priority: ["low"], tagAll: ["vip", "novo"] }));
  });

  it.each([
    ["an old query string", "priority=high"],
    ["another version", { v: 2, filters: {} }],
    ["no version", { filters: { priority: ["high"] } }],
    ["a list stored as a string", { v: 1, filters: { segment: segA } }],
    ["nothing", null],
  ])("refuse %s", (_, value) => {
    expect(() => readStoredFilters(value)).toThrow();
  });
});
