"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { ActionResult } from "@/lib/actions/result";
import { plural } from "@/lib/format/number";


export type DeactivateUserFormProps = {
  user: { id: string; name: string; responsibleFor: number };
  /** Active users who can take over the contacts. */
  heirs: { id: string; name: string }[];
  action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
};

/** Says how many contacts the user is responsável for, and offers to hand them over in the same step. */
export function DeactivateUserForm({ user, heirs, action }: DeactivateUserFormProps) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const count = plural(user.responsibleFor, "contato", "contatos");
  return (
    <form
      action={formAction}
      className="space-y-4"
      onSubmit={(event) => {
        if (!window.confirm(`Desativar ${user.name}? A sessão dele(a) termina na próxima página aberta.`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={user.id} />
      <p className="text-sm text-slate-700">
        A pessoa não consegue mais entrar e a sessão aberta termina na próxima página. O histórico mantém o nome dela.
      </p>
      {user.responsibleFor > 0 && (
        <Field label={`Passar os ${count} de que é responsável para`} errors={errors.handoverTo} className="max-w-sm">
          {(control) => (
            <Select {...control} name="handoverTo" defaultValue="">
              <option value="">Ninguém (ficam com {user.name} como responsável)</option>
              {heirs.map((h) => <option key={h.id} value={h.id}>{h.name}</option>)}
            </Select>
          )}
        </Field>
      )}
      {state && !state.ok && !errors.handoverTo && <Alert>{state.message}</Alert>}
      <Button type="submit" variant="danger" pending={pending}>Desativar usuário</Button>
    </form>
  );
}
