import { contactListHref } from "@/lib/contacts/list-link";
import { ChartCard } from "./chart-card";

export type WeeklyChartProps = {
  /** Oldest first; `partial` marks the week under way. */
  weeks: { weekStart: string; contacts: number; partial: boolean }[];
};

/** dd/mm of a YYYY-MM-DD Monday, and the list of the contacts created in the week it starts. */
function week(start: string) {
  const [y, m, d] = start.split("-").map(Number);
  const end = new Date(Date.UTC(y, m - 1, d + 6)).toISOString().slice(0, 10);
  return { label: `${String(d).padStart(2, "0")}/${String(m).padStart(2, "0")}`, href: contactListHref({ createdFrom: start, createdTo: end }) };
}

/** New contacts per week; the current week is hatched, since its count is still growing. */
export function WeeklyChart({ weeks }: WeeklyChartProps) {
  return (
    <ChartCard
      title={`Novos contatos por semana (últimas ${weeks.length})`}
      columns
      data={weeks.map((w) => ({ ...week(w.weekStart), value: w.contacts, partial: w.partial ? "semana atual (parcial)" : undefined }))}
    />
  );
}
