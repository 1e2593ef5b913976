"use client";

import Link from "next/link";
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import type { ContactFormResult, ContactFormValues } from "@/lib/contacts/contact-form-data";
import type { ContactConsent } from "@/lib/contacts/consent-labels";
import { priorities, priorityLabels, type Priority } from "@/lib/contacts/contact-input";
import { formatDocumentAsTyped } from "@/lib/documents/document";
import { formatPhoneAsTyped } from "@/lib/phones/phone";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field, type ControlProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ConsentFieldset } from "./consent-fieldset";
import { revealButtonClasses, useDocumentReveal, type RevealDocument } from "./document-reveal";
import { InputList } from "./input-list";
import { SegmentCheckboxes } from "@/components/segments/segment-checkboxes";
import { TagInput } from "./tag-input";

type Option = { id: string; name: string };

/** A new contact, as "Criar contato" opens. */
export const emptyContactValues: ContactFormValues = {
  name: "",
  document: "",
  customerCode: "",
  responsibleUserId: "",
  tags: [],
  priority: "medium",
  segmentIds: [],
  phones: [],
  emails: [],
  consent: { whatsapp: "", sms: "", email: "" },
};

export type ContactFormProps = {
  action: (prev: ContactFormResult | null, formData: FormData) => Promise<ContactFormResult>;
  initialValues: ContactFormValues;
  /**
   * Submitted as hidden inputs, e.g. { id, version } when editing. After a concurrency conflict the
   * `version` entry takes the version now stored, so that saving again after review goes through.
   */
  hidden?: Record<string, string>;
  /** null: the viewer may not choose the responsável (operator), so a read-only text replaces the select. */
  responsibleOptions: Option[] | null;
  /** The current responsável's name when editing (null: none). Left undefined on create. */
  responsibleName?: string | null;
  /** Segments the viewer may add or remove. */
  segmentOptions: Option[];
  /** The contact's other segments, which the viewer cannot change. */
  lockedSegments?: Option[];
  /**
   * When editing: the stored CPF/CNPJ, masked. The field shows the mask until "mostrar" (a recorded
   * reveal) or "substituir"; until then it sends nothing and the server keeps the stored document.
   */
  storedDocument?: { masked: string; reveal: RevealDocument };
  /** When editing: the contact's consent records, each shown under its channel (when, how, by whom). */
  consentRecords?: ContactConsent;
  submitLabel: string;
  /** Where "Cancelar" goes, or what it does (a panel closes itself). */
  cancel: string | (() => void);
};

