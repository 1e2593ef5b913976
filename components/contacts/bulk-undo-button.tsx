"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { undoBulkActionAction } from "@/app/(app)/contacts/bulk/actions";
import { Button } from "@/components/ui/button";

export function BulkUndoButton({ id, label }: { id: string; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const onClick = () => {
    if (!window.confirm(`Desfazer “${label}”? Os contatos alterados voltam ao que eram, exceto os que mudaram depois.`)) return;
    startTransition(async () => {
      const result = await undoBulkActionAction(id);
      if (!result.ok) setError(result.message);
      router.refresh();
    });
  };
  return (
    <>
      <Button variant="secondary" pending={pending} onClick={onClick} aria-label={`Desfazer ${label}`}>Desfazer</Button>
      {error && <span role="alert" className="ml-2 text-sm text-red-700">{error}</span>}
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
