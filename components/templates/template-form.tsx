"use client";

import Link from "next/link";
import { useActionState, useLayoutEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { controlClasses, Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { ActionResult } from "@/lib/actions/result";
import { MESSAGE_MAX_LENGTH } from "@/lib/live/attendance-input";
import { channelLabels, channels, type Channel } from "@/lib/messages/channels";
import { parseTemplate } from "@/lib/templates/parse";
import { TEMPLATE_NAME_MAX, TEMPLATE_SUBJECT_MAX, unknownVariablesMessage } from "@/lib/templates/template-input";
import type { TemplateVariable } from "@/lib/templates/variables";
import type { SearchContacts } from "./contact-picker";
import { TemplatePreview, type PreviewTemplate } from "./template-preview";
import { VariableMenu } from "./variable-menu";

export type TemplateFormValues = { name: string; channel: Channel; subject: string; body: string };

export const emptyTemplateValues: TemplateFormValues = { name: "", channel: "whatsapp", subject: "", body: "" };

export type TemplateFormProps = {
  action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  /** Editing: the template's id. */
  id?: string;
  initialValues: TemplateFormValues;
  submitLabel: string;
  cancelHref: string;
  preview: PreviewTemplate;
  searchContacts: SearchContacts;
};

type TextTarget = "subject" | "body";

export function TemplateForm({ action, id, initialValues, submitLabel, cancelHref, preview, searchContacts }: TemplateFormProps) {
  const [state, formAction, pending] = useActionState(action, null);
  // Controlled, so that what was typed stays after a refused submit (React resets uncontrolled forms).
  const [values, setValues] = useState(initialValues);
  const set = (field: keyof TemplateFormValues, value: string) => setValues((current) => ({ ...current, [field]: value }));
  const errors = state && !state.ok ? state.fieldErrors : {};
  const hasSubject = values.channel === "email";

  // The variable menu writes into the text that last had the focus, at its cursor.
  const [target, setTarget] = useState<TextTarget>("body");
  const fields = { subject: useRef<HTMLInputElement>(null), body: useRef<HTMLTextAreaElement>(null) };
  const caret = useRef<{ target: TextTarget; at: number } | null>(null);
  const into: TextTarget = hasSubject ? target : "body";

  useLayoutEffect(() => {
    const pendingCaret = caret.current;
    if (!pendingCaret) return;
    caret.current = null;
    const element = fields[pendingCaret.target].current;
    element?.focus();
    element?.setSelectionRange(pendingCaret.at, pendingCaret.at);
  });

  function insert(variable: TemplateVariable) {
    const element = fields[into].current;
    const text = values[into];
    const start = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? start;
    caret.current = { target: into, at: start + variable.insert.length };
    set(into, text.slice(0, start) + variable.insert + text.slice(end));
  }

  // Said while typing; the server says it again on saving (the same schema refuses them).
  const unknown = { subject: hasSubject ? parseTemplate(values.subject).unknown : [], body: parseTemplate(values.body).unknown };

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <form action={formAction} className="space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" noValidate>
        {id && <input type="hidden" name="id" value={id} />}
        <div className="grid gap-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <Field label="Nome" required errors={errors.name} hint="Só para a equipe: não vai na mensagem.">
            {(control) => <Input {...control} name="name" value={values.name} onChange={(e) => set("name", e.target.value)} maxLength={TEMPLATE_NAME_MAX} required placeholder="ex.: Boas-vindas" />}
          </Field>
          <Field label="Canal" required errors={errors.channel}>
            {(control) => (
              <Select {...control} name="channel" value={values.channel} onChange={(e) => set("channel", e.target.value)} required>
                {channels.map((channel) => (
                  <option key={channel} value={channel}>{channelLabels[channel]}</option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        {hasSubject && (
          <Field label="Assunto" required errors={errors.subject} hint={<LiveUnknown names={unknown.subject} errors={errors.subject} fallback="Pode ter variáveis." />}>
            {(control) => (
              <Input
                {...control}
                ref={fields.subject}
                name="subject"
                value={values.subject}
                onChange={(e) => set("subject", e.target.value)}
                onFocus={() => setTarget("subject")}
                maxLength={TEMPLATE_SUBJECT_MAX}
                required
              />
            )}
          </Field>
        )}
        <Field label="Mensagem" required errors={errors.body} hint={<LiveUnknown names={unknown.body} errors={errors.body} fallback={`Até ${MESSAGE_MAX_LENGTH} caracteres.`} />}>
          {(control) => (
            <textarea
              {...control}
              ref={fields.body}
              name="body"
              rows={8}
              value={values.body}
              onChange={(e) => set("body", e.target.value)}
              onFocus={() => setTarget("body")}
              maxLength={MESSAGE_MAX_LENGTH}
              required
              className={`${controlClasses} resize-y`}
            />
          )}
        </Field>
        <VariableMenu target={into === "subject" ? "no assunto" : "na mensagem"} onInsert={insert} />
        {state && !state.ok && Object.keys(errors).length === 0 && <Alert>{state.message}</Alert>}
        {state?.ok && <Alert tone="success">Modelo salvo.</Alert>}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" pending={pending}>{submitLabel}</Button>
          <Link href={cancelHref} className={buttonClasses("secondary")}>Voltar</Link>
        </div>
      </form>

      <section aria-labelledby="template-preview" className="space-y-3 self-start rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 id="template-preview" className="text-sm font-semibold">Pré-visualização</h2>
        <TemplatePreview subject={hasSubject ? values.subject : null} body={values.body} preview={preview} searchContacts={searchContacts} />
      </section>
    </div>
  );
}

/** The unknown variables of the text as it is now, in place of the field's hint (unless the field's errors already say it). */
function LiveUnknown({ names, errors = [], fallback }: { names: string[]; errors?: string[]; fallback: string }) {
  const message = names.length > 0 ? unknownVariablesMessage(names) : null;
  if (!message || errors.includes(message)) return fallback;
  return <span className="text-amber-800">{message}</span>;
}
