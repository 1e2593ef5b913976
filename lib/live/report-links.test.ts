import { describe, expect, it } from "vitest";
import { reportFilters } from "./report-filters";
import { reportHref, sliceOf } from "./report-links";

const period = { from: "2026-11-01", to: "2026-11-07" };
const SEGMENT = "0b6f7a4e-2f1c-4c3a-9a51-3f0e2d7c9b10";

describe("report links", () => {
  it("name the period, the slice and the cursor, and read back as the same filters", () => {
    const href = reportHref("list", period, { segment: SEGMENT, channel: "sms" }, "abc");
    expect(href).toBe(`/reports/attendances/list?from=2026-11-01&to=2026-11-07&segment=${SEGMENT}&channel=sms&before=abc`);
    const parsed = reportFilters.parse(Object.fromEntries(new URL(href, "http://x").searchParams));
    expect(parsed).toEqual({ ...period, segment: SEGMENT, channel: "sms", before: "abc" });
    expect(sliceOf(parsed)).toEqual({ segment: SEGMENT, channel: "sms" });
  });

  it("leave out what is not set", () => {
    expect(reportHref("export", period, { priority: undefined })).toBe("/reports/attendances/export?from=2026-11-01&to=2026-11-07");
    expect(reportHref("report", period, { segment: "none" })).toBe("/reports/attendances?from=2026-11-01&to=2026-11-07&segment=none");
  });
});
