import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ChartCard } from "@/components/dashboard/chart-card";
import { attendancesUnit } from "@/components/reports/report-format";
import { ReportChips } from "@/components/reports/report-chips";
import { ReportLoading } from "@/components/reports/report-loading";
import { ReportPeriodForm } from "@/components/reports/report-period-form";
import { ReportStats } from "@/components/reports/report-stats";
import { ReportTable } from "@/components/reports/report-table";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import type { Viewer } from "@/lib/auth/viewer";
import type { Priority } from "@/lib/contacts/priority";
import { formatDay, todayInBrasilia } from "@/lib/format/date";
import { reportFilters, reportPeriod, type ReportPeriod } from "@/lib/live/report-filters";
import { reportHref, sliceOf, type ReportSlice } from "@/lib/live/report-links";
import { reportFilterNames } from "@/lib/live/report-names";
import { getAttendanceReport, type ReportRow } from "@/lib/live/reports";

export const metadata: Metadata = { title: "Relatórios de atendimento" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// No loading.tsx: its boundary would stream a 200 before the page could answer 404 to a role
// without reports. The page answers that first (reportFilterNames is null for them), then streams
// the numbers inside its own Suspense, keyed by the URL so each new period shows the fallback.
export default async function AttendanceReportPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer();
  const filters = reportFilters.parse(await searchParams);
  const period = reportPeriod(filters, todayInBrasilia());
  const slice = sliceOf(filters);
  const names = await reportFilterNames(viewer, slice);
  if (!names) notFound();

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Relatórios de atendimento</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">
            Os atendimentos que chegaram de {formatDay(period.from)} a {formatDay(period.to)}{" "}
            {can(viewer.role, "live.allQueues") ? "em todas as filas" : "nas filas que você acompanha"}. Espera: da chegada até alguém assumir;
            atendimento: de assumido até encerrado. Cada número abre a lista desses atendimentos.
          </p>
        </div>
        <a href={reportHref("export", period, slice)} className={buttonClasses("secondary")} download>
          Exportar CSV
        </a>
      </header>

      <ReportPeriodForm path="report" period={period} slice={slice} />
      <ReportChips path="report" period={period} slice={slice} names={names} />

      <Suspense key={reportHref("report", period, slice)} fallback={<ReportLoading label="Contando os atendimentos…" />}>
        <ReportNumbers viewer={viewer} period={period} slice={slice} />
      </Suspense>
    </div>
  );
}

async function ReportNumbers({ viewer, period, slice }: { viewer: Viewer; period: ReportPeriod; slice: ReportSlice }) {
  const report = await getAttendanceReport(viewer, period, slice);
  if (!report) notFound();
  const sliced = Object.keys(slice).length > 0;
  // A row of a breakdown narrows the current slice by one more dimension.
  const by = (dimension: keyof ReportSlice) => ({
    listHrefOf: (row: ReportRow) => reportHref("list", period, { ...slice, [dimension]: row.key }),
    reportHrefOf: (row: ReportRow) => reportHref("report", period, { ...slice, [dimension]: row.key }),
  });
  const taken = report.byOperator.reduce((sum, row) => sum + row.attendances, 0);

  if (report.total.attendances === 0) {
    return (
      <EmptyState
        title={sliced ? "Nenhum atendimento com estes filtros no período." : "Nenhum atendimento no período."}
        description={sliced ? "Remova um filtro acima ou escolha outro período." : "Nenhum cliente chegou a estas filas nestes dias. Escolha outro período acima."}
        action={sliced ? <Link href={reportHref("report", period)} className={buttonClasses("secondary")}>Ver todo o período</Link> : undefined}
      />
    );
  }
  return (
    <div className="space-y-6">
      <ReportStats total={report.total} listHref={reportHref("list", period, slice)} />
      <ChartCard
        title="Atendimentos por dia"
        columns
        unit={attendancesUnit}
        data={report.days.map((day) => ({
          label: formatDay(day.key).slice(0, 5),
          value: day.attendances,
          href: reportHref("list", { from: day.key, to: day.key }, slice),
        }))}
      />
      <ReportTable title="Por fila" dimension="Fila" rows={report.bySegment} {...by("segment")} />
      <ReportTable
        title="Por operador"
        dimension="Operador"
        rows={report.byOperator}
        note={taken < report.total.attendances ? "Só os atendimentos que alguém assumiu; os que ainda aguardam ficam de fora." : undefined}
        {...by("operator")}
      />
      <ReportTable
        title="Por prioridade do contato"
        dimension="Prioridade"
        rows={report.byPriority}
        note="Cliente sem contato cadastrado conta como Média."
        listHrefOf={(row) => reportHref("list", period, { ...slice, priority: row.key as Priority })}
        reportHrefOf={(row) => reportHref("report", period, { ...slice, priority: row.key as Priority })}
      />
      <ReportTable title="Por canal" dimension="Canal" rows={report.byChannel} {...by("channel")} />
    </div>
  );
}
