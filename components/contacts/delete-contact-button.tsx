"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { Button } from "@/components/ui/button";

export function DeleteContactButton({ remove }: { remove: () => Promise<ActionResult> }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const onClick = () => {
    if (!window.confirm("Excluir este contato? Esta ação não pode ser desfeita.")) return;
    startTransition(async () => {
      const result = await remove();
      if (!result.ok) setError(result.message);
    });
  };

  return (
    <>
      <Button variant="danger" pending={pending} onClick={onClick}>Excluir</Button>
      {error && <span role="alert" className="text-sm text-red-700">{error}</span>}
    </>
  );
}