export function ContactForm({
  action,
  initialValues,
  hidden = {},
  responsibleOptions,
  responsibleName,
  segmentOptions,
  lockedSegments = [],
  storedDocument,
  consentRecords,
  submitLabel,
  cancel,
}: ContactFormProps) {
  const [state, formAction, pending] = useActionState(action, null);
  // Controlled, so a refused submit keeps everything the user typed on screen. A form posted before
  // hydration comes back as a new page already holding the refusal: it starts from what was typed.
  const start = state?.values ?? initialValues;
  const [name, setName] = useState(start.name);
  const [customerCode, setCustomerCode] = useState(start.customerCode);
  const [responsibleUserId, setResponsibleUserId] = useState(start.responsibleUserId);
  const [priority, setPriority] = useState<Priority>(start.priority);
  const [segmentIds, setSegmentIds] = useState(start.segmentIds);
  const [consent, setConsent] = useState(start.consent);

  const formRef = useRef<HTMLFormElement>(null);
  const bannerRef = useRef<HTMLDivElement>(null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const hiddenValues =
    state && !state.ok && state.currentVersion !== undefined && "version" in hidden
      ? { ...hidden, version: String(state.currentVersion) }
      : hidden;

  // After a refused submit, take keyboard and screen-reader users straight to what needs fixing.
  useEffect(() => {
    if (!state || state.ok) return;
    const firstInvalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (firstInvalid ?? bannerRef.current)?.focus();
  }, [state]);

  // Keep the current responsável selectable even when the viewer could not pick them, so saving
  // another field never clears the responsável as a side effect.
  const responsibleChoices =
    responsibleOptions && initialValues.responsibleUserId && !responsibleOptions.some((o) => o.id === initialValues.responsibleUserId)
      ? [{ id: initialValues.responsibleUserId, name: responsibleName ?? "Responsável atual" }, ...responsibleOptions]
      : responsibleOptions;

  // React resets a form after an action passed to `action` runs, and a reset puts a controlled
  // <select> back on its first option. Dispatching from onSubmit skips that reset; `action` stays
  // set so the form still posts before hydration.
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  }

  return (
    <form ref={formRef} action={formAction} onSubmit={handleSubmit} noValidate className="space-y-6">
      {state && !state.ok && (
        <Alert ref={bannerRef} tabIndex={-1} tone="error">
          {state.message}
        </Alert>
      )}
      {Object.entries(hiddenValues).map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}

      <Field label="Nome" required hint="Nome completo ou razão social." errors={errors.name}>
        {(control) => (
          <Input {...control} name="name" value={name} onChange={(e) => setName(e.target.value)} required autoComplete="off" />
        )}
      </Field>

      <div className="grid gap-6 sm:grid-cols-2">
        <DocumentField initialValue={start.document} stored={storedDocument} errors={errors.document} />
        <Field
          label="Código do Cliente"
          required
          hint="Identificador único do cliente na sua empresa, sem espaços. Usado na busca rápida, nas importações e na API."
          errors={errors.customerCode}
        >
          {(control) => (
            <Input
              {...control}
              name="customerCode"
              value={customerCode}
              onChange={(e) => setCustomerCode(e.target.value)}
              required
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </Field>
      </div>

      {responsibleChoices ? (
        <Field label="Responsável" hint="Quem acompanha este contato." errors={errors.responsibleUserId}>
          {(control) => (
            <Select {...control} name="responsibleUserId" value={responsibleUserId} onChange={(e) => setResponsibleUserId(e.target.value)}>
              <option value="">Sem responsável</option>
              {responsibleChoices.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
      ) : (
        <div>
          <p className="mb-1.5 text-sm font-medium text-slate-800">Responsável</p>
          <p className="text-sm text-slate-600">
            {responsibleName === undefined
              ? "Você será o responsável se não escolher um segmento."
              : (responsibleName ?? "Sem responsável")}
          </p>
          {errors.responsibleUserId?.map((message, index) => (
            <p key={index} className="mt-1.5 text-sm text-red-700">
              {message}
            </p>
          ))}
        </div>
      )}

      <Field label="Hashtags" hint="Digite e tecle Enter para adicionar." errors={errors.tags}>
        {(control) => <TagInput name="tags" initialTags={start.tags} control={control} />}
      </Field>

      <Field label="Prioridade" group hint="Define a ordem na fila de atendimento." errors={errors.priority}>
        {(control) => (
          <div className="flex flex-wrap gap-x-6 gap-y-2">
            {priorities.map((value) => (
              <label key={value} className="inline-flex items-center gap-2 text-sm text-slate-700">
                <input
                  type="radio"
                  name="priority"
                  value={value}
                  checked={priority === value}
                  onChange={() => setPriority(value)}
                  aria-describedby={control["aria-describedby"]}
                  className="size-4 accent-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
                />
                {priorityLabels[value]}
              </label>
            ))}
          </div>
        )}
      </Field>

      <Field label="Segmentos" group hint="As carteiras que atendem este contato." errors={errors.segmentIds}>
        {(control) => (
          <div className="space-y-2">
            {segmentOptions.length === 0 && lockedSegments.length === 0 && (
              <p className="text-sm text-slate-500">Nenhum segmento disponível.</p>
            )}
            {segmentOptions.length > 0 && (
              <SegmentCheckboxes segments={segmentOptions} control={control} selected={segmentIds} onChange={setSegmentIds} />
            )}
            {lockedSegments.length > 0 && (
              <p className="text-sm text-slate-500">Também em: {lockedSegments.map((s) => s.name).join(", ")}</p>
            )}
          </div>
        )}
      </Field>

      <div className="grid gap-6 sm:grid-cols-2">
        <Field label="Telefones" group hint="Com DDD, ex.: (11) 98765-4321." errors={errors.phones}>
          {(control) => (
            <InputList
              name="phones"
              noun="telefone"
              initialValues={start.phones}
              control={control}
              format={formatPhoneAsTyped}
              inputProps={{ type: "tel", inputMode: "tel", autoComplete: "off" }}
            />
          )}
        </Field>
        <Field label="E-mails" group hint="Ex.: nome@empresa.com.br." errors={errors.emails}>
          {(control) => (
            <InputList
              name="emails"
              noun="e-mail"
              initialValues={start.emails}
              control={control}
              inputProps={{ type: "email", inputMode: "email", autoComplete: "off" }}
            />
          )}
        </Field>
      </div>

      <ConsentFieldset value={consent} onChange={setConsent} records={consentRecords} errors={errors.consent} />

      <div className="flex items-center justify-end gap-3 border-t border-slate-200 pt-6">
        {typeof cancel === "string" ? (
          <Link href={cancel} className={buttonClasses("secondary")}>
            Cancelar
          </Link>
        ) : (
          <Button variant="secondary" onClick={cancel}>
            Cancelar
          </Button>
        )}
        <Button type="submit" pending={pending}>
          {pending ? "Salvando…" : submitLabel}
        </Button>
      </div>
    </form>
  );
}

const documentHint = "CPF ou CNPJ, com ou sem pontuação. Aceita o CNPJ alfanumérico.";

function DocumentField({ initialValue, stored, errors }: { initialValue: string; stored?: ContactFormProps["storedDocument"]; errors?: string[] }) {
  const [value, setValue] = useState(initialValue);
  // Open: the input holds what is sent. Closed (editing, until revealed or replaced, or a refused
  // submit brought back a document typed in it): the mask only.
  const [open, setOpen] = useState(!stored || initialValue !== "");
  return (
    <Field
      label="CPF / CNPJ"
      required
      hint={open ? documentHint : "Oculto por segurança: ver o documento completo fica registrado no histórico do contato. Sem mostrar nem substituir, o atual é mantido."}
      errors={errors}
    >
      {(control) =>
        stored && !open ? (
          <MaskedDocument
            control={control}
            stored={stored}
            onReveal={(document) => {
              setValue(document);
              setOpen(true);
            }}
            onReplace={() => setOpen(true)}
          />
        ) : (
          <Input
            {...control}
            name="document"
            value={value}
            onChange={(e) => setValue(formatDocumentAsTyped(e.target.value))}
            required
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            // Opened by "mostrar" or "substituir": the user is about to edit it.
            autoFocus={!!stored}
          />
        )
      }
    </Field>
  );
}

type MaskedDocumentProps = {
  control: ControlProps;
  stored: NonNullable<ContactFormProps["storedDocument"]>;
  onReveal: (document: string) => void;
  onReplace: () => void;
};

// No `name`: a form saved without revealing or replacing sends no document at all.
function MaskedDocument({ control, stored, onReveal, onReplace }: MaskedDocumentProps) {
  const { run, pending, error } = useDocumentReveal(stored.reveal);
  return (
    <>
      <Input {...control} value={stored.masked} readOnly className="font-mono" />
      <div className="mt-1.5 flex flex-wrap items-center gap-3">
        <button type="button" onClick={() => run(onReveal)} disabled={pending} className={revealButtonClasses}>
          {pending ? "mostrando…" : "mostrar"}
        </button>
        <button type="button" onClick={onReplace} className={revealButtonClasses}>
          substituir
        </button>
        {error && <span role="alert" className="text-xs text-red-700">{error}</span>}
      </div>
    </>
  );
}
