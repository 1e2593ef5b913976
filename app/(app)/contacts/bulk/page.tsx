import type { Metadata } from "next";
import Link from "next/link";
import { BulkUndoButton, RefreshWhileRunning } from "@/components/contacts/bulk-undo-button";
import { EmptyState } from "@/components/ui/empty-state";
import { Cell, TableCard } from "@/components/ui/table-card";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import { bulkActionLabels, describeBulkAction } from "@/lib/bulk-actions/bulk-action-input";
import { listBulkActions, UNDO_WINDOW_HOURS, type BulkActionSummary } from "@/lib/bulk-actions/bulk-actions";
import { formatDateTime } from "@/lib/format/date";
import { undoBulkActionAction } from "./actions";
import { formatNumber } from "@/lib/format/number";

export const metadata: Metadata = { title: "Ações em massa" };


function Status({ action }: { action: BulkActionSummary }) {
  const percent = (done: number, total: number) => Math.round((100 * done) / Math.max(total, 1));
  switch (action.status) {
    case "running":
      return <span>Em andamento: {percent(action.processed, action.total)}%</span>;
    case "undoing":
      return <span>Desfazendo: {percent(action.undone + action.keptOnUndo, action.changed)}%</span>;
    case "undone":
      return (
        <span>
          Desfeita por {action.undoneByName} em {action.undoneAt ? formatDateTime(action.undoneAt) : "—"}: {formatNumber(action.undone)} revertidos
          {action.keptOnUndo > 0 && `, ${formatNumber(action.keptOnUndo)} mantidos (mudaram depois)`}
        </span>
      );
    case "failed":
      return <span className="text-red-700">{action.error}</span>;
    case "done":
      return <span className="text-green-800">Concluída</span>;
  }
}

export default async function BulkActionsPage() {
  const viewer = await requireViewer();
  const actions = await listBulkActions(viewer);
  return (
    <div className="space-y-5">
      <header>
        <p className="text-sm"><Link href="/contacts" className="text-indigo-700 hover:underline">← Contatos</Link></p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">Ações em massa</h1>
        <p className="mt-1 text-sm text-slate-600">
          {can(viewer.role, "bulkActions.viewAll") ? "As ações em massa da organização" : "As suas ações em massa"}, das mais recentes às mais antigas.
          Cada uma pode ser desfeita por inteiro em até {UNDO_WINDOW_HOURS} horas.
        </p>
      </header>
      <RefreshWhileRunning running={actions.some((a) => a.status === "running" || a.status === "undoing")} />
      {actions.length === 0 ? (
        <EmptyState title="Nenhuma ação em massa ainda." description="Selecione contatos na lista e escolha uma ação." />
      ) : (
        <TableCard
          caption="Ações em massa"
          cards
          head={
            <>
              <th scope="col" className="px-4 py-3">Quando</th>
              <th scope="col" className="px-4 py-3">Quem</th>
              <th scope="col" className="px-4 py-3">Ação</th>
              <th scope="col" className="px-4 py-3">Contatos</th>
              <th scope="col" className="px-4 py-3 text-right">Alterados</th>
              <th scope="col" className="px-4 py-3 text-right">Sem mudança</th>
              <th scope="col" className="px-4 py-3 text-right">Ignorados</th>
              <th scope="col" className="px-4 py-3">Situação</th>
              <th scope="col" className="px-4 py-3"><span className="sr-only">Desfazer</span></th>
            </>
          }
        >
          {actions.map((action) => {
            const label = `${bulkActionLabels[action.kind]} (${describeBulkAction(action.kind, action.params)})`;
            return (
              <tr key={action.id}>
                <Cell label="Quando" className="whitespace-nowrap px-4 py-3 text-slate-600">{formatDateTime(action.createdAt)}</Cell>
                <Cell label="Quem" className="px-4 py-3">{action.actorName}</Cell>
                <td className="px-4 py-3">
                  <span className="font-medium">{bulkActionLabels[action.kind]}</span>
                  <span className="block text-slate-600">{describeBulkAction(action.kind, action.params)}</span>
                </td>
                <Cell label="Contatos" className="px-4 py-3 text-slate-600">
                  {action.listHref !== null ? (
                    <Link href={action.listHref} className="text-indigo-700 hover:underline">
                      {formatNumber(action.total)} do filtro
                    </Link>
                  ) : (
                    `${formatNumber(action.total)} selecionados`
                  )}
                </Cell>
                <Cell label="Alterados" className="px-4 py-3 text-right tabular-nums max-lg:inline-block max-lg:pr-3">{formatNumber(action.changed)}</Cell>
                <Cell label="Sem mudança" className="px-4 py-3 text-right tabular-nums max-lg:inline-block max-lg:pr-3">{formatNumber(action.unchanged)}</Cell>
                <Cell label="Ignorados" className="px-4 py-3 text-right tabular-nums max-lg:inline-block">{formatNumber(action.skipped)}</Cell>
                <td className="px-4 py-3"><Status action={action} /></td>
                <td className="px-4 py-3 text-right max-lg:text-left">{action.canUndo && <BulkUndoButton id={action.id} label={label} changed={action.changed} undo={undoBulkActionAction} />}</td>
              </tr>
            );
          })}
        </TableCard>
      )}
    </div>
  );
}
