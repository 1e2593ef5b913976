import Link from "next/link";
import { formatNumber } from "@/lib/format/number";
import type { ReportRow } from "@/lib/live/reports";
import { durationText } from "./report-format";

export type ReportStatsProps = {
  total: ReportRow;
  /** The list of the attendances the total counts. */
  listHref: string;
};

/** The period's totals: how many arrived, and how long they waited and were served (average and p90). */
export function ReportStats({ total, listHref }: ReportStatsProps) {
  const times = [
    { label: "Espera média", value: total.avgWaitSeconds, note: "da chegada até alguém assumir" },
    { label: "Espera p90", value: total.p90WaitSeconds, note: "9 em cada 10 esperaram até isso" },
    { label: "Atendimento médio", value: total.avgHandleSeconds, note: "de assumido até encerrado" },
    { label: "Atendimento p90", value: total.p90HandleSeconds, note: "9 em cada 10 terminaram até isso" },
  ];
  return (
    <dl className="grid grid-cols-2 gap-4 lg:grid-cols-5">
      <div className="col-span-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 lg:col-span-1">
        <dt className="text-sm text-slate-600">Atendimentos</dt>
        <dd className="mt-1">
          <Link href={listHref} className="text-2xl font-semibold text-indigo-700 tabular-nums hover:underline">{formatNumber(total.attendances)}</Link>
          <span className="block text-xs text-slate-500">chegaram no período</span>
        </dd>
      </div>
      {times.map((t) => (
        <div key={t.label} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <dt className="text-sm text-slate-600">{t.label}</dt>
          <dd className="mt-1">
            <span className="text-2xl font-semibold text-slate-900 tabular-nums">{durationText(t.value)}</span>
            <span className="block text-xs text-slate-500">{t.note}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
