"use client";

import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { ActionResult, FieldErrors } from "@/lib/actions/result";
import { plural } from "@/lib/format/number";

export type ArchiveSegmentFormProps = {
  segment: { id: string; name: string; contacts: number; members?: number };
  /** The other segments in use, as destinations for its contacts. */
  otherSegments: { id: string; name: string }[];
  action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
};

const chooseTarget = "Escolha o segmento de destino.";

/**
 * Archiving asks what happens to the segment's contacts, then confirms naming the destination and
 * the count. No destination is chosen in advance: moving 100 contacts to the first segment of a
 * list because nobody looked is the mistake this form exists to prevent.
 */
export function ArchiveSegmentForm({ segment, otherSegments, action }: ArchiveSegmentFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const targetRef = useRef<HTMLSelectElement>(null);
  const [mode, setMode] = useState<"move" | "unlink">(otherSegments.length > 0 && segment.contacts > 0 ? "move" : "unlink");
  const [targetId, setTargetId] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [confirming, setConfirming] = useState(false);

  const hasContacts = segment.contacts > 0;
  const moving = hasContacts && mode === "move";
  const target = otherSegments.find((s) => s.id === targetId);
  const count = plural(segment.contacts, "contato", "contatos");
  const members = segment.members ?? 0;

  const summary = !hasContacts
    ? `Arquivar ${segment.name}, que não tem contatos.`
    : moving
      ? `Mover ${count} para ${target?.name} e arquivar ${segment.name}.`
      : `Tirar ${count} de ${segment.name} e arquivar o segmento; os contatos continuam existindo.`;
  const details = [
    "O segmento deixa de aparecer nas listas e nos filtros.",
    ...(members === 1 ? [`1 membro deixa de ver estes contatos por ${segment.name}, a não ser que os veja por outro segmento ou como responsável.`] : []),
    ...(members > 1 ? [`${plural(members, "membro", "membros")} deixam de ver estes contatos por ${segment.name}, a não ser que os vejam por outro segmento ou como responsáveis.`] : []),
    ...(moving ? [`Quem é membro de ${target?.name} passa a ver estes contatos.`] : []),
    ...(hasContacts ? ["O histórico de cada contato registra a mudança."] : []),
  ];
  const confirmLabel = !hasContacts ? "Arquivar segmento" : moving ? `Mover ${count} e arquivar` : `Tirar ${count} e arquivar`;

  return (
    <>
      <form
        ref={formRef}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (moving && !target) {
            setErrors({ targetSegmentId: [chooseTarget] });
            targetRef.current?.focus();
            return;
          }
          setErrors({});
          setConfirming(true);
        }}
        className="space-y-4"
      >
        <input type="hidden" name="id" value={segment.id} />
        <p className="text-sm text-slate-700">
          Um segmento arquivado deixa de aparecer nas listas e filtros; seus membros deixam de ver estes contatos (a não ser que os vejam por outro segmento ou como responsáveis).
        </p>
        {!hasContacts ? (
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
        {moving && (
          <Field label="Segmento de destino" required errors={errors.targetSegmentId}>
            {(control) => (
              <Select
                {...control}
                ref={targetRef}
                name="targetSegmentId"
                value={targetId}
                onChange={(event) => {
                  setTargetId(event.target.value);
                  setErrors({});
                }}
                className="max-w-sm"
              >
                <option value="">Escolha…</option>
                {otherSegments.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
              </Select>
            )}
          </Field>
        )}
        {errors.contacts && <Alert>{errors.contacts.join(" ")}</Alert>}
        <Button type="submit" variant="danger">Arquivar segmento</Button>
      </form>
      <ConfirmDialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        title={`Arquivar ${segment.name}`}
        summary={summary}
        details={details}
        note="Um segmento arquivado não volta a ser usado; o nome fica livre para um novo segmento."
        confirmLabel={confirmLabel}
        onConfirm={async () => {
          const result = await action(null, new FormData(formRef.current!));
          // Kept for after the dialog closes: the field that caused it shows the error too.
          if (!result.ok) setErrors(result.fieldErrors);
          return result;
        }}
      />
    </>
  );
}
