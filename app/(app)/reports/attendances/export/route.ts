import { getViewer } from "@/lib/auth/session";
import { todayInBrasilia } from "@/lib/format/date";
import { reportFilters, reportPeriod } from "@/lib/live/report-filters";
import { sliceOf } from "@/lib/live/report-links";
import { exportReportCsv } from "@/lib/live/reports";

// GET /reports/attendances/export?<period and slice> — the attendances behind the report's numbers, as CSV.
export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer) return new Response("Sua sessão expirou. Entre novamente.", { status: 401 });
  const filters = reportFilters.parse(Object.fromEntries(new URL(request.url).searchParams));
  const period = reportPeriod(filters, todayInBrasilia());
  // The whole set, whichever page of the list the link was on.
  const stream = exportReportCsv(viewer, period, sliceOf(filters));
  if (!stream) return new Response("Apenas supervisores e administradores exportam os relatórios de atendimento.", { status: 403 });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="atendimentos-${period.from}-a-${period.to}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
