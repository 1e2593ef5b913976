"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/actions/result";
import { plural } from "@/lib/format/number";

export type UndoImportButtonProps = {
  id: string;
  created: number;
  updated: number;
  /** "até 14/08/2026 às 10:30". */
  until: string;
  undo: (id: string) => Promise<ActionResult>;
};

/** "Desfazer importação": removes what it created and puts back what it changed, after a confirmation naming both. */
export function UndoImportButton({ id, created, updated, until, undo }: UndoImportButtonProps) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const parts = [
    created > 0 && `remover ${created === 1 ? "o contato criado" : `os ${plural(created, "contato criado", "contatos criados")}`}`,
    updated > 0 && `desfazer as alterações em ${plural(updated, "contato", "contatos")}`,
  ].filter(Boolean);
  const summary = `${parts.join(" e ")}?`;
  return (
    <>
      <Button variant="secondary" onClick={() => setConfirming(true)}>Desfazer importação</Button>
      <ConfirmDialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        title="Desfazer importação"
        summary={summary.charAt(0).toUpperCase() + summary.slice(1)}
        details={[
          "Contatos alterados de novo depois da importação ficam como estão.",
          "O desfazer corre em segundo plano; o andamento aparece nesta página.",
        ]}
        note={`Possível ${until}.`}
        confirmLabel="Desfazer importação"
        onConfirm={async () => {
          const result = await undo(id);
          router.refresh(); // its status may have moved on, whatever the answer
          return result;
        }}
      />
    </>
  );
}
