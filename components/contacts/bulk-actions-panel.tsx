"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { BulkActionKind } from "@/lib/bulk-actions/kinds";
import type { ActionResult, FieldErrors } from "@/lib/actions/result";
import { bulkActionLabels, skippedReason, type RawBulkActionInput } from "@/lib/bulk-actions/bulk-action-input";
import type { BulkActionSummary, BulkPreview } from "@/lib/bulk-actions/bulk-actions";
import { priorities, priorityLabels } from "@/lib/contacts/priority";
import type { SegmentOption } from "@/lib/segments/queries";
import type { UserOption } from "@/lib/users/queries";
import { useSelection } from "./bulk-selection";
import { SegmentCheckboxes } from "@/components/segments/segment-checkboxes";
import { TagInput } from "./tag-input";
import { formatNumber, plural } from "@/lib/format/number";

const POLL_MS = 700;

export type BulkActionsPanelProps = {
  /** The list's filters as a URL query: "all matching" applies the action to exactly these. */
  query: string;
  /** How the list counts its matches ("1.234 contatos", "mais de 10.000 contatos"). */
  countText: string;
  /** The actions the viewer may take (offeredBulkActions). */
  kinds: BulkActionKind[];
  /** Whom the viewer may make responsável. */
  responsibles: UserOption[];
  segments: SegmentOption[];
  /** The server actions, passed in so that the panel can be tested without a server. */
  actions: {
    preview: (input: RawBulkActionInput) => Promise<ActionResult<BulkPreview>>;
    start: (input: RawBulkActionInput) => Promise<ActionResult<{ id: string }>>;
    progress: (id: string) => Promise<ActionResult<{ action: BulkActionSummary }>>;
    undo: (id: string) => Promise<ActionResult>;
  };
};

type Step =
  | { name: "choose" }
  | { name: "confirm"; input: RawBulkActionInput; preview: BulkPreview }
  | { name: "running"; id: string; action: BulkActionSummary | null };

