"use client";

import { useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ModalDialog } from "@/components/ui/dialog";

export type NewApiKeyDialogProps = {
  name: string;
  /** The key itself: only its hash is kept, so this is the one time anyone sees it. */
  apiKey: string;
  onClose: () => void;
};

/**
 * Shows a new key once. Escape and a click outside do not close it: one slip would lose the key
 * for good. Only "Já guardei a chave" does.
 */
export function NewApiKeyDialog({ name, apiKey, onClose }: NewApiKeyDialogProps) {
  const warningId = useId();
  const field = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<"idle" | "copied" | "manual">("idle");

  const copyKey = async () => {
    try {
      // Absent outside a secure context (http on another machine's address).
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(apiKey);
      setCopy("copied");
    } catch {
      field.current?.select();
      setCopy("manual");
    }
  };

  return (
    <ModalDialog isOpen onOpenChange={() => {}} title={`Chave “${name}” criada`} describedBy={warningId} dismissDisabled>
      <Alert id={warningId} tone="info" className="mt-3" title="Guarde esta chave agora: ela não será mostrada de novo.">
        Só guardamos uma impressão dela, que não permite recuperá-la. Se perdê-la, revogue-a e crie outra.
      </Alert>
      <div className="mt-4 flex flex-wrap items-center gap-2">
        <input
          ref={field}
          readOnly
          value={apiKey}
          aria-label="Chave de API"
          spellCheck={false}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs"
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button variant="secondary" onClick={copyKey}>{copy === "copied" ? "Copiada" : "Copiar"}</Button>
      </div>
      <p role="status" className="mt-2 min-h-5 text-xs text-slate-600">
        {copy === "copied" ? "Chave copiada para a área de transferência." : copy === "manual" ? "Não foi possível copiar: a chave está selecionada, use Ctrl+C." : ""}
      </p>
      <p className="mt-2 text-sm text-slate-700">
        A integração envia a chave em cada chamada, no cabeçalho <code className="text-xs">Authorization: Bearer &lt;chave&gt;</code>.
      </p>
      <div className="mt-5 flex justify-end">
        <Button onClick={onClose}>Já guardei a chave</Button>
      </div>
    </ModalDialog>
  );
}
