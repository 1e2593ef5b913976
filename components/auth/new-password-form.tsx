"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/result";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";

export type NewPasswordFormProps = {
  action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  /** Changing one's password asks for the current one; accepting an invite does not. */
  askCurrent: boolean;
  submitLabel: string;
};

export function NewPasswordForm({ action, askCurrent, submitLabel }: NewPasswordFormProps) {
  const [state, formAction, pending] = useActionState(action, null);
  // Controlled, so that a refused submit does not empty the fields.
  const [values, setValues] = useState({ current: "", next: "", confirm: "" });
  const errors = state && !state.ok ? state.fieldErrors : {};
  const input = (name: keyof typeof values, autoComplete: string) =>
    function PasswordInput(control: object) {
      return <Input {...control} type="password" name={name} autoComplete={autoComplete} value={values[name]} onChange={(e) => setValues({ ...values, [name]: e.target.value })} required />;
    };
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {askCurrent && (
        <Field label="Senha atual" required errors={errors.current}>
          {input("current", "current-password")}
        </Field>
      )}
      <Field label="Nova senha" required errors={errors.next} hint={`Pelo menos ${PASSWORD_MIN_LENGTH} caracteres, não apenas números.`}>
        {input("next", "new-password")}
      </Field>
      <Field label="Repita a nova senha" required errors={errors.confirm}>
        {input("confirm", "new-password")}
      </Field>
      {state && !state.ok && Object.keys(errors).length === 0 && <Alert>{state.message}</Alert>}
      <Button type="submit" pending={pending} className="w-full">{submitLabel}</Button>
    </form>
  );
}
