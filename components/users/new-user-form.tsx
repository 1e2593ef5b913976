"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SegmentCheckboxes } from "@/components/segments/segment-checkboxes";
import type { ActionResult } from "@/lib/actions/result";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";
import { can } from "@/lib/auth/permissions";
import { roleLabels, roles, type Role } from "@/lib/auth/roles";
import { InviteLink } from "./invite-link";

type Created = { id: string; inviteToken: string | null };

export type NewUserFormProps = {
  action: (previous: ActionResult<Created> | null, formData: FormData) => Promise<ActionResult<Created>>;
  segments: { id: string; name: string }[];
};

export function NewUserForm({ action, segments }: NewUserFormProps) {
  const [state, formAction, pending] = useActionState(action, null);
  // Controlled, so that a refused submit keeps what was typed.
  const [values, setValues] = useState({ name: "", email: "", role: "operator" as Role, access: "invite", password: "", segmentIds: [] as string[] });
  const errors = state && !state.ok ? state.fieldErrors : {};
  const set = (change: Partial<typeof values>) => setValues({ ...values, ...change });

  if (state?.ok) {
    return (
      <div className="space-y-3">
        <Alert tone="success" title={`Usuário ${values.name} criado.`}>
          {state.inviteToken ? null : "Na primeira entrada, ele(a) vai trocar a senha inicial."}
        </Alert>
        {state.inviteToken && <InviteLink token={state.inviteToken} />}
        <p className="flex gap-4 text-sm">
          <Link href={`/users/${state.id}`} className="text-indigo-700 hover:underline">Ver usuário</Link>
          <button type="button" className="text-indigo-700 hover:underline" onClick={() => window.location.reload()}>Criar outro</button>
        </p>
      </div>
    );
  }

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Nome" required errors={errors.name}>
          {(control) => <Input {...control} name="name" value={values.name} onChange={(e) => set({ name: e.target.value })} required />}
        </Field>
        <Field label="E-mail" required errors={errors.email}>
          {(control) => <Input {...control} type="email" name="email" value={values.email} onChange={(e) => set({ email: e.target.value })} required />}
        </Field>
        <Field label="Papel" required errors={errors.role}>
          {(control) => (
            <Select {...control} name="role" value={values.role} onChange={(e) => set({ role: e.target.value as Role })}>
              {roles.map((r) => <option key={r} value={r}>{roleLabels[r]}</option>)}
            </Select>
          )}
        </Field>
      </div>
      {!can(values.role, "contacts.viewAll") && segments.length > 0 && (
        <Field label="Segmentos" group errors={errors.segmentIds}>
          {(control) => <SegmentCheckboxes segments={segments} control={control} selected={values.segmentIds} onChange={(segmentIds) => set({ segmentIds })} />}
        </Field>
      )}
      <fieldset className="space-y-2 text-sm">
        <legend className="mb-1 font-medium text-slate-800">Como vai entrar</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="access" value="invite" checked={values.access === "invite"} onChange={() => set({ access: "invite" })} /> Por um link de convite (a pessoa escolhe a senha)
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="access" value="password" checked={values.access === "password"} onChange={() => set({ access: "password" })} /> Com uma senha inicial (trocada na primeira entrada)
        </label>
      </fieldset>
      {values.access === "password" && (
        <Field label="Senha inicial" required errors={errors.password} hint={`Pelo menos ${PASSWORD_MIN_LENGTH} caracteres, não apenas números.`} className="max-w-sm">
          {(control) => <Input {...control} type="password" name="password" autoComplete="new-password" value={values.password} onChange={(e) => set({ password: e.target.value })} />}
        </Field>
      )}
      {state && !state.ok && Object.keys(errors).length === 0 && <Alert>{state.message}</Alert>}
      <Button type="submit" pending={pending}>Criar usuário</Button>
    </form>
  );
}
