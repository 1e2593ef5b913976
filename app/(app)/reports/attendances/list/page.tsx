import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ReportAttendanceTable } from "@/components/reports/report-attendance-table";
import { ReportChips } from "@/components/reports/report-chips";
import { ReportLoading } from "@/components/reports/report-loading";
import { ReportPeriodForm } from "@/components/reports/report-period-form";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireViewer } from "@/lib/auth/session";
import type { Viewer } from "@/lib/auth/viewer";
import { formatDay, todayInBrasilia } from "@/lib/format/date";
import { reportFilters, reportPeriod, type ReportPeriod } from "@/lib/live/report-filters";
import { reportHref, sliceOf, type ReportSlice } from "@/lib/live/report-links";
import { reportFilterNames } from "@/lib/live/report-names";
import { listReportAttendances } from "@/lib/live/reports";

export const metadata: Metadata = { title: "Atendimentos do relatório" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// No loading.tsx, for the same reason as the report's page: a role without reports gets a 404.
export default async function ReportAttendancesPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer();
  const filters = reportFilters.parse(await searchParams);
  const period = reportPeriod(filters, todayInBrasilia());
  const slice = sliceOf(filters);
  const names = await reportFilterNames(viewer, slice);
  if (!names) notFound();
  const days = period.from === period.to ? `em ${formatDay(period.from)}` : `de ${formatDay(period.from)} a ${formatDay(period.to)}`;

  return (
    <div className="space-y-5">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <Link href={reportHref("report", period, slice)} className="text-sm text-indigo-700 hover:underline">← Relatório de atendimento</Link>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight">Atendimentos</h1>
          <p className="mt-1 text-sm text-slate-600">Os que chegaram {days}, do mais recente ao mais antigo.</p>
        </div>
        <a href={reportHref("export", period, slice)} className={buttonClasses("secondary")} download>
          Exportar CSV
        </a>
      </header>

      <ReportPeriodForm path="list" period={period} slice={slice} />
      <ReportChips path="list" period={period} slice={slice} names={names} />

      <Suspense key={reportHref("list", period, slice, filters.before)} fallback={<ReportLoading label="Carregando os atendimentos…" />}>
        <AttendancePage viewer={viewer} period={period} slice={slice} before={filters.before} />
      </Suspense>
    </div>
  );
}

async function AttendancePage({ viewer, period, slice, before }: { viewer: Viewer; period: ReportPeriod; slice: ReportSlice; before?: string }) {
  const page = await listReportAttendances(viewer, period, { ...slice, before });
  if (!page) notFound();
  return (
    <>
      {page.rows.length === 0 ? (
        <EmptyState
          title={before ? "Não há atendimentos mais antigos." : "Nenhum atendimento no período."}
          action={before ? <Link href={reportHref("list", period, slice)} className={buttonClasses("secondary")}>Voltar aos mais recentes</Link> : undefined}
        />
      ) : (
        <ReportAttendanceTable attendances={page.rows} />
      )}
      {page.rows.length > 0 && (page.next || before) && (
        <nav aria-label="Paginação" className="flex justify-end gap-2">
          {before && <Link href={reportHref("list", period, slice)} className={buttonClasses("ghost")}>Voltar aos mais recentes</Link>}
          {page.next && <Link href={reportHref("list", period, slice, page.next)} className={buttonClasses("secondary")}>Mais antigos →</Link>}
        </nav>
      )}
    </>
  );
}
