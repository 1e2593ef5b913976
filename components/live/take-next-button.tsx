"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";

export type TakeNextButtonProps = {
  /** Redirects to the attendance it took; answers a failure otherwise (paused, the cap, nobody waiting). */
  action: () => Promise<ActionResult>;
  paused: boolean;
};

export function TakeNextButton({ action, paused }: TakeNextButtonProps) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-2">
      <Button type="submit" pending={pending} disabled={paused} aria-describedby={paused ? "atender-pausa" : undefined} className="w-full sm:w-auto">
        Atender próximo
      </Button>
      {paused && <p id="atender-pausa" className="text-xs text-slate-500">Fique disponível para atender.</p>}
      {state && !state.ok && <Alert>{state.message}</Alert>}
    </form>
  );
}
