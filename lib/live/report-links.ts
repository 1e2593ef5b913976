import { reportSearchParams, type ReportFilters, type ReportPeriod } from "./report-filters";

// Client-safe: every link of the attendance report (its numbers, chips, pages and CSV) is built
// here, from the same parameters reportFilters reads back.

export const reportPaths = {
  report: "/reports/attendances",
  list: "/reports/attendances/list",
  export: "/reports/attendances/export",
} as const;

/** The slice of the report a number was clicked on; it applies to a whole page. */
export type ReportSlice = Pick<ReportFilters, "segment" | "operator" | "priority" | "channel">;
export const reportSliceKeys = ["segment", "operator", "priority", "channel"] as const satisfies readonly (keyof ReportSlice)[];

/** The slice filters of parsed URL filters, without the period or the cursor. */
export function sliceOf(filters: ReportFilters): ReportSlice {
  return Object.fromEntries(reportSliceKeys.flatMap((key) => (filters[key] ? [[key, filters[key]]] : []))) as ReportSlice;
}

/** A report page for the period and slice; `before` only for the list's next page. */
export function reportHref(path: keyof typeof reportPaths, period: ReportPeriod, slice: ReportSlice = {}, before?: string): string {
  const params = reportSearchParams({ from: period.from, to: period.to, ...slice, before });
  return `${reportPaths[path]}?${params}`;
}
