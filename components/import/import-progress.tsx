"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/actions/result";
import { formatNumber, plural } from "@/lib/format/number";
import { formatDuration } from "@/lib/format/size";
import type { ImportView } from "@/lib/import/view";
import { workingStatuses } from "./import-status";
import { progressBarClasses } from "./progress-bar";

const POLL_MS = 1500;

export type ImportProgressProps = {
  view: ImportView;
  actions: {
    status: (id: string) => Promise<ActionResult<{ view: ImportView }>>;
    cancel: (id: string) => Promise<ActionResult>;
  };
};

const titles = { previewing: "Pré-visualizando", running: "Importando", undoing: "Desfazendo a importação" } as const;
const explanations = {
  previewing: "O arquivo inteiro é conferido linha a linha. Nada é gravado até você confirmar.",
  running: "Os contatos estão sendo gravados. Você pode sair desta página: a importação continua e aparece no histórico.",
  undoing: "Os contatos criados estão sendo removidos e os alterados voltam ao que eram.",
} as const;

/** Where the work is: done out of total, and what the total is while the file is still being read. */
export function progressOf(view: ImportView) {
  if (view.status === "undoing") return { done: view.undone + view.keptOnUndo, total: view.created + view.updated, counting: false };
  return { done: view.processed, total: view.rowsRead, counting: !view.fileRead };
}

/** The counts so far: the dry run's findings, the rows written, or the contacts put back. */
function countsOf(view: ImportView): (readonly [string, number])[] {
  if (view.status === "undoing") return [["Desfeitos", view.undone], ["Mantidos (mudaram depois)", view.keptOnUndo]];
  if (view.status === "previewing") {
    const found = view.preview ?? { create: 0, update: 0, unchanged: 0, fail: 0 };
    return [["A criar", found.create], ["A atualizar", found.update], ["Sem alteração", found.unchanged], ["Com erro", found.fail]];
  }
  return [["Criados", view.created], ["Atualizados", view.updated], ["Sem alteração", view.unchanged], ["Com erro", view.failed]];
}

/**
 * The dry run, the import or its undo while the job engine works on it: polls the import's row
 * every 1.5 s and reloads the page once the work ends (the page then shows its outcome). The state
 * lives on the server, so a reload or another tab shows the same thing.
 */
export function ImportProgress({ view: initial, actions }: ImportProgressProps) {
  const router = useRouter();
  const [view, setView] = useState(initial);
  const [unreachable, setUnreachable] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const working = workingStatuses.includes(view.status);
  const { id } = view;

  useEffect(() => {
    if (!working) {
      router.refresh();
      return;
    }
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const result = await actions.status(id);
        if (stopped) return;
        if (result.ok) setView(result.view);
        setUnreachable(!result.ok);
      } catch {
        if (!stopped) setUnreachable(true);
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [working, id, actions, router]);

  const status = view.status === "running" || view.status === "undoing" ? view.status : "previewing";
  const { done, total, counting } = progressOf(view);
  const percent = total > 0 ? Math.min(100, Math.floor((100 * done) / total)) : 0;
  const counts = countsOf(view);

  return (
    <section aria-labelledby="progress-title" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h2 id="progress-title" className="text-lg font-semibold text-slate-900">{titles[status]}…</h2>
      <p className="mt-1 text-sm text-slate-600">{explanations[status]}</p>

      <progress
        className={`mt-5 ${progressBarClasses}`}
        aria-label="Andamento"
        {...(total > 0 && !counting ? { max: total, value: done } : {})}
      />
      <p className="mt-2 text-sm text-slate-800 tabular-nums">
        {counting ? (
          <>{plural(done, "linha conferida", "linhas conferidas")} de {formatNumber(total)} lidas até agora — lendo o arquivo…</>
        ) : (
          <>{formatNumber(done)} de {plural(total, status === "undoing" ? "contato" : "linha", status === "undoing" ? "contatos" : "linhas")} ({percent}%)</>
        )}
      </p>
      {view.rowsPerSecond !== null && (
        <p className="mt-1 text-sm text-slate-600 tabular-nums">
          {plural(Math.round(view.rowsPerSecond), "linha", "linhas")} por segundo
          {view.secondsLeft !== null && !counting && ` · cerca de ${formatDuration(view.secondsLeft)} para terminar`}
        </p>
      )}
      {/* Announced in steps of 10 %, not at every poll. */}
      <p role="status" className="sr-only">{counting ? "Lendo o arquivo." : `${Math.floor(percent / 10) * 10}% concluído.`}</p>

      <dl className="mt-5 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {counts.map(([label, value]) => (
          <div key={label} className="rounded-md bg-slate-50 px-3 py-2">
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="text-lg font-semibold text-slate-900 tabular-nums">{formatNumber(value)}</dd>
          </div>
        ))}
      </dl>

      {unreachable && <p className="mt-4 text-sm text-amber-800">Sem resposta do servidor no momento; tentando de novo…</p>}

      {status !== "undoing" && (
        <>
          <Button variant="secondary" className="mt-5" onClick={() => setConfirming(true)}>
            {status === "previewing" ? "Cancelar pré-visualização" : "Cancelar importação"}
          </Button>
          <ConfirmDialog
            isOpen={confirming}
            onOpenChange={setConfirming}
            title={status === "previewing" ? "Parar a pré-visualização" : "Parar a importação"}
            summary={
              status === "previewing"
                ? `Parar a pré-visualização de “${view.fileName}”? Nada foi gravado.`
                : `Parar a importação de “${view.fileName}”? ${plural(view.created, "contato criado", "contatos criados")} e ${plural(view.updated, "atualizado", "atualizados")} até aqui ficam como estão.`
            }
            note={status === "running" ? "O que já foi gravado pode ser desfeito depois, na página desta importação." : undefined}
            confirmLabel={status === "previewing" ? "Parar a pré-visualização" : "Parar a importação"}
            onConfirm={async () => {
              const result = await actions.cancel(id);
              if (result.ok) router.refresh();
              return result;
            }}
          />
        </>
      )}
    </section>
  );
}
