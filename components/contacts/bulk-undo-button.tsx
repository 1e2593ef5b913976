"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";

export function BulkUndoButton({ id, label, undo }: { id: string; label: string; undo: (id: string) => Promise<ActionResult> }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const onClick = () => {
    if (!window.confirm(`Desfazer “${label}”? Os contatos alterados voltam ao que eram, exceto os que mudaram depois.`)) return;
    startTransition(async () => {
      const result = await undo(id);
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
