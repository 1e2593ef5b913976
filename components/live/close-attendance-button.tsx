"use client";

import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ModalDialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { ActionResult } from "@/lib/actions/result";
import { outcomeLabels } from "@/lib/live/attendance-actions-input";
import { useDialogFormAction } from "@/components/ui/use-dialog-form-action";

type Action = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;

export type CloseAttendanceButtonProps = {
  attendanceId: string;
  /** Who the attendance is with, for the sentence that says what will happen. */
  customer: string;
  /** Redirects to /live once closed; answers a failure otherwise. */
  action: Action;
};

/** "Encerrar": asks for the outcome (no default: it feeds the reports) and closes. */
export function CloseAttendanceButton({ attendanceId, customer, action }: CloseAttendanceButtonProps) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>Encerrar</Button>
      <ModalDialog isOpen={open} onOpenChange={(next) => !pending && setOpen(next)} title="Encerrar atendimento" dismissDisabled={pending}>
        {/* Inside the dialog, so each opening starts afresh (the dialog unmounts it when closed). */}
        <CloseForm attendanceId={attendanceId} customer={customer} action={action} onPending={setPending} onCancel={() => setOpen(false)} />
      </ModalDialog>
    </>
  );
}

function CloseForm({ attendanceId, customer, action, onPending, onCancel }: CloseAttendanceButtonProps & { onPending: (pending: boolean) => void; onCancel: () => void }) {
  const select = useRef<HTMLSelectElement>(null);
  const [outcome, setOutcome] = useState("");
  const [state, formAction, pending] = useDialogFormAction(action, onPending, select);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={formAction} className="mt-3 space-y-4" noValidate>
      <input type="hidden" name="id" value={attendanceId} />
      <p className="text-sm text-slate-700">O atendimento de {customer} sai da sua lista e não recebe mais respostas.</p>
      <Field label="Resultado" required errors={errors.outcome}>
        {(control) => (
          <Select {...control} ref={select} name="outcome" value={outcome} onChange={(event) => setOutcome(event.target.value)} autoFocus>
            <option value="">Escolha…</option>
            {Object.entries(outcomeLabels).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </Select>
        )}
      </Field>
      {state && !state.ok && Object.keys(errors).length === 0 && <Alert>{state.message}</Alert>}
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel} disabled={pending}>Cancelar</Button>
        <Button type="submit" pending={pending}>Encerrar atendimento</Button>
      </div>
    </form>
  );
}
