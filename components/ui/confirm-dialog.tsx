"use client";

import { unstable_rethrow } from "next/navigation";
import { useId, useState, useTransition, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { Alert } from "./alert";
import { Button } from "./button";
import { ModalDialog } from "./dialog";

export type ConfirmDialogProps = {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  /** Restates the action: "Arquivar Cobrança". */
  title: string;
  /** One sentence naming exactly what will happen, with the counts and the names. */
  summary: ReactNode;
  /** Consequences worth knowing before saying yes, one per item. */
  details?: ReactNode[];
  /** Small print under the list: whether it can be undone, and how. */
  note?: ReactNode;
  /** Says the action, never just "OK": "Mover 103 contatos e arquivar". */
  confirmLabel: string;
  /** "danger" for what cannot be taken back: red button, and Cancel takes the focus first. */
  tone?: "danger" | "primary";
  /**
   * Runs the server action. A failure keeps the dialog open and says why; success closes it
   * (unless the action redirected, which leaves the page anyway).
   */
  onConfirm: () => Promise<ActionResult | void>;
};

const unreachable = "Não foi possível concluir agora. Verifique a conexão e tente novamente.";

/** The fields are behind the dialog: their errors are what the person needs to read here. */
function failureText(result: Extract<ActionResult, { ok: false }>): string {
  const fieldMessages = Object.values(result.fieldErrors).flatMap((messages) => messages ?? []);
  return fieldMessages.length > 0 ? fieldMessages.join(" ") : result.message;
}

/** Asks before an action that changes or removes data, and stays open until the action answers. */
export function ConfirmDialog({ isOpen, onOpenChange, title, summary, details = [], note, confirmLabel, tone = "danger", onConfirm }: ConfirmDialogProps) {
  const summaryId = useId();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const destructive = tone === "danger";

  const changeOpen = (open: boolean) => {
    if (pending) return;
    if (!open) setError(null);
    onOpenChange(open);
  };

  const confirm = () =>
    startTransition(async () => {
      setError(null);
      let result: ActionResult | void;
      try {
        result = await onConfirm();
      } catch (thrown) {
        unstable_rethrow(thrown); // a redirect() from the action travels as an error
        setError(unreachable);
        return;
      }
      if (result && !result.ok) setError(failureText(result));
      else onOpenChange(false);
    });

  return (
    <ModalDialog isOpen={isOpen} onOpenChange={changeOpen} title={title} role="alertdialog" describedBy={summaryId} dismissDisabled={pending}>
      <p id={summaryId} className="mt-3 text-sm text-slate-800">{summary}</p>
      {details.length > 0 && (
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-600">
          {details.map((detail, index) => <li key={index}>{detail}</li>)}
        </ul>
      )}
      {note && <p className="mt-3 text-xs text-slate-500">{note}</p>}
      {error && <Alert className="mt-4">{error}</Alert>}
      <div className="mt-5 flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={() => changeOpen(false)} disabled={pending} autoFocus={destructive}>Cancelar</Button>
        <Button variant={destructive ? "danger" : "primary"} onClick={confirm} pending={pending} autoFocus={!destructive}>{confirmLabel}</Button>
      </div>
    </ModalDialog>
  );
}
