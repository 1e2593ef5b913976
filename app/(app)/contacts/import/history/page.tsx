import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { importStatusLabels, importStatusTones } from "@/components/import/import-status";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Cell, TableCard } from "@/components/ui/table-card";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format/date";
import { formatNumber } from "@/lib/format/number";
import { formatDuration } from "@/lib/format/size";
import { listImports } from "@/lib/import/imports";
import { parseId } from "@/lib/sql/ids";

export const metadata: Metadata = { title: "Importações" };

type Props = { searchParams: Promise<{ before?: string | string[] }> };

// On a phone's card the counts share one line: "Linhas: 3.000  Criados: 2.989…".
const numberCell = "px-4 py-3 text-right tabular-nums max-lg:mr-4 max-lg:inline-block! max-lg:text-left";

/** The imports, newest first, a page at a time: "Carregar mais" puts the last one's id in the URL (?before=). */
export default async function ImportHistoryPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  if (!can(viewer.role, "contacts.import")) notFound();
  const { before: rawBefore } = await searchParams;
  // A malformed cursor is dropped, like the list's: the first page.
  const before = parseId(rawBefore);
  const { items, next } = await listImports(viewer, { before });
  return (
    <div className="space-y-5">
      <header>
        <p className="text-sm"><Link href="/contacts/import" className="text-indigo-700 hover:underline">← Importar público</Link></p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">Importações</h1>
        <p className="mt-1 text-sm text-slate-600">
          {can(viewer.role, "contacts.viewAll") ? "As importações da organização" : "As suas importações"}, das mais recentes às mais antigas. Abra uma para ver o resultado, baixar os erros ou desfazê-la.
        </p>
      </header>
      {items.length === 0 ? (
        before ? (
          <EmptyState title="Não há importações mais antigas." action={<Link href="/contacts/import/history" className={buttonClasses("secondary")}>Voltar às mais recentes</Link>} />
        ) : (
          <EmptyState
            title="Nenhuma importação ainda."
            description="Envie uma planilha de contatos para começar."
            action={<Link href="/contacts/import" className={buttonClasses("primary")}>Importar público</Link>}
          />
        )
      ) : (
        <TableCard
          caption="Importações"
          cards
          head={
            <>
              <th scope="col" className="px-4 py-3">Arquivo</th>
              <th scope="col" className="px-4 py-3">Quem e quando</th>
              <th scope="col" className="px-4 py-3">Opções</th>
              <th scope="col" className="px-4 py-3 text-right">Linhas</th>
              <th scope="col" className="px-4 py-3 text-right">Criados</th>
              <th scope="col" className="px-4 py-3 text-right">Atualizados</th>
              <th scope="col" className="px-4 py-3 text-right">Sem alteração</th>
              <th scope="col" className="px-4 py-3 text-right">Erros</th>
              <th scope="col" className="px-4 py-3">Duração</th>
              <th scope="col" className="px-4 py-3">Situação</th>
            </>
          }
        >
          {items.map((item) => (
            <tr key={item.id}>
              <td className="min-w-40 px-4 py-3 max-lg:pr-28">
                <Link href={`/contacts/import/${item.id}`} className="font-medium wrap-anywhere text-indigo-700 hover:underline">{item.fileName}</Link>
              </td>
              <Cell label="Quem" className="px-4 py-3 text-slate-700">
                {item.actorName}
                <span className="block text-xs whitespace-nowrap text-slate-500 max-lg:inline max-lg:before:content-['_·_']">{formatDateTime(new Date(item.createdAt))}</span>
              </Cell>
              <Cell label="Opções" className="max-w-72 px-4 py-3 text-slate-600">{item.optionsSummary || "—"}</Cell>
              <Cell label="Linhas" className={numberCell}>{formatNumber(item.rowsRead)}</Cell>
              <Cell label="Criados" className={numberCell}>{formatNumber(item.created)}</Cell>
              <Cell label="Atualizados" className={numberCell}>{formatNumber(item.updated)}</Cell>
              <Cell label="Sem alteração" className={numberCell}>{formatNumber(item.unchanged)}</Cell>
              <Cell label="Erros" className={numberCell}>{formatNumber(item.failed)}</Cell>
              <Cell label="Duração" className="px-4 py-3 whitespace-nowrap text-slate-600">{item.durationSeconds === null ? "—" : formatDuration(item.durationSeconds)}</Cell>
              <td className="px-4 py-3 max-lg:absolute max-lg:top-3 max-lg:right-4">
                <Badge tone={importStatusTones[item.status]}>{importStatusLabels[item.status]}</Badge>
              </td>
            </tr>
          ))}
        </TableCard>
      )}
      {(next || before) && (
        <nav aria-label="Paginação" className="flex flex-wrap justify-between gap-3">
          {before ? <Link href="/contacts/import/history" className={buttonClasses("ghost")}>← Mais recentes</Link> : <span />}
          {next && <Link href={`/contacts/import/history?before=${next}`} className={buttonClasses("secondary")}>Carregar mais</Link>}
        </nav>
      )}
    </div>
  );
}
