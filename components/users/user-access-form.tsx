"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { SegmentCheckboxes } from "@/components/segments/segment-checkboxes";
import type { ActionResult } from "@/lib/actions/result";
import { can } from "@/lib/auth/permissions";
import { roleLabels, roles, type Role } from "@/lib/auth/roles";

export type UserAccessFormProps = {
  user: { id: string; role: Role; segmentIds: string[] };
  segments: { id: string; name: string }[];
  action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
};

/** Role and segments: what the user may do and which carteiras they see, from their next request. */
export function UserAccessForm({ user, segments, action }: UserAccessFormProps) {
  const [state, formAction, pending] = useActionState(action, null);
  const [role, setRole] = useState<Role>(user.role);
  const [segmentIds, setSegmentIds] = useState(user.segmentIds);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="id" value={user.id} />
      <Field label="Papel" errors={errors.role} className="max-w-xs">
        {(control) => (
          <Select {...control} name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {roles.map((r) => <option key={r} value={r}>{roleLabels[r]}</option>)}
          </Select>
        )}
      </Field>
      <Field label="Segmentos" group errors={errors.segmentIds} hint={can(role, "contacts.viewAll") ? "Administradores veem todos os contatos, com ou sem segmentos." : undefined}>
        {(control) => <SegmentCheckboxes segments={segments} control={control} selected={segmentIds} onChange={setSegmentIds} />}
      </Field>
      {state && !state.ok && Object.keys(errors).length === 0 && <Alert>{state.message}</Alert>}
      {state?.ok && <Alert tone="success">Acesso salvo. Vale a partir da próxima página que a pessoa abrir.</Alert>}
      <Button type="submit" pending={pending}>Salvar acesso</Button>
    </form>
  );
}
