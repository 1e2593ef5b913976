import { z } from "zod";
import { channels, priorities } from "@/db/enums";
import { idField } from "@/lib/sql/ids";
import { isDay } from "@/lib/sql/values";

// The attendance report's filters, from its URL: the period, and the slice a number was clicked on.
// Client-safe. Anything malformed is dropped, never an error page.

const day = z.string().refine(isDay);
const one = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (Array.isArray(value) ? value[0] : value || undefined), schema.optional().catch(undefined));

/** The longest period a report covers, in days. */
export const REPORT_MAX_DAYS = 366;

export const reportFilters = z.object({
  from: one(day),
  to: one(day),
  // "none": the "Sem segmento" queue.
  segment: one(z.union([idField(), z.literal("none")])),
  operator: one(idField()),
  priority: one(z.enum(priorities)),
  channel: one(z.enum(channels)),
  before: one(z.string().max(200)),
});
export type ReportFilters = z.output<typeof reportFilters>;

export type ReportPeriod = { from: string; to: string };

/** The filters' period, or the last 7 days up to `today`; reversed ends are swapped, and a period past the maximum ends at `to`. */
export function reportPeriod(filters: ReportFilters, today: string): ReportPeriod {
  let to = filters.to ?? today;
  let from = filters.from ?? addDays(to, -6);
  if (from > to) [from, to] = [to, from];
  const earliest = addDays(to, -(REPORT_MAX_DAYS - 1));
  return { from: from < earliest ? earliest : from, to };
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The filters as a query string (for the links of each number and the CSV). */
export function reportSearchParams(filters: Partial<ReportFilters>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  return params;
}
