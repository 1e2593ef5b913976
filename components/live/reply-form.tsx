"use client";

import { useActionState, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { controlClasses } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/result";
import { MESSAGE_MAX_LENGTH } from "@/lib/live/attendance-input";

export type ReplyFormProps = {
  attendanceId: string;
  action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  /** Why the viewer cannot answer (not theirs, waiting, closed); null when they hold it. */
  disabledReason: string | null;
  /** Whether replies on this channel are sent or wait in the outbox (deliveryNote, lib/messages/delivery-note.ts). */
  deliveryNote: string;
};

export function ReplyForm({ attendanceId, action, disabledReason, deliveryNote }: ReplyFormProps) {
  // Controlled: the refresh every 2 s and a refused send keep what was typed; a sent reply clears it.
  const [body, setBody] = useState("");
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [state, formAction, pending] = useActionState(async (previous: ActionResult | null, formData: FormData) => {
    const result = await action(previous, formData);
    if (result.ok) setBody("");
    // The pending button took the focus with it: back to the text, for the next message or the correction.
    textarea.current?.focus();
    return result;
  }, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const disabled = disabledReason !== null;

  return (
    <form action={formAction} className="space-y-2" noValidate>
      <input type="hidden" name="id" value={attendanceId} />
      <Field label="Resposta" errors={errors.body} hint={disabledReason ?? "Ctrl+Enter envia."}>
        {(control) => (
          <textarea
            {...control}
            ref={textarea}
            name="body"
            rows={3}
            maxLength={MESSAGE_MAX_LENGTH}
            value={body}
            disabled={disabled}
            onChange={(event) => setBody(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                event.currentTarget.form?.requestSubmit();
              }
            }}
            className={`${controlClasses} resize-y`}
          />
        )}
      </Field>
      {state && !state.ok && Object.keys(errors).length === 0 && <Alert>{state.message}</Alert>}
      <Button type="submit" pending={pending} disabled={disabled}>Enviar</Button>
      <p className="text-xs text-slate-500">{deliveryNote}</p>
    </form>
  );
}
