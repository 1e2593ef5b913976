"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";

/** Asks the server for a contact's full CPF/CNPJ, which records the access in the contact's history. */
export type RevealDocument = () => Promise<ActionResult<{ document: string }>>;

/** The reveal's state, shared by the contact page and the edit form: pending, and the refusal's message. */
export function useDocumentReveal(reveal: RevealDocument) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (onRevealed: (document: string) => void) =>
    startTransition(async () => {
      const result = await reveal();
      if (result.ok) {
        onRevealed(result.document);
        setError(null);
      } else setError(result.message);
    });
  return { run, pending, error };
}

type DocumentRevealProps = { masked: string; reveal: RevealDocument };

/** The CPF/CNPJ stays masked until asked for; asking is recorded in the contact's history. */
export function DocumentReveal({ masked, reveal }: DocumentRevealProps) {
  const [document, setDocument] = useState<string | null>(null);
  const { run, pending, error } = useDocumentReveal(reveal);

  const toggle = () => (document ? setDocument(null) : run(setDocument));

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span className="font-mono" aria-live="polite">{document ?? masked}</span>
      <button
        type="button"
        onClick={toggle}
        disabled={pending}
        aria-pressed={document !== null}
        className={revealButtonClasses}
      >
        {document ? "ocultar" : pending ? "mostrando…" : "mostrar"}
      </button>
      {error && <span role="alert" className="text-xs text-red-700">{error}</span>}
    </span>
  );
}

export const revealButtonClasses =
  "rounded text-xs font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:opacity-60";
