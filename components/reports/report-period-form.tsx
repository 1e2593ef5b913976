import Form from "next/form";
import { Button } from "@/components/ui/button";
import { DateRangeField } from "@/components/ui/date-range-field";
import { reportPaths, reportSliceKeys, type ReportSlice } from "@/lib/live/report-links";
import { REPORT_MAX_DAYS, type ReportPeriod } from "@/lib/live/report-filters";

export type ReportPeriodFormProps = {
  path: keyof typeof reportPaths;
  period: ReportPeriod;
  slice: ReportSlice;
};

/**
 * The period, as a GET form: the URL holds it, so a report can be shared and reloaded. The active
 * slice rides along as hidden fields, and a new period starts the list from its newest attendance.
 */
export function ReportPeriodForm({ path, period, slice }: ReportPeriodFormProps) {
  return (
    <Form action={reportPaths[path]} className="flex flex-wrap items-start gap-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <DateRangeField label="Período (chegada)" fromName="from" toName="to" defaultFrom={period.from} defaultTo={period.to} />
      {reportSliceKeys.map((key) => slice[key] && <input key={key} type="hidden" name={key} value={slice[key]} />)}
      {/* Level with the date inputs, below the legend. */}
      <div className="sm:pt-7">
        <Button type="submit">Ver período</Button>
      </div>
      <p className="basis-full text-xs text-slate-500">
        Sem fim, o período vai até hoje; sem início, são 7 dias. No máximo {REPORT_MAX_DAYS} dias.
      </p>
    </Form>
  );
}
