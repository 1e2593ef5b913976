import Link from "next/link";
import { priorityLabels } from "@/lib/contacts/priority";
import { channelLabels } from "@/lib/messages/channels";
import { reportHref, reportSliceKeys, type reportPaths, type ReportSlice } from "@/lib/live/report-links";
import type { ReportPeriod } from "@/lib/live/report-filters";
import type { ReportFilterNames } from "@/lib/live/report-names";

export type ReportChipsProps = {
  /** The page the chips' links stay on. */
  path: keyof typeof reportPaths;
  period: ReportPeriod;
  slice: ReportSlice;
  names: ReportFilterNames;
};

function chipLabel(key: keyof ReportSlice, slice: ReportSlice, names: ReportFilterNames): string {
  if (key === "segment") return `Fila: ${names.segment ?? "fora das suas filas"}`;
  if (key === "operator") return `Operador: ${names.operator ?? "usuário desconhecido"}`;
  if (key === "priority") return `Prioridade: ${priorityLabels[slice.priority!]}`;
  return `Canal: ${channelLabels[slice.channel!]}`;
}

/** The slice the page is narrowed to, each as a chip whose × opens the same page without it. */
export function ReportChips({ path, period, slice, names }: ReportChipsProps) {
  const keys = reportSliceKeys.filter((key) => slice[key]);
  if (keys.length === 0) return null;
  return (
    <ul aria-label="Filtros ativos" className="flex flex-wrap items-center gap-2">
      {keys.map((key) => {
        const label = chipLabel(key, slice, names);
        return (
          <li key={key} className="inline-flex items-center gap-1 rounded-full bg-indigo-50 py-1 pr-1 pl-3 text-sm text-indigo-800 ring-1 ring-indigo-200">
            {label}
            <Link
              href={reportHref(path, period, { ...slice, [key]: undefined })}
              aria-label={`Remover filtro ${label}`}
              className="rounded-full px-1.5 text-indigo-700 hover:bg-indigo-100 hover:text-indigo-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
            >
              ×
            </Link>
          </li>
        );
      })}
      {keys.length > 1 && (
        <li>
          <Link href={reportHref(path, period)} className="text-sm text-indigo-700 hover:underline">Limpar filtros</Link>
        </li>
      )}
    </ul>
  );
}
