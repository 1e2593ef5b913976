"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/result";
import { SEGMENT_DESCRIPTION_MAX, SEGMENT_NAME_MAX } from "@/lib/segments/segment-input";

export type SegmentFormProps = {
  action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  /** Editing: the segment's id and current values. */
  segment?: { id: string; name: string; description: string };
  submitLabel: string;
};

export function SegmentForm({ action, segment, submitLabel }: SegmentFormProps) {
  const [state, formAction, pending] = useActionState(action, null);
  // Controlled, so that what was typed stays after a refused submit (React resets uncontrolled forms).
  const [name, setName] = useState(segment?.name ?? "");
  const [description, setDescription] = useState(segment?.description ?? "");
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {segment && <input type="hidden" name="id" value={segment.id} />}
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <Field label="Nome" required errors={errors.name}>
          {(control) => <Input {...control} name="name" value={name} onChange={(e) => setName(e.target.value)} maxLength={SEGMENT_NAME_MAX} required placeholder="ex.: Cobrança" />}
        </Field>
        <Field label="Descrição" errors={errors.description} hint="Para quem é esta carteira: aparece para os administradores.">
          {(control) => <Input {...control} name="description" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={SEGMENT_DESCRIPTION_MAX} />}
        </Field>
      </div>
      {state && !state.ok && Object.keys(errors).length === 0 && <Alert>{state.message}</Alert>}
      {state?.ok && <Alert tone="success">Segmento salvo.</Alert>}
      <Button type="submit" pending={pending}>{submitLabel}</Button>
    </form>
  );
}
