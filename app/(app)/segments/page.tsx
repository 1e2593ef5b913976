import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SegmentForm } from "@/components/segments/segment-form";
import { EmptyState } from "@/components/ui/empty-state";
import { Toast } from "@/components/ui/toast";
import { TableCard } from "@/components/ui/table-card";
import { requireViewer } from "@/lib/auth/session";
import { noResponsible } from "@/lib/contacts/contact-filters";
import { contactListHref } from "@/lib/contacts/list-link";
import { listSegmentsOverview } from "@/lib/segments/admin";
import { createSegmentAction } from "./actions";
import { formatNumber } from "@/lib/format/number";

export const metadata: Metadata = { title: "Segmentos" };


export default async function SegmentsPage({ searchParams }: { searchParams: Promise<{ toast?: string }> }) {
  const viewer = await requireViewer();
  const overview = await listSegmentsOverview(viewer);
  if (!overview) notFound();
  const { toast } = await searchParams;
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Segmentos</h1>
        <p className="mt-1 text-sm text-slate-600">As carteiras da organização: decidem qual equipe vê e atende cada contato.</p>
      </header>

      <section aria-labelledby="new-segment" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 id="new-segment" className="mb-3 text-sm font-semibold">Novo segmento</h2>
        <SegmentForm action={createSegmentAction} submitLabel="Criar segmento" />
      </section>

      {overview.length === 0 ? (
        <EmptyState title="Nenhum segmento ainda." description="Crie o primeiro acima." />
      ) : (
        <TableCard
          caption="Segmentos"
          head={
            <>
              <th scope="col" className="px-4 py-3">Nome</th>
              <th scope="col" className="px-4 py-3">Descrição</th>
              <th scope="col" className="px-4 py-3 text-right">Contatos</th>
              <th scope="col" className="px-4 py-3 text-right">Membros</th>
              <th scope="col" className="px-4 py-3 text-right">Sem responsável</th>
            </>
          }
        >
          {overview.map((s) => (
            <tr key={s.id} className="hover:bg-slate-50">
              <td className="px-4 py-3 font-medium">
                <Link href={`/segments/${s.id}`} className="text-indigo-700 hover:underline">{s.name}</Link>
              </td>
              <td className="px-4 py-3 text-slate-600">{s.description || "—"}</td>
              <td className="px-4 py-3 text-right tabular-nums">
                <Link href={contactListHref({ segment: [s.id] })} className="text-indigo-700 hover:underline" aria-label={`${formatNumber(s.contacts)} contatos em ${s.name}`}>
                  {formatNumber(s.contacts)}
                </Link>
              </td>
              <td className="px-4 py-3 text-right tabular-nums">{formatNumber(s.members)}</td>
              <td className="px-4 py-3 text-right tabular-nums">
                <Link
                  href={contactListHref({ segment: [s.id], responsible: [noResponsible] })}
                  className="text-indigo-700 hover:underline"
                  aria-label={`${formatNumber(s.withoutResponsible)} contatos sem responsável em ${s.name}`}
                >
                  {formatNumber(s.withoutResponsible)}
                </Link>
              </td>
            </tr>
          ))}
        </TableCard>
      )}
      {toast === "archived" && <Toast message="Segmento arquivado." />}
    </div>
  );
}
