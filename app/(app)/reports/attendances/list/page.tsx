import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReportAttendanceTable } from "@/components/reports/report-attendance-table";
import { ReportChips } from "@/components/reports/report-chips";
import { ReportPeriodForm } from "@/components/reports/report-period-form";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireViewer } from "@/lib/auth/session";
import { formatDay, todayInBrasilia } from "@/lib/format/date";
import { reportFilters, reportPeriod } from "@/lib/live/report-filters";
import { reportHref, sliceOf } from "@/lib/live/report-links";
import { reportFilterNames } from "@/lib/live/report-names";
import { listReportAttendances } from "@/lib/live/reports";

export const metadata: Metadata = { title: "Atendimentos do relatório" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ReportAttendancesPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer();
  const filters = reportFilters.parse(await searchParams);
  const period = reportPeriod(filters, todayInBrasilia());
  const slice = sliceOf(filters);
  const [page, names] = await Promise.all([
    listReportAttendances(viewer, period, { ...slice, before: filters.before }),
    reportFilterNames(viewer, slice),
  ]);
  if (!page || !names) notFound();
  const days = period.from === period.to ? `em ${formatDay(period.from)}` : `de ${formatDay(period.from)} a ${formatDay(period.to)}`;

  return (
    <div className="space-y-5">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <Link href={reportHref("report", period, slice)} className="text-sm text-indigo-700 hover:underline">← Relatório de atendimento</Link>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight">Atendimentos</h1>
          <p className="mt-1 text-sm text-slate-600">Os que chegaram {days}, do mais recente ao mais antigo.</p>
        </div>
        {page.rows.length > 0 && (
          <a href={reportHref("export", period, slice)} className={buttonClasses("secondary")} download>
            Exportar CSV
          </a>
        )}
      </header>

      <ReportPeriodForm path="list" period={period} slice={slice} />
      <ReportChips path="list" period={period} slice={slice} names={names} />

      {page.rows.length === 0 ? (
        <EmptyState
          title={filters.before ? "Não há atendimentos mais antigos." : "Nenhum atendimento no período."}
          action={filters.before ? <Link href={reportHref("list", period, slice)} className={buttonClasses("secondary")}>Voltar aos mais recentes</Link> : undefined}
        />
      ) : (
        <ReportAttendanceTable attendances={page.rows} />
      )}
      {(page.next || filters.before) && (
        <nav aria-label="Paginação" className="flex justify-end gap-2">
          {filters.before && <Link href={reportHref("list", period, slice)} className={buttonClasses("ghost")}>Voltar aos mais recentes</Link>}
          {page.next && <Link href={reportHref("list", period, slice, page.next)} className={buttonClasses("secondary")}>Mais antigos →</Link>}
        </nav>
      )}
    </div>
  );
}
