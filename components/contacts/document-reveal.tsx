"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";

type DocumentRevealProps = {
  masked: string;
  reveal: () => Promise<ActionResult<{ document: string }>>;
};

/** The CPF/CNPJ stays masked until asked for; asking is recorded in the contact's history. */
export function DocumentReveal({ masked, reveal }: DocumentRevealProps) {
  const [document, setDocument] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const toggle = () => {
    if (document) return setDocument(null);
    startTransition(async () => {
      const result = await reveal();
      if (result.ok) {
        setDocument(result.document);
        setError(null);
      } else setError(result.message);
    });
  };

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span className="font-mono" aria-live="polite">{document ?? masked}</span>
      <button
        type="button"
        onClick={toggle}
        disabled={pending}
        aria-pressed={document !== null}
        className="rounded text-xs font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:opacity-60"
      >
        {document ? "ocultar" : pending ? "mostrando…" : "mostrar"}
      </button>
      {error && <span role="alert" className="text-xs text-red-700">{error}</span>}
    </span>
  );
}
