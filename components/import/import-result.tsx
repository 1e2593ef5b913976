import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";
import { formatDateTime } from "@/lib/format/date";
import { formatNumber, plural } from "@/lib/format/number";
import { formatDuration } from "@/lib/format/size";
import type { ImportView } from "@/lib/import/view";
import { UndoImportButton } from "./undo-import-button";

export type ImportResultProps = {
  view: ImportView;
  /** Whether "Desfazer importação" is still offered (undoUntil in the future, decided by the page). */
  canUndo: boolean;
  undo: (id: string) => Promise<ActionResult>;
};

const titles: Partial<Record<ImportView["status"], string>> = {
  done: "Importação concluída",
  cancelled: "Importação cancelada",
  failed: "A importação parou",
  undone: "Importação desfeita",
};

/** The outcome of an import that ended: its numbers, its error file and its undo. */
export function ImportResult({ view, canUndo, undo }: ImportResultProps) {
  const wrote = view.created + view.updated > 0;
  const duration = view.startedAt && view.finishedAt ? (Date.parse(view.finishedAt) - Date.parse(view.startedAt)) / 1000 : null;
  const counts = [
    ["Criados", view.created],
    ["Atualizados", view.updated],
    ["Sem alteração", view.unchanged],
    ["Com erro", view.failed],
  ] as const;
  return (
    <section aria-labelledby="result-title" className="space-y-4 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <div>
        <h2 id="result-title" className="text-lg font-semibold text-slate-900">{titles[view.status] ?? "Importação"}</h2>
        <p className="mt-1 text-sm text-slate-600">
          {view.finishedAt && `Terminou em ${formatDateTime(new Date(view.finishedAt))}`}
          {duration !== null && ` · duração: ${formatDuration(duration)}`}
        </p>
      </div>

      {view.status === "failed" && view.error && <Alert title="Motivo">{view.error}</Alert>}
      {view.status === "cancelled" && (
        <p className="text-sm text-slate-700">{wrote ? "O que foi gravado antes do cancelamento ficou." : "Nada foi gravado."}</p>
      )}

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {counts.map(([label, value]) => (
          <div key={label} className="rounded-md bg-slate-50 px-3 py-2">
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="text-2xl font-semibold text-slate-900 tabular-nums">{formatNumber(value)}</dd>
          </div>
        ))}
      </dl>

      {view.status === "undone" && (
        <Alert tone="success" title="Desfeita.">
          {plural(view.undone, "contato desfeito", "contatos desfeitos")}: os criados pela importação foram removidos e os alterados voltaram ao que eram.
          {view.keptOnUndo > 0 && ` ${plural(view.keptOnUndo, "contato foi alterado depois da importação e ficou como estava", "contatos foram alterados depois da importação e ficaram como estavam")}.`}
        </Alert>
      )}
      {view.keptContacts.length > 0 && (
        <section aria-labelledby="kept-contacts" className="space-y-2">
          <h2 id="kept-contacts" className="text-base font-semibold text-slate-900">
            Alterados depois da importação{view.keptContacts.length < view.keptOnUndo ? ` (os primeiros ${view.keptContacts.length})` : ""}
          </h2>
          <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white text-sm">
            {view.keptContacts.map((contact) => (
              <li key={contact.id} className="px-4 py-2">
                <a href={`/contacts/${contact.id}`} className="font-medium text-indigo-700 hover:underline">{contact.name}</a>
                <span className="ml-2 text-slate-600">{contact.customerCode}</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="flex flex-wrap items-center gap-3">
        {view.failed > 0 && (
          <a href={`/contacts/import/${view.id}/erros`} className={buttonClasses("secondary")}>Baixar arquivo de erros</a>
        )}
        {canUndo && wrote && view.undoUntil && (
          <UndoImportButton id={view.id} created={view.created} updated={view.updated} until={`até ${formatDateTime(new Date(view.undoUntil))}`} undo={undo} />
        )}
        <Link href="/contacts" className={buttonClasses("ghost")}>Ver contatos</Link>
        <Link href="/contacts/import" className={buttonClasses("ghost")}>Importar outro arquivo</Link>
      </div>
      {view.failed > 0 && (
        <p className="text-xs text-slate-600">O arquivo de erros traz as linhas recusadas, com o motivo, para corrigir e importar de novo.</p>
      )}
    </section>
  );
}
