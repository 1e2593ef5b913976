"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { ActionResult } from "@/lib/actions/result";
import { plural } from "@/lib/format/number";


export type ArchiveSegmentFormProps = {
  segment: { id: string; name: string; contacts: number };
  /** The other segments in use, as destinations for its contacts. */
  otherSegments: { id: string; name: string }[];
  action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
};

/** Archiving asks what happens to the segment's contacts, and says how many, before anything changes. */
export function ArchiveSegmentForm({ segment, otherSegments, action }: ArchiveSegmentFormProps) {
  const [state, formAction, pending] = useActionState(action, null);
  const [mode, setMode] = useState<"move" | "unlink">(otherSegments.length > 0 && segment.contacts > 0 ? "move" : "unlink");
  const errors = state && !state.ok ? state.fieldErrors : {};
  const count = plural(segment.contacts, "contato", "contatos");
  const confirmText =
    segment.contacts === 0
      ? `Arquivar ${segment.name}?`
      : mode === "move"
        ? `Arquivar ${segment.name} e mover ${count} para o segmento escolhido?`
        : `Arquivar ${segment.name} e tirar ${count} deste segmento?`;

  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(confirmText)) event.preventDefault();
      }}
      className="space-y-4"
    >
      <input type="hidden" name="id" value={segment.id} />
      <p className="text-sm text-slate-700">
        Um segmento arquivado deixa de aparecer nas listas e filtros; seus membros deixam de ver estes contatos (a não ser que os vejam por outro segmento ou como responsáveis).
      </p>
      {segment.contacts === 0 ? (
        <input type="hidden" name="contacts" value="unlink" />
      ) : (
        <fieldset className="space-y-2 text-sm">
          <legend className="mb-1 font-medium text-slate-800">O que fazer com {count} deste segmento?</legend>
          {otherSegments.length > 0 && (
            <label className="flex items-center gap-2">
              <input type="radio" name="contacts" value="move" checked={mode === "move"} onChange={() => setMode("move")} /> Mover para outro segmento
            </label>
          )}
          <label className="flex items-center gap-2">
            <input type="radio" name="contacts" value="unlink" checked={mode === "unlink"} onChange={() => setMode("unlink")} /> Apenas remover o vínculo (os contatos continuam existindo)
          </label>
        </fieldset>
      )}
      {mode === "move" && segment.contacts > 0 && (
        <Field label="Segmento de destino" errors={errors.targetSegmentId}>
          {(control) => (
            <Select {...control} name="targetSegmentId" required className="max-w-sm">
              {otherSegments.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </Select>
          )}
        </Field>
      )}
      {state && !state.ok && !errors.targetSegmentId && <Alert>{state.message}</Alert>}
      <Button type="submit" variant="danger" pending={pending}>Arquivar segmento</Button>
    </form>
  );
}
