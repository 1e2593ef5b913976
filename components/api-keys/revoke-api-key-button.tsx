"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/actions/result";

export type RevokeApiKeyButtonProps = {
  apiKey: { id: string; name: string; prefix: string };
  revoke: (id: string) => Promise<ActionResult>;
};

export function RevokeApiKeyButton({ apiKey, revoke }: RevokeApiKeyButtonProps) {
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setConfirming(true)} aria-label={`Revogar ${apiKey.name}`}>Revogar</Button>
      <ConfirmDialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        title={`Revogar ${apiKey.name}`}
        summary={`Revogar a chave ${apiKey.name} (${apiKey.prefix}…)? Toda integração que a usa passa a ser recusada na próxima chamada.`}
        details={["A recusa vale para todas as permissões desta chave.", "A chave continua na lista, como Revogada, com o seu último uso."]}
        note="Uma chave revogada não volta a valer: se precisar, crie outra."
        confirmLabel="Revogar chave"
        onConfirm={() => revoke(apiKey.id)}
      />
    </>
  );
}
