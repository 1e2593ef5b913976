"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ModalDialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { MenuButton } from "@/components/ui/menu";
import { Select } from "@/components/ui/select";
import { SelectionBar } from "@/components/ui/selection-bar";
import { Spinner } from "@/components/ui/spinner";
import type { BulkActionKind } from "@/lib/bulk-actions/kinds";
import type { ActionResult, FieldErrors } from "@/lib/actions/result";
import { bulkActionLabels, skippedReason, type RawBulkActionInput } from "@/lib/bulk-actions/bulk-action-input";
import type { BulkActionSummary, BulkPreview } from "@/lib/bulk-actions/bulk-actions";
import { priorities, priorityLabels } from "@/lib/contacts/priority";
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
  /** The server actions, passed in so that the panel can be tested without a server. */
  actions: {
    /** Whom the viewer may make responsável, or the segments they may assign: asked for when an action needs them. */
    options: (of: OptionsOf) => Promise<ActionResult<{ options: Option[] }>>;
    preview: (input: RawBulkActionInput) => Promise<ActionResult<BulkPreview>>;
    start: (input: RawBulkActionInput) => Promise<ActionResult<{ id: string }>>;
    progress: (id: string) => Promise<ActionResult<{ action: BulkActionSummary }>>;
    undo: (id: string) => Promise<ActionResult>;
  };
};

type Option = { id: string; name: string };
type OptionsOf = "responsibles" | "segments";
/** The options an action's value is chosen from, once asked for. */
type Options = Option[] | "loading" | "failed";

const optionsOf: Partial<Record<BulkActionKind, OptionsOf>> = { set_responsible: "responsibles", add_segments: "segments", remove_segments: "segments" };

type Step =
  | { name: "closed" }
  | { name: "choose"; kind: BulkActionKind }
  | { name: "confirm"; input: RawBulkActionInput; preview: BulkPreview; title: string }
  | { name: "running"; id: string; action: BulkActionSummary | null };

/**
 * "Ações em massa", shown once rows are ticked: the ticked rows or every contact of the filter, an
 * action with its value, a confirmation with counts, then its progress and undo.
 */
