"use client";

import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type LoginFormProps = {
  action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
};

export function LoginForm({ action }: LoginFormProps) {
  const [state, formAction, pending] = useActionState(action, null);
  // Controlled, so a refused attempt keeps the e-mail typed (React resets uncontrolled forms).
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const errors = state && !state.ok ? state : null;

  return (
    <form action={formAction} className="space-y-5 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200" noValidate>
      {errors && <Alert tone="error">{errors.message}</Alert>}
      <Field label="E-mail" errors={errors?.fieldErrors.email}>
        {(control) => (
          <Input
            {...control}
            name="email"
            type="email"
            autoComplete="username"
            autoFocus
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        )}
      </Field>
      <Field label="Senha" errors={errors?.fieldErrors.password}>
        {(control) => (
          <Input
            {...control}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        )}
      </Field>
      <Button type="submit" pending={pending} className="w-full">
        {pending ? "Entrando…" : "Entrar"}
      </Button>
    </form>
  );
}