/** "Ações em massa": pick the contacts (ticked rows or all matching), the action, confirm with counts, follow its progress. */
export function BulkActionsPanel({ query, countText, kinds, responsibles, segments, actions }: BulkActionsPanelProps) {
  const router = useRouter();
  const { selected, clear } = useSelection();
  const [scope, setScope] = useState<"selected" | "all">("selected");
  const [kind, setKind] = useState<BulkActionKind | "">("");
  const [step, setStep] = useState<Step>({ name: "choose" });
  const [errors, setErrors] = useState<{ message: string; fieldErrors: FieldErrors } | null>(null);
  const [pending, startTransition] = useTransition();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingId = useId();

  const effectiveScope = scope === "selected" && selected.size === 0 ? "all" : scope;

  function readInput(form: HTMLFormElement): RawBulkActionInput {
    const data = new FormData(form);
    return {
      scope: effectiveScope === "all" ? { query } : { ids: [...selected] },
      operation: {
        kind: String(data.get("kind") ?? ""),
        userId: String(data.get("userId") ?? ""),
        priority: String(data.get("priority") ?? ""),
        tags: data.getAll("tags").map(String),
        segmentIds: data.getAll("segmentIds").map(String),
      } as RawBulkActionInput["operation"],
    };
  }

  function review(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = readInput(event.currentTarget);
    startTransition(async () => {
      const result = await actions.preview(input);
      if (!result.ok) {
        setErrors({ message: result.message, fieldErrors: result.fieldErrors });
        return;
      }
      setErrors(null);
      const { ok: _, ...preview } = result;
      setStep({ name: "confirm", input, preview });
      dialogRef.current?.showModal();
    });
  }

  function confirm() {
    if (step.name !== "confirm") return;
    startTransition(async () => {
      const result = await actions.start(step.input);
      if (!result.ok) {
        setErrors({ message: result.message, fieldErrors: result.fieldErrors });
        dialogRef.current?.close();
        setStep({ name: "choose" });
        return;
      }
      setStep({ name: "running", id: result.id, action: null });
    });
  }

  // Follows the action in the database until it ends: progress survives a reload in the log page.
  const runningId = step.name === "running" ? step.id : null;
  const runningDone = step.name === "running" && step.action !== null && !["running", "undoing"].includes(step.action.status);
  useEffect(() => {
    if (!runningId || runningDone) return;
    const timer = setInterval(async () => {
      const result = await actions.progress(runningId);
      if (result.ok) setStep({ name: "running", id: runningId, action: result.action });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [runningId, runningDone, actions]);

  function undo(id: string) {
    startTransition(async () => {
      const result = await actions.undo(id);
      if (!result.ok) setErrors({ message: result.message, fieldErrors: {} });
      else setStep({ name: "running", id, action: null });
    });
  }

  function close() {
    dialogRef.current?.close();
    if (step.name === "running") {
      clear();
      router.refresh();
    }
    setStep({ name: "choose" });
  }

  const fieldErrors = errors?.fieldErrors ?? {};
  return (
    <section aria-labelledby={`${headingId}-title`} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${headingId}-title`} className="text-sm font-semibold text-slate-800">Ações em massa</h2>
        <Link href="/contacts/bulk" className="text-sm text-indigo-700 hover:underline">Histórico de ações em massa</Link>
      </div>
      <form onSubmit={review} className="mt-3 flex flex-wrap items-end gap-4" aria-describedby={errors ? `${headingId}-error` : undefined}>
        <fieldset className="text-sm">
          <legend className="mb-1.5 font-medium text-slate-800">Aplicar a</legend>
          <div className="flex flex-wrap gap-4 py-2">
            <label className="flex items-center gap-2">
              <input type="radio" name="scope" value="selected" checked={effectiveScope === "selected"} disabled={selected.size === 0} onChange={() => setScope("selected")} />
              {selected.size === 0 ? "Selecionados (marque na tabela)" : `${plural(selected.size, "selecionado", "selecionados")}`}
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="scope" value="all" checked={effectiveScope === "all"} onChange={() => setScope("all")} />
              Todos os contatos deste filtro ({countText})
            </label>
          </div>
        </fieldset>
        <Field label="Ação" errors={fieldErrors.kind}>
          {(control) => (
            <Select {...control} name="kind" value={kind} onChange={(e) => setKind(e.target.value as BulkActionKind)} required>
              <option value="">Escolha…</option>
              {kinds.map((k) => <option key={k} value={k}>{bulkActionLabels[k]}</option>)}
            </Select>
          )}
        </Field>
        {kind === "set_responsible" && (
          <Field label="Novo responsável" errors={fieldErrors.userId}>
            {(control) => (
              <Select {...control} name="userId">
                <option value="">Sem responsável</option>
                {responsibles.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
              </Select>
            )}
          </Field>
        )}
        {kind === "set_priority" && (
          <Field label="Prioridade" errors={fieldErrors.priority}>
            {(control) => (
              <Select {...control} name="priority" required>
                {priorities.map((p) => <option key={p} value={p}>{priorityLabels[p]}</option>)}
              </Select>
            )}
          </Field>
        )}
        {(kind === "add_tags" || kind === "remove_tags") && (
          <Field label="Hashtags" hint="Enter ou vírgula separa as hashtags." errors={fieldErrors.tags} className="min-w-64">
            {(control) => <TagInput key={kind} name="tags" initialTags={[]} control={control} />}
          </Field>
        )}
        {(kind === "add_segments" || kind === "remove_segments") && (
          <Field label="Segmentos" group errors={fieldErrors.segmentIds}>
            {(control) => (
              <div className="py-2">
                <SegmentCheckboxes segments={segments} control={control} />
              </div>
            )}
          </Field>
        )}
        <Button type="submit" variant="secondary" pending={pending && step.name === "choose"} disabled={!kind}>Revisar…</Button>
      </form>
      {errors && (
        <Alert id={`${headingId}-error`} className="mt-3">{errors.message}</Alert>
      )}

      <dialog
        ref={dialogRef}
        aria-labelledby={`${headingId}-dialog`}
        onCancel={(event) => {
          if (step.name === "running" && !runningDone) event.preventDefault();
          else close();
        }}
        className="m-auto w-full max-w-lg rounded-lg p-6 shadow-xl backdrop:bg-slate-900/40"
      >
        {step.name === "confirm" && (
          <ConfirmStep headingId={`${headingId}-dialog`} input={step.input} preview={step.preview} pending={pending} onConfirm={confirm} onCancel={close} />
        )}
        {step.name === "running" && (
          <ProgressStep headingId={`${headingId}-dialog`} action={step.action} pending={pending} onUndo={undo} onClose={close} />
        )}
      </dialog>
    </section>
  );
}

function ConfirmStep({ headingId, input, preview, pending, onConfirm, onCancel }: {
  headingId: string;
  input: RawBulkActionInput;
  preview: BulkPreview;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const kind = input.operation.kind as BulkActionKind;
  const destructive = kind === "delete";
  return (
    <div>
      <h2 id={headingId} className="text-lg font-semibold">{bulkActionLabels[kind]}</h2>
      <p className="mt-3 text-sm text-slate-700">
        {preview.willChange === 0
          ? "Nenhum contato será alterado."
          : destructive
            ? `${plural(preview.willChange, "contato será excluído", "contatos serão excluídos")}.`
            : `${plural(preview.willChange, "contato será alterado", "contatos serão alterados")}.`}
      </p>
      <ul className="mt-2 space-y-1 text-sm text-slate-600">
        <li>{plural(preview.matched, "contato escolhido", "contatos escolhidos")}</li>
        {preview.unchanged > 0 && <li>{plural(preview.unchanged, "já está assim", "já estão assim")} (sem mudança)</li>}
        {preview.skipped > 0 && <li>{plural(preview.skipped, "será ignorado", "serão ignorados")}: {skippedReason(kind)}</li>}
      </ul>
      <p className="mt-3 text-xs text-slate-500">Você poderá desfazer a ação inteira por 24 horas em “Histórico de ações em massa”.</p>
      <div className="mt-5 flex justify-end gap-3">
        <Button variant="secondary" onClick={onCancel} autoFocus>Cancelar</Button>
        <Button variant={destructive ? "danger" : "primary"} onClick={onConfirm} pending={pending} disabled={preview.willChange === 0}>
          {destructive ? "Excluir" : "Confirmar"} {formatNumber(preview.willChange)}
        </Button>
      </div>
    </div>
  );
}

function ProgressStep({ headingId, action, pending, onUndo, onClose }: {
  headingId: string;
  action: BulkActionSummary | null;
  pending: boolean;
  onUndo: (id: string) => void;
  onClose: () => void;
}) {
  const undoing = action?.status === "undoing" || action?.status === "undone";
  const working = !action || action.status === "running" || action.status === "undoing";
  const done = undoing ? (action?.undone ?? 0) + (action?.keptOnUndo ?? 0) : (action?.processed ?? 0);
  const total = undoing ? (action?.changed ?? 0) : (action?.total ?? 0);
  return (
    <div>
      <h2 id={headingId} className="text-lg font-semibold">
        {working ? (undoing ? "Desfazendo a ação em massa…" : "Aplicando a ação em massa…") : "Ação em massa"}
      </h2>
      <div className="mt-4" aria-live="polite">
        {working ? (
          <>
            <progress className="h-2 w-full" max={Math.max(total, 1)} value={done} aria-label="Progresso" />
            <p className="mt-2 text-sm text-slate-600">{total > 0 ? `${formatNumber(done)} de ${formatNumber(total)} contatos…` : "Começando…"}</p>
          </>
        ) : action?.status === "failed" ? (
          <Alert>{action.error}</Alert>
        ) : action?.status === "undone" ? (
          <Alert tone="success" title="Ação desfeita.">
            {plural(action.undone, "contato voltou", "contatos voltaram")} ao que era.
            {action.keptOnUndo > 0 && ` ${plural(action.keptOnUndo, "foi mantido", "foram mantidos")} porque mudou depois.`}
          </Alert>
        ) : action ? (
          <Alert tone="success" title="Pronto.">
            {plural(action.changed, "contato alterado", "contatos alterados")}
            {action.unchanged > 0 && `, ${plural(action.unchanged, "já estava assim", "já estavam assim")}`}
            {action.skipped > 0 && `, ${plural(action.skipped, "ignorado", "ignorados")} (${skippedReason(action.kind)})`}.
          </Alert>
        ) : null}
      </div>
      <div className="mt-5 flex justify-end gap-3">
        {action?.canUndo && <Button variant="secondary" pending={pending} onClick={() => onUndo(action.id)}>Desfazer</Button>}
        <Button onClick={onClose} disabled={working}>Fechar</Button>
      </div>
    </div>
  );
}
