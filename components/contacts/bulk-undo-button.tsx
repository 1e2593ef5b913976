"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/actions/result";
import { plural } from "@/lib/format/number";

export type BulkUndoButtonProps = {
  id: string;
  /** The action in words: "Definir responsável (Ana Souza)". */
  label: string;
  /** How many contacts it changed: those are the ones that go back. */
  changed: number;
  undo: (id: string) => Promise<ActionResult>;
};

export function BulkUndoButton({ id, label, changed, undo }: BulkUndoButtonProps) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setConfirming(true)} aria-label={`Desfazer ${label}`}>Desfazer</Button>
      <ConfirmDialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        tone="primary"
        title="Desfazer ação em massa"
        summary={`Desfazer “${label}”? ${plural(changed, "contato alterado volta ao que era", "contatos alterados voltam ao que eram")} antes.`}
        details={[
          "Os contatos que mudaram depois desta ação ficam como estão.",
          "O desfazer corre em segundo plano; o andamento aparece nesta lista.",
        ]}
        confirmLabel={`Desfazer em ${plural(changed, "contato", "contatos")}`}
        onConfirm={async () => {
          const result = await undo(id);
          router.refresh(); // its status may have moved on, whatever the answer
          return result;
        }}
      />
    </>
  );
}

/** Reloads the page's data while some action is still running, so its progress moves. */
export function RefreshWhileRunning({ running }: { running: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => router.refresh(), 1500);
    return () => clearInterval(timer);
  }, [running, router]);
  return null;
}
