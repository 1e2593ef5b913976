"use client";

import { useEffect, useRef, useState, useTransition, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";
import { plural } from "@/lib/format/number";
import type { ImportPreview } from "@/lib/import/view";
import { ImportSettingsForm, type ImportSettingsFormProps } from "./settings-form";

export type PreviewStepProps = {
  /** The dry run's summary, rendered by the page. */
  summary: ReactNode;
  preview: ImportPreview;
  /** The mapping and options, to change them and preview again. */
  form: Omit<ImportSettingsFormProps, "onCancel">;
  start: (id: string) => Promise<ActionResult>;
};

/** What "Importar" will do, in one sentence that names only what happens. */
function outcome({ create, update, fail }: ImportPreview): string {
  if (create + update === 0) return "Nenhum contato seria criado ou alterado com estas opções.";
  const writes = [
    create > 0 && plural(create, "contato será criado", "contatos serão criados"),
    update > 0 && (create > 0 ? plural(update, "será atualizado", "serão atualizados") : plural(update, "contato será atualizado", "contatos serão atualizados")),
  ].filter(Boolean);
  const left = fail > 0 ? `; ${plural(fail, "linha com erro fica", "linhas com erro ficam")} de fora` : "";
  return `Ao importar, ${writes.join(" e ")}${left}. Você poderá desfazer a importação por 7 dias.`;
}

/** After the dry run: import what it found, or go back to the mapping and options (filled in as they were). */
export function PreviewStep({ summary, preview, form, start }: PreviewStepProps) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const changeButton = useRef<HTMLButtonElement>(null);
  const formStart = useRef<HTMLDivElement>(null);
  const wasEditing = useRef(false);

  // Focus follows the switch, so a keyboard user lands on what replaced the button they pressed.
  useEffect(() => {
    if (editing) formStart.current?.focus();
    else if (wasEditing.current) changeButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  if (editing) {
    return (
      <div ref={formStart} tabIndex={-1} className="outline-none">
        <ImportSettingsForm {...form} onCancel={() => setEditing(false)} />
      </div>
    );
  }

  const writes = preview.create + preview.update;
  function importNow() {
    startTransition(async () => {
      let result: ActionResult;
      try {
        result = await start(form.importId);
      } catch {
        result = { ok: false, code: "unexpected", message: "Não foi possível concluir agora. Verifique a conexão e tente novamente.", fieldErrors: {} };
      }
      setError(result.ok ? null : result.message);
    });
  }

  return (
    <div className="space-y-6">
      {summary}
      <div className="space-y-3 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <p className="text-sm text-slate-800">{outcome(preview)}</p>
        {error && <Alert>{error}</Alert>}
        <div className="flex flex-wrap gap-3">
          <Button onClick={importNow} pending={pending} disabled={writes === 0}>Importar</Button>
          <Button ref={changeButton} variant="secondary" onClick={() => setEditing(true)} disabled={pending}>Alterar opções</Button>
        </div>
      </div>
    </div>
  );
}
