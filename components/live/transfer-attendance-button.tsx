"use client";

import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ModalDialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { ActionResult } from "@/lib/actions/result";
import { useDialogFormAction } from "@/components/ui/use-dialog-form-action";

type Action = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;

export type TransferAttendanceButtonProps = {
  attendanceId: string;
  /** From listTransferOptions: only what the transfer accepts. */
  options: { queues: { segmentId: string | null; name: string }[]; operators: { id: string; name: string }[] };
  /** Redirects to /live once transferred; answers a failure otherwise. */
  action: Action;
};

/**
 * "Transferir": to a queue (it waits there again, keeping its arrival) or to a person (it stays
 * open, now theirs). One select, queues and people in two groups; nothing chosen at first.
 */
export function TransferAttendanceButton(props: TransferAttendanceButtonProps) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>Transferir</Button>
      <ModalDialog isOpen={open} onOpenChange={(next) => !pending && setOpen(next)} title="Transferir atendimento" dismissDisabled={pending}>
        {/* Inside the dialog, so each opening starts afresh (the dialog unmounts it when closed). */}
        <TransferForm {...props} onPending={setPending} onCancel={() => setOpen(false)} />
      </ModalDialog>
    </>
  );
}

function TransferForm({ attendanceId, options, action, onPending, onCancel }: TransferAttendanceButtonProps & { onPending: (pending: boolean) => void; onCancel: () => void }) {
  const select = useRef<HTMLSelectElement>(null);
  const [target, setTarget] = useState("");
  const [state, formAction, pending] = useDialogFormAction(action, onPending, select);
  const fieldErrors = state && !state.ok ? state.fieldErrors : {};
  // The schema names the half that failed (to, segmentId, userId): all belong to the one select.
  const errors = [...(fieldErrors.to ?? []), ...(fieldErrors.segmentId ?? []), ...(fieldErrors.userId ?? [])];
  const going = target.startsWith("queue:") ? "Volta a aguardar na fila escolhida, sem perder o lugar." : target ? "Continua aberto, agora com essa pessoa." : "Uma fila ou uma pessoa.";
  return (
    <form action={formAction} className="mt-3 space-y-4" noValidate>
      <input type="hidden" name="id" value={attendanceId} />
      <Field label="Transferir para" required errors={errors} hint={going}>
        {(control) => (
          <Select {...control} ref={select} name="target" value={target} onChange={(event) => setTarget(event.target.value)} autoFocus>
            <option value="">Escolha…</option>
            <optgroup label="Filas">
              {options.queues.map((q) => <option key={q.segmentId ?? ""} value={`queue:${q.segmentId ?? ""}`}>{q.name}</option>)}
            </optgroup>
            {options.operators.length > 0 && (
              <optgroup label="Pessoas">
                {options.operators.map((o) => <option key={o.id} value={`operator:${o.id}`}>{o.name}</option>)}
              </optgroup>
            )}
          </Select>
        )}
      </Field>
      {state && !state.ok && errors.length === 0 && <Alert>{state.message}</Alert>}
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel} disabled={pending}>Cancelar</Button>
        <Button type="submit" pending={pending}>Transferir</Button>
      </div>
    </form>
  );
}
