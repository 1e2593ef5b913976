"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { ActionResult } from "@/lib/actions/result";
import { formatTime } from "@/lib/format/date";
import { pauseReasons } from "@/lib/live/presence-input";

export type PresenceControlProps = {
  presence: { status: "available" | "paused"; pauseReason: string | null; since: Date | null };
  action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
};

const radioClasses = "size-4 accent-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";

/** "Disponível" or "Em pausa" with a reason: paused operators take nothing and are given nothing. */
export function PresenceControl({ presence, action }: PresenceControlProps) {
  const [state, formAction, pending] = useActionState(action, null);
  // Controlled and started from the saved status once: the page's refresh every 2 s does not undo a choice being made.
  const [status, setStatus] = useState(presence.status);
  const [reason, setReason] = useState(presence.pauseReason ?? "");
  const errors = state && !state.ok ? state.fieldErrors : {};
  const saved = presence.status === "paused" ? `Em pausa${presence.pauseReason ? ` (${presence.pauseReason})` : ""}` : "Disponível";

  return (
    <form action={formAction} className="space-y-3" noValidate>
      <Field label="Seu status" group errors={errors.status}>
        {(control) => (
          <div className="flex flex-wrap gap-x-6 gap-y-2">
            {([["available", "Disponível"], ["paused", "Em pausa"]] as const).map(([value, label]) => (
              <label key={value} className="inline-flex items-center gap-2 text-sm text-slate-700">
                <input
                  type="radio"
                  name="status"
                  value={value}
                  checked={status === value}
                  onChange={() => setStatus(value)}
                  aria-describedby={control["aria-describedby"]}
                  className={radioClasses}
                />
                {label}
              </label>
            ))}
          </div>
        )}
      </Field>
      {status === "paused" && (
        <Field label="Motivo da pausa" required errors={errors.pauseReason} className="max-w-xs">
          {(control) => (
            <Select {...control} name="pauseReason" value={reason} onChange={(event) => setReason(event.target.value)}>
              <option value="">Escolha…</option>
              {pauseReasons.map((r) => <option key={r} value={r}>{r}</option>)}
            </Select>
          )}
        </Field>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" pending={pending}>Salvar status</Button>
        <p className="text-xs text-slate-500" aria-live="polite">
          Agora: <span className="font-medium text-slate-700">{saved}</span>
          {presence.since && <> desde {formatTime(presence.since)}</>}
        </p>
      </div>
      {state && !state.ok && Object.keys(errors).length === 0 && <Alert>{state.message}</Alert>}
    </form>
  );
}
