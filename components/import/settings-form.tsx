"use client";

import { useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { TagInput } from "@/components/contacts/tag-input";
import type { ActionResult, FieldErrors } from "@/lib/actions/result";
import { consentImportFields, importFieldLabels, suggestMapping, type ImportField } from "@/lib/import/columns";
import type { SavedImportMapping } from "@/lib/import/imports";
import {
  defaultUpdatePolicies,
  importKeyLabels,
  importKeys,
  importModeLabels,
  importModes,
  updatableFields,
  updatePolicies,
  updatePolicyLabels,
  type ImportKey,
  type ImportMode,
  type ImportSettings,
  type RawImportSettings,
  type UpdatePolicies,
  type UpdatePolicy,
} from "@/lib/import/settings";
import { MappingTable } from "./mapping-table";
import { SavedMappings } from "./saved-mappings";

type Option = { id: string; name: string };

export type ImportSettingsActions = {
  preview: (id: string, settings: RawImportSettings) => Promise<ActionResult>;
  saveMapping: (input: { name: string; columns: Record<string, ImportField> }) => Promise<ActionResult<{ id: string }>>;
  deleteMapping: (id: string) => Promise<ActionResult>;
};

export type ImportSettingsFormProps = {
  importId: string;
  header: string[];
  sampleRows: string[][];
  /** The choices of an earlier preview, shown again to be changed; null: suggested mapping and defaults. */
  settings: ImportSettings | null;
  segments: Option[];
  /** Whom the viewer may make responsável; null when they may not set one. */
  responsibles: Option[] | null;
  /** A supervisor's imported contacts must land in one of their own segments. */
  ownSegmentsOnly: boolean;
  savedMappings: SavedImportMapping[];
  actions: ImportSettingsActions;
  /** After a preview: back to it, changing nothing. */
  onCancel?: () => void;
};

/** Mapping first: the fields only a mapping enables ("key") say what is missing next to them. */
export function ImportSettingsForm({ importId, header, sampleRows, settings, segments, responsibles, ownSegmentsOnly, savedMappings, actions, onCancel }: ImportSettingsFormProps) {
  const [mapping, setMapping] = useState<(ImportField | null)[]>(() => (settings ? header.map((_, i) => settings.mapping[i] ?? null) : suggestMapping(header)));
  const [key, setKey] = useState<ImportKey>(settings?.key ?? "customerCode");
  const [mode, setMode] = useState<ImportMode>(settings?.mode ?? "upsert");
  const [policies, setPolicies] = useState<UpdatePolicies>(settings?.policies ?? defaultUpdatePolicies);
  const [responsibleForAll, setResponsibleForAll] = useState(settings?.responsibleUserId ?? "");
  const [failure, setFailure] = useState<{ message: string; fieldErrors: FieldErrors } | null>(null);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const bannerRef = useRef<HTMLDivElement>(null);
  const errors = failure?.fieldErrors ?? {};

  // After a refusal, take keyboard and screen-reader users to the first thing to fix.
  useEffect(() => {
    if (!failure) return;
    const firstInvalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (firstInvalid ?? bannerRef.current)?.focus();
  }, [failure]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input: RawImportSettings = {
      mapping,
      key,
      mode,
      policies,
      addTags: data.getAll("addTags").map(String),
      segmentId: String(data.get("segmentId") ?? ""),
      responsibleUserId: String(data.get("responsibleUserId") ?? ""),
    };
    startTransition(async () => {
      let result: ActionResult;
      try {
        result = await actions.preview(importId, input);
      } catch {
        result = { ok: false, code: "unexpected", message: "Não foi possível concluir agora. Verifique a conexão e tente novamente.", fieldErrors: {} };
      }
      setFailure(result.ok ? null : { message: result.message, fieldErrors: result.fieldErrors });
    });
  }

  const keyMapped = mapping.includes(key);
  const consentMapped = Object.values(consentImportFields).some((field) => mapping.includes(field));
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="space-y-8">
      <section aria-labelledby="mapping-title" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h2 id="mapping-title" className="text-lg font-semibold text-slate-900">Colunas do arquivo</h2>
            <p className="text-sm text-slate-600">Escolha o campo que cada coluna preenche. Colunas sem campo são ignoradas.</p>
          </div>
          <SavedMappings header={header} mapping={mapping} onApply={setMapping} saved={savedMappings} actions={actions} />
        </div>
        {errors.mapping && (
          <ul id="mapping-errors" className="space-y-0.5 text-sm text-red-700">
            {errors.mapping.map((message) => <li key={message}>{message}</li>)}
          </ul>
        )}
        <MappingTable header={header} sampleRows={sampleRows} mapping={mapping} onChange={setMapping} invalid={!!errors.mapping} />
      </section>

      <section aria-labelledby="options-title" className="space-y-6 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <h2 id="options-title" className="text-lg font-semibold text-slate-900">Opções</h2>

        <div className="grid gap-6 sm:grid-cols-2">
          <Field
            label="Chave do contato"
            hint={keyMapped ? "Um contato do arquivo com a mesma chave de um contato existente o atualiza." : `Nenhuma coluna vai para ${importKeyLabels[key]}: associe uma acima.`}
            errors={errors.key}
          >
            {(control) => (
              <Select {...control} name="key" value={key} onChange={(event) => setKey(event.target.value as ImportKey)}>
                {importKeys.map((value) => <option key={value} value={value}>{importKeyLabels[value]}</option>)}
              </Select>
            )}
          </Field>

          <Field label="O que fazer" group errors={errors.mode}>
            {(control) => (
              <div className="space-y-2">
                {importModes.map((value) => (
                  <label key={value} className="flex items-center gap-2 text-sm text-slate-700">
                    <input
                      type="radio"
                      name="mode"
                      value={value}
                      checked={mode === value}
                      onChange={() => setMode(value)}
                      aria-describedby={control["aria-describedby"]}
                      className="size-4 accent-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
                    />
                    {importModeLabels[value]}
                  </label>
                ))}
              </div>
            )}
          </Field>
        </div>

        {mode !== "createOnly" && (
          <Field
            label="Ao atualizar um contato existente"
            group
            hint={
              consentMapped
                ? "Segmentos nunca são removidos: a importação só acrescenta. Consentimento: a resposta do arquivo substitui a atual; célula vazia mantém."
                : "Segmentos nunca são removidos: a importação só acrescenta."
            }
            errors={errors.policies}
          >
            {() => (
              <div className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
                {/* Only fields the file or an option fills, and never the key: it is what matched the contact. */}
                {updatableFields.filter((field) => field !== key && (mapping.includes(field) || (field === "responsible" && responsibleForAll))).map((field) => (
                  <label key={field} className="flex items-center justify-between gap-3 text-sm text-slate-700">
                    <span>{importFieldLabels[field]}</span>
                    <Select
                      name={`policy-${field}`}
                      value={policies[field]}
                      onChange={(event) => setPolicies({ ...policies, [field]: event.target.value as UpdatePolicy })}
                      className="w-auto! min-w-48 shrink-0"
                    >
                      {updatePolicies.map((value) => <option key={value} value={value}>{updatePolicyLabels[value]}</option>)}
                    </Select>
                  </label>
                ))}
              </div>
            )}
          </Field>
        )}

        <Field label="Adicionar hashtags a todos" hint="Digite e tecle Enter. Vão para todos os contatos importados, além das da coluna Hashtags." errors={errors.addTags}>
          {(control) => <TagInput name="addTags" initialTags={settings?.addTags ?? []} control={control} />}
        </Field>

        <div className="grid gap-6 sm:grid-cols-2">
          <Field
            label="Colocar todos no segmento"
            hint={
              ownSegmentsOnly
                ? "Só os seus segmentos. Um contato novo sem segmento (aqui ou na coluna Segmentos) fica com você como responsável."
                : "Opcional: além dos segmentos da coluna Segmentos."
            }
            errors={errors.segmentId}
          >
            {(control) => (
              <Select {...control} name="segmentId" defaultValue={settings?.segmentId ?? ""}>
                <option value="">Nenhum</option>
                {segments.map((segment) => <option key={segment.id} value={segment.id}>{segment.name}</option>)}
              </Select>
            )}
          </Field>

          {responsibles && (
            <Field label="Definir responsável" hint="Opcional: vale para todos e, se escolhido, a coluna Responsável é ignorada." errors={errors.responsibleUserId}>
              {(control) => (
                <Select {...control} name="responsibleUserId" value={responsibleForAll} onChange={(event) => setResponsibleForAll(event.target.value)}>
                  <option value="">Não definir</option>
                  {responsibles.map((user) => <option key={user.id} value={user.id}>{user.name}</option>)}
                </Select>
              )}
            </Field>
          )}
        </div>
      </section>

      {failure && (
        <Alert ref={bannerRef} tabIndex={-1}>
          {failure.message}
        </Alert>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={pending}>Pré-visualizar</Button>
        {onCancel && <Button variant="secondary" onClick={onCancel} disabled={pending}>Voltar à prévia</Button>}
        <p className="text-sm text-slate-600">A prévia lê o arquivo inteiro e não grava nada.</p>
      </div>
    </form>
  );
}
