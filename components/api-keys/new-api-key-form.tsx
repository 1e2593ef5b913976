"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/result";
import {
  API_KEY_NAME_MAX,
  apiScopeLabels,
  apiScopes,
  REQUESTS_PER_MINUTE_DEFAULT,
  REQUESTS_PER_MINUTE_MAX,
  type ApiScope,
} from "@/lib/api-keys/api-key-input";
import { NewApiKeyDialog } from "./new-api-key-dialog";

type Created = { id: string; key: string };

export type NewApiKeyFormProps = {
  action: (previous: ActionResult<Created> | null, formData: FormData) => Promise<ActionResult<Created>>;
  /** The organization's active segments, to restrict a key to some of them. */
  segments: { id: string; name: string }[];
};

/**
 * "Nova chave": a name, what the key may do, which contacts it sees (all, or those of some segments)
 * and how many requests a minute it may make. A created key is shown once, in a dialog; closing it
 * starts a fresh form, and the key is gone from the page.
 */
export function NewApiKeyForm({ action, segments }: NewApiKeyFormProps) {
  // Remounting the form is what forgets the key: useActionState keeps its last answer otherwise.
  const [generation, setGeneration] = useState(0);
  return <KeyForm key={generation} action={action} segments={segments} onDone={() => setGeneration((n) => n + 1)} />;
}

function KeyForm({ action, segments, onDone }: NewApiKeyFormProps & { onDone: () => void }) {
  const [state, formAction, pending] = useActionState(action, null);
  // Controlled, so that a refused submit keeps what was typed and chosen.
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiScope[]>([]);
  const [segmentIds, setSegmentIds] = useState<string[]>([]);
  const [requestsPerMinute, setRequestsPerMinute] = useState(String(REQUESTS_PER_MINUTE_DEFAULT));
  const errors = state && !state.ok ? state.fieldErrors : {};
  const toggle = (scope: ApiScope, on: boolean) => setScopes(on ? [...scopes, scope] : scopes.filter((s) => s !== scope));
  const toggleSegment = (id: string, on: boolean) => setSegmentIds(on ? [...segmentIds, id] : segmentIds.filter((s) => s !== id));
  // React resets a form after an action passed to `action` runs, and a reset unticks controlled
  // checkboxes. Dispatching from onSubmit skips that reset; `action` stays for posts before hydration.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  };

  return (
    <>
      <form action={formAction} onSubmit={submit} className="space-y-4" noValidate>
        <Field label="Nome" required errors={errors.name} hint="Para quem ou para quê é a chave: aparece na lista e na auditoria." className="max-w-md">
          {(control) => (
            <Input {...control} name="name" value={name} onChange={(e) => setName(e.target.value)} maxLength={API_KEY_NAME_MAX} required placeholder="ex.: ERP financeiro" />
          )}
        </Field>
        <Field label="Permissões" group required errors={errors.scopes}>
          {(control) => (
            <div className="flex flex-col gap-2">
              {apiScopes.map((scope) => (
                <label key={scope} className="inline-flex items-center gap-2 text-sm text-slate-700">
                  <input
                    type="checkbox"
                    name="scopes"
                    value={scope}
                    checked={scopes.includes(scope)}
                    onChange={(e) => toggle(scope, e.target.checked)}
                    aria-describedby={control["aria-describedby"]}
                    aria-invalid={control["aria-invalid"]}
                    className="size-4 rounded accent-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
                  />
                  {apiScopeLabels[scope]}
                  <code className="text-xs text-slate-500">{scope}</code>
                </label>
              ))}
            </div>
          )}
        </Field>
        {segments.length > 0 && (
          <Field
            label="Contatos que a chave vê"
            group
            errors={errors.segmentIds}
            hint="Nenhum marcado: toda a organização. Marcados: só os contatos desses segmentos, como um supervisor deles."
          >
            {(control) => (
              <div className="flex flex-wrap gap-x-4 gap-y-2">
                {segments.map((segment) => (
                  <label key={segment.id} className="inline-flex items-center gap-2 text-sm text-slate-700">
                    <input
                      type="checkbox"
                      name="segmentIds"
                      value={segment.id}
                      checked={segmentIds.includes(segment.id)}
                      onChange={(e) => toggleSegment(segment.id, e.target.checked)}
                      aria-describedby={control["aria-describedby"]}
                      aria-invalid={control["aria-invalid"]}
                      className="size-4 rounded accent-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
                    />
                    {segment.name}
                  </label>
                ))}
              </div>
            )}
          </Field>
        )}
        <Field label="Requisições por minuto" required errors={errors.requestsPerMinute} hint="Passando disso, a API responde 429 até o minuto seguinte." className="max-w-xs">
          {(control) => (
            <Input
              {...control}
              name="requestsPerMinute"
              type="number"
              inputMode="numeric"
              min={1}
              max={REQUESTS_PER_MINUTE_MAX}
              value={requestsPerMinute}
              onChange={(e) => setRequestsPerMinute(e.target.value)}
              required
            />
          )}
        </Field>
        {state && !state.ok && Object.keys(state.fieldErrors).length === 0 && <Alert>{state.message}</Alert>}
        <Button type="submit" pending={pending}>Criar chave</Button>
      </form>
      {state?.ok && <NewApiKeyDialog name={name} apiKey={state.key} onClose={onDone} />}
    </>
  );
}
