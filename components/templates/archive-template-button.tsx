"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/actions/result";

export type ArchiveTemplateButtonProps = {
  name: string;
  /** The server action, bound to the template: redirects to the list when done. */
  archive: () => Promise<ActionResult>;
};

export function ArchiveTemplateButton({ name, archive }: ArchiveTemplateButtonProps) {
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setConfirming(true)}>Arquivar modelo</Button>
      <ConfirmDialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        title={`Arquivar ${name}`}
        summary={`Arquivar o modelo ${name}? Ele sai da lista e não pode mais ser usado em novas campanhas nem pela API.`}
        details={["As campanhas já enviadas com ele continuam como foram.", "O nome fica livre para outro modelo."]}
        note="Um modelo arquivado não volta: se precisar, crie outro com o mesmo texto."
        confirmLabel="Arquivar modelo"
        onConfirm={archive}
      />
    </>
  );
}
