import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChartCard } from "@/components/dashboard/chart-card";
import { ResponsibleChart } from "@/components/dashboard/responsible-chart";
import { WeeklyChart } from "@/components/dashboard/weekly-chart";
import { capabilitiesOf } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import { contactListHref } from "@/lib/contacts/list-link";
import { priorityLabels, priorityTones } from "@/lib/contacts/priority";
import { getDashboard } from "@/lib/dashboard/dashboard";
import { formatAge, formatDateTime } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";

export const metadata: Metadata = { title: "Painel" };

const percent = new Intl.NumberFormat("pt-BR", { style: "percent", maximumFractionDigits: 1 });

export default async function DashboardPage() {
  const viewer = await requireViewer();
  const dashboard = await getDashboard(viewer);
  if (!dashboard) notFound();
  const { total } = dashboard;
  const viewsAll = capabilitiesOf(viewer.role)["contacts.viewAll"];
  const share = (n: number) => (total > 0 ? percent.format(n / total) : "—");

  const stats = [
    { label: "Contatos", value: total, href: contactListHref(), note: viewsAll ? "na organização" : "na sua carteira" },
    { label: "Sem telefone", value: dashboard.withoutPhone, href: contactListHref({ hasPhone: "no" }), note: `${share(dashboard.withoutPhone)}: fora de WhatsApp e SMS` },
    { label: "Sem e-mail", value: dashboard.withoutEmail, href: contactListHref({ hasEmail: "no" }), note: `${share(dashboard.withoutEmail)}: fora das campanhas de e-mail` },
  ];

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Painel</h1>
        <p className="mt-1 text-sm text-slate-600">
          {viewsAll ? "Todos os contatos da organização" : "Os contatos que você vê"}.{" "}
          {dashboard.asOf ? (
            <>
              Atualizado <time dateTime={dashboard.asOf.toISOString()} title={formatDateTime(dashboard.asOf)}>{formatAge(dashboard.asOf)}</time>
              {" "}(a cada poucos minutos). Cada número abre a lista desses contatos como está agora.
            </>
          ) : (
            "Cada número abre a lista com exatamente esses contatos."
          )}
        </p>
      </header>

      <dl className="grid gap-4 sm:grid-cols-3">
        {stats.map((s) => (
          <div key={s.label} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <dt className="text-sm text-slate-600">{s.label}</dt>
            <dd className="mt-1">
              <Link href={s.href} className="text-2xl font-semibold text-indigo-700 tabular-nums hover:underline">{formatNumber(s.value)}</Link>
              <span className="block text-xs text-slate-500">{s.note}</span>
            </dd>
          </div>
        ))}
      </dl>

      <div className="grid gap-6 lg:grid-cols-2">
        <ChartCard
          title="Por segmento"
          data={dashboard.bySegment.map((s) => ({
            label: s.name ?? "Sem segmento",
            value: s.contacts,
            href: contactListHref(s.segmentId ? { segment: [s.segmentId] } : { noSegment: true }),
          }))}
        />
        <ChartCard
          title="Por prioridade"
          data={dashboard.byPriority.map((p) => ({
            label: priorityLabels[p.priority],
            value: p.contacts,
            href: contactListHref({ priority: [p.priority] }),
            tone: priorityTones[p.priority],
          }))}
        />
        <ResponsibleChart responsibles={dashboard.byResponsible} withoutResponsible={dashboard.withoutResponsible} />
        <WeeklyChart weeks={dashboard.newPerWeek} />
      </div>
    </div>
  );
}