export function BulkActionsPanel({ query, countText, kinds, actions }: BulkActionsPanelProps) {
  const router = useRouter();
  const { selected, clear } = useSelection();
  const [scope, setScope] = useState<"selected" | "all">("selected");
  const [step, setStep] = useState<Step>({ name: "closed" });
  // "All of this filter" belongs to the selection it was chosen for: once nothing is ticked (a new
  // page or filter, "Limpar seleção"), the next selection starts from its own rows again.
  if (scope === "all" && selected.size === 0 && step.name === "closed") setScope("selected");
  const [errors, setErrors] = useState<{ message: string; fieldErrors: FieldErrors } | null>(null);
  const [loaded, setLoaded] = useState<{ of: OptionsOf; options: Options } | null>(null);
  const [pending, startTransition] = useTransition();
  const errorId = useId();

  function readInput(form: HTMLFormElement): RawBulkActionInput {
    const data = new FormData(form);
    return {
      scope: scope === "all" ? { query } : { ids: [...selected] },
      operation: {
        kind: String(data.get("kind") ?? ""),
        userId: String(data.get("userId") ?? ""),
        priority: String(data.get("priority") ?? ""),
        tags: data.getAll("tags").map(String),
        segmentIds: data.getAll("segmentIds").map(String),
      } as RawBulkActionInput["operation"],
    };
  }

  function choose(kind: BulkActionKind) {
    setErrors(null);
    setStep({ name: "choose", kind });
    const of = optionsOf[kind];
    if (!of) return;
    // Asked for each time, so that they are as current as the list itself.
    setLoaded({ of, options: "loading" });
    const settle = (options: Options) => setLoaded((current) => (current?.of === of ? { of, options } : current));
    actions.options(of).then((result) => settle(result.ok ? result.options : "failed"), () => settle("failed"));
  }

  const optionsFor = (kind: BulkActionKind): Options => {
    const of = optionsOf[kind];
    if (!of) return [];
    return loaded?.of === of ? loaded.options : "loading";
  };

  function review(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const input = readInput(form);
    const responsibles = optionsFor("set_responsible");
    const title = actionTitle(input, form, Array.isArray(responsibles) ? responsibles : []);
    startTransition(async () => {
      const result = await actions.preview(input);
      if (!result.ok) {
        setErrors({ message: result.message, fieldErrors: result.fieldErrors });
        return;
      }
      setErrors(null);
      const { ok: _, ...preview } = result;
      setStep({ name: "confirm", input, preview, title });
    });
  }

  function confirm() {
    if (step.name !== "confirm") return;
    startTransition(async () => {
      const result = await actions.start(step.input);
      if (!result.ok) {
        setErrors({ message: result.message, fieldErrors: result.fieldErrors });
        setStep({ name: "choose", kind: step.input.operation.kind as BulkActionKind });
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
    if (step.name === "running") {
      clear();
      router.refresh();
    }
    setStep({ name: "closed" });
  }

  const fieldErrors = errors?.fieldErrors ?? {};
  const running = step.name === "running" && !runningDone;
  return (
    <>
      {(selected.size > 0 || step.name !== "closed") && (
        <SelectionBar
          summary={
            scope === "all" ? (
              <>
                <span className="font-medium">Todos os contatos deste filtro ({countText})</span>
                <button type="button" onClick={() => setScope("selected")} className="underline underline-offset-2 hover:text-indigo-200">
                  Só os {plural(selected.size, "selecionado", "selecionados")}
                </button>
              </>
            ) : (
              <>
                <span className="font-medium">{plural(selected.size, "selecionado", "selecionados")}</span>
                <button type="button" onClick={() => setScope("all")} className="underline underline-offset-2 hover:text-indigo-200">
                  {/^\d/.test(countText) ? `Selecionar todos os ${countText} deste filtro` : `Selecionar todos deste filtro (${countText})`}
                </button>
              </>
            )
          }
        >
          <MenuButton label="Ações em massa ▾" variant="primary" items={kinds.map((k) => ({ id: k, label: bulkActionLabels[k], onAction: () => choose(k) }))} />
          <Link href="/contacts/bulk" className="rounded-md px-2 py-1 text-slate-200 underline-offset-2 hover:underline">Histórico</Link>
          <button type="button" onClick={clear} className="rounded-md px-2 py-1 text-slate-200 hover:bg-slate-800">Limpar seleção</button>
        </SelectionBar>
      )}

      <ModalDialog
        isOpen={step.name !== "closed"}
        onOpenChange={(open) => !open && close()}
        title={step.name === "choose" ? bulkActionLabels[step.kind] : step.name === "confirm" ? step.title : progressTitle(step.name === "running" ? step.action : null)}
        // An action under way is followed to its end: the dialog cannot be dismissed meanwhile.
        dismissDisabled={pending || running}
      >
        {step.name === "choose" && (
          <form onSubmit={review} aria-describedby={errors ? errorId : undefined}>
            <input type="hidden" name="kind" value={step.kind} />
            <p className="mt-1 text-sm text-slate-600">
              {scope === "all" ? `Todos os contatos deste filtro (${countText}).` : `${plural(selected.size, "contato selecionado", "contatos selecionados")}.`}
            </p>
            <div className="mt-4 space-y-4">
              <OperationFields kind={step.kind} fieldErrors={fieldErrors} options={optionsFor(step.kind)} />
            </div>
            {errors && <Alert id={errorId} className="mt-4">{errors.message}</Alert>}
            <div className="mt-5 flex justify-end gap-3">
              <Button variant="secondary" onClick={close}>Cancelar</Button>
              <Button type="submit" pending={pending} disabled={!Array.isArray(optionsFor(step.kind))}>Revisar…</Button>
            </div>
          </form>
        )}
        {step.name === "confirm" && (
          <ConfirmStep input={step.input} preview={step.preview} pending={pending} onConfirm={confirm} onCancel={close} />
        )}
        {step.name === "running" && (
          <ProgressStep action={step.action} pending={pending} onUndo={undo} onClose={close} />
        )}
      </ModalDialog>
    </>
  );
}

/** The value an action needs: whom, which priority, which hashtags or segments (chosen from `options`). */
function OperationFields({ kind, fieldErrors, options }: {
  kind: BulkActionKind;
  fieldErrors: FieldErrors;
  options: Options;
}) {
  if (options === "loading") return <p role="status" className="flex items-center gap-2 text-sm text-slate-600"><Spinner /> Carregando opções…</p>;
  if (options === "failed") return <Alert>Não foi possível carregar as opções. Feche e tente de novo.</Alert>;
  switch (kind) {
    case "set_responsible":
      return (
        <Field label="Novo responsável" errors={fieldErrors.userId}>
          {(control) => (
            <Select {...control} name="userId" autoFocus>
              <option value="">Sem responsável</option>
              {options.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
            </Select>
          )}
        </Field>
      );
    case "set_priority":
      return (
        <Field label="Prioridade" errors={fieldErrors.priority}>
          {(control) => (
            <Select {...control} name="priority" required autoFocus>
              {priorities.map((p) => <option key={p} value={p}>{priorityLabels[p]}</option>)}
            </Select>
          )}
        </Field>
      );
    case "add_tags":
    case "remove_tags":
      return (
        <Field label="Hashtags" hint="Enter ou vírgula separa as hashtags." errors={fieldErrors.tags}>
          {(control) => <TagInput key={kind} name="tags" initialTags={[]} control={control} />}
        </Field>
      );
    case "add_segments":
    case "remove_segments":
      return (
        <Field label="Segmentos" group errors={fieldErrors.segmentIds}>
          {(control) => <SegmentCheckboxes segments={options} control={control} />}
        </Field>
      );
    case "delete":
      return <p className="text-sm text-slate-700">Os contatos escolhidos serão excluídos. Você poderá desfazer por 24 horas.</p>;
  }
}

/** The confirmation's title restates the value: "Definir prioridade: Alta". */
function actionTitle(input: RawBulkActionInput, form: HTMLFormElement, responsibles: Option[]): string {
  const kind = input.operation.kind as BulkActionKind;
  const label = bulkActionLabels[kind];
  const { userId, priority, tags } = input.operation as { userId?: string; priority?: string; tags?: string[] };
  switch (kind) {
    case "set_responsible":
      return `${label}: ${responsibles.find((u) => u.id === userId)?.name ?? "sem responsável"}`;
    case "set_priority":
      return `${label}: ${priorityLabels[priority as keyof typeof priorityLabels] ?? ""}`;
    case "add_tags":
    case "remove_tags":
      return `${label}: ${(tags ?? []).map((t) => `#${t}`).join(" ")}`;
    case "add_segments":
    case "remove_segments": {
      const names = [...form.querySelectorAll<HTMLInputElement>("input[name=segmentIds]:checked")].map((box) => box.labels?.[0]?.textContent?.trim() ?? "");
      return `${label}: ${names.join(", ")}`;
    }
    default:
      return label;
  }
}

function ConfirmStep({ input, preview, pending, onConfirm, onCancel }: {
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

function progressTitle(action: BulkActionSummary | null): string {
  if (action && !["running", "undoing"].includes(action.status)) return "Ação em massa";
  return action?.status === "undoing" ? "Desfazendo a ação em massa…" : "Aplicando a ação em massa…";
}

function ProgressStep({ action, pending, onUndo, onClose }: {
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
