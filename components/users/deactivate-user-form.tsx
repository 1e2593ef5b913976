"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { ActionResult, FieldErrors } from "@/lib/actions/result";
import { plural } from "@/lib/format/number";

export type DeactivateUserFormProps = {
  user: { id: string; name: string; responsibleFor: number };
  /** Active users who can take over the contacts. */
  heirs: { id: string; name: string }[];
  action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
};

/** Says how many contacts the user is responsável for, offers to hand them over, and confirms naming both people. */
export function DeactivateUserForm({ user, heirs, action }: DeactivateUserFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [heirId, setHeirId] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [confirming, setConfirming] = useState(false);
  const count = plural(user.responsibleFor, "contato", "contatos");
  const heir = heirs.find((h) => h.id === heirId);

  const details = [
    "Sai de todos os segmentos de que é membro; convites pendentes deixam de valer.",
    ...(user.responsibleFor === 0
      ? []
      : heir
        ? [`Os ${count} de que é responsável passam para ${heir.name}; o histórico de cada um registra a troca.`]
        : [`Os ${count} de que é responsável continuam com ${user.name} como responsável.`]),
    "O histórico e o registro de auditoria mantêm o nome.",
  ];

  return (
    <>
      <form
        ref={formRef}
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          setErrors({});
          setConfirming(true);
        }}
      >
        <input type="hidden" name="id" value={user.id} />
        <p className="text-sm text-slate-700">
          A pessoa não consegue mais entrar e a sessão aberta termina na próxima página. O histórico mantém o nome dela.
        </p>
        {user.responsibleFor > 0 && (
          <Field label={`Passar os ${count} de que é responsável para`} errors={errors.handoverTo} className="max-w-sm">
            {(control) => (
              <Select {...control} name="handoverTo" value={heirId} onChange={(event) => setHeirId(event.target.value)}>
                <option value="">Ninguém (ficam com {user.name} como responsável)</option>
                {heirs.map((h) => <option key={h.id} value={h.id}>{h.name}</option>)}
              </Select>
            )}
          </Field>
        )}
        <Button type="submit" variant="danger">Desativar usuário</Button>
      </form>
      <ConfirmDialog
        isOpen={confirming}
        onOpenChange={setConfirming}
        title={`Desativar ${user.name}`}
        summary={`Desativar ${user.name}? A sessão aberta termina na próxima página e o acesso fica bloqueado.`}
        details={details}
        confirmLabel={heir ? `Desativar e passar ${count}` : `Desativar ${user.name}`}
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
