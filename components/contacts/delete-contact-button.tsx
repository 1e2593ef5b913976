"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export type DeleteContactButtonProps = {
  contact: { name: string; customerCode: string };
  /** Deletes and leaves for the contact list; answers only when it could not. */
  remove: () => Promise<ActionResult>;
};

export function DeleteContactButton({ contact, remove }: DeleteContactButtonProps) {
  const [confirming, setConfirming] = useState(false);
  const who = `${contact.name} (${contact.customerCode})`;
  return (
    <>
      <Button variant="danger" onClick={() => setConfirming(true)}>Excluir</Button>
      <ConfirmDialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        title="Excluir contato"
        summary={`Excluir ${who}? O contato sai da carteira, das listas e das buscas de todos.`}
        details={["Telefones, e-mails, hashtags e vínculos com segmentos são apagados com ele.", "O histórico de alterações fica guardado, terminando com a exclusão."]}
        note="Esta exclusão não pode ser desfeita."
        confirmLabel={`Excluir ${contact.name}`}
        onConfirm={remove}
      />
    </>
  );
}
