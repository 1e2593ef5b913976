import { describe, expect, it } from "vitest";
import { auditFilters } from "./audit-filters";

const user = "c9e8d7f6-a5b4-4c3d-9e2f-1a0b9c8d7e6f";
const none = { user: undefined, action: undefined, from: undefined, to: undefined, before: undefined };

describe("auditFilters", () => {
  it("reads every filter", () => {
    expect(auditFilters.parse({ user: user.toUpperCase(), action: "segment.create", from: "2026-03-01", to: "2026-03-31", before: "abc" })).toEqual({
      user,
      action: "segment.create",
      from: "2026-03-01",
      to: "2026-03-31",
      before: "abc",
    });
  });

  // Before, a day the database cannot cast reached SQL and /audit answered 500.
  it.each<[string, Record<string, string | string[]>]>([
    ["month 13, day 45", { from: "2024-13-45", to: "2024-13-45" }],
    ["year 0", { from: "0000-01-01" }],
    ["30 February", { to: "2026-02-30" }],
    ["a NUL after a day", { from: "2026-03-05\0" }],
    ["a NUL in the user", { user: `${user}\0` }],
    ["an unknown action", { action: "drop table" }],
    ["a cursor longer than 200 characters", { before: "x".repeat(201) }],
  ])("drops %s", (_, query) => {
    expect(auditFilters.parse(query)).toEqual(none);
  });
});
