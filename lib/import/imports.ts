import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import type { ImportStatus } from "@/db/schema";
import { failure, invalidInputMessage, type ActionResult } from "@/lib/actions/result";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { formatBytes } from "@/lib/format/size";
import { parseId } from "@/lib/sql/ids";
import { hasControlCharacters } from "@/lib/sql/values";
import { contactVisibleTo } from "@/lib/contacts/visibility";
import { listAssignableSegments } from "@/lib/segments/queries";
import { listAssignableResponsibles } from "@/lib/users/queries";
import { importFields, type ImportField } from "./columns";
import { ImportFileError } from "./read-file";
import { enqueueImportJob } from "./runner";
import { importKeyLabels, importModeLabels, importSettingsInput, type ImportSettings } from "./settings";
import { MAX_FILE_BYTES } from "./limits";
import { FileTooLargeError, storeFile } from "./storage";
import { openStoredUpload } from "./stored-upload";
import type { ImportPreview, ImportView } from "./view";

// The import's data-access functions: every one takes the viewer and checks it. An import is
// seen by whoever ran it and by admins; only whoever ran it previews and starts it (the job acts
// as them); they or an admin may cancel and undo it.

/** How long an import can be undone, and its file and rows are kept. */
export const UNDO_WINDOW_DAYS = 7;
const SAMPLE_ROWS = 5;

/** An import in the history list. */
export type ImportListItem = {
  id: string;
  fileName: string;
  actorName: string;
  createdAt: string;
  finishedAt: string | null;
  status: ImportStatus;
  /** Options in words: "Chave: Código do cliente · Adicionar novos e atualizar existentes · +#vip · Segmento: Varejo SP". */
  optionsSummary: string;
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  durationSeconds: number | null;
};

export type SavedImportMapping = { id: string; name: string; columns: Record<string, ImportField> };

const notFound = () => failure("not_found", "Importação não encontrada.");

/** Stores an upload (streamed) as a new import, reads its format and header; a file that cannot be read is refused and nothing is kept. */
export async function createImport(
  viewer: Viewer,
  fileName: string,
  body: AsyncIterable<Uint8Array>,
  { maxBytes = MAX_FILE_BYTES } = {},
): Promise<ActionResult<{ id: string }>> {
  if (!can(viewer.role, "contacts.import")) return failure("forbidden", "Você não pode importar contatos.");
  const name = cleanFileName(fileName);
  const [created] = rowsOf<{ id: string }>(
    await getDb().execute(sql`
      insert into imports (organization_id, actor_user_id, actor_name, file_name, file_kind)
      values (${viewer.organizationId}::uuid, ${viewer.userId}::uuid, ${viewer.name}, ${name}, ${/\.xlsx$/i.test(name) ? "xlsx" : "csv"})
      returning id`),
  );
  const id = created.id;
  const refuse = async (message: string) => {
    await getDb().execute(sql`delete from imports where organization_id = ${viewer.organizationId}::uuid and id = ${id}::uuid`);
    return failure("invalid", message, { file: [message] });
  };
  let bytes: number;
  try {
    bytes = await storeFile(viewer.organizationId, id, body, maxBytes);
  } catch (error) {
    if (error instanceof FileTooLargeError) return refuse(`O arquivo passa de ${formatBytes(maxBytes)}. Divida-o em arquivos menores e importe um de cada vez.`);
    await refuse("");
    throw error;
  }
  const opened = await openStoredUpload(viewer.organizationId, id);
  if (!opened.ok) return refuse(opened.message);
  const sample: string[][] = [];
  try {
    for await (const row of opened.rows) {
      sample.push(row.cells);
      if (sample.length >= SAMPLE_ROWS) break;
    }
  } catch (error) {
    if (error instanceof ImportFileError) return refuse(error.message);
    throw error;
  }
  if (sample.length === 0) return refuse("O arquivo só tem o cabeçalho: não há contatos para importar.");
  const header = opened.header.map((cell, i) => cell || `Coluna ${i + 1}`);
  const format = opened.kind === "csv" ? opened.format : null;
  await getDb().execute(sql`
    update imports set file_bytes = ${bytes}, header = ${sql`array[${sql.join(header.map((h) => sql`${h}`), sql`, `)}]::text[]`},
      sample_rows = ${JSON.stringify(sample)}::jsonb, encoding = ${format?.encoding ?? null}, bom = ${format?.bom ?? false},
      separator = ${format?.separator ?? null}
    where organization_id = ${viewer.organizationId}::uuid and id = ${id}::uuid`);
  return { ok: true, id };
}

/** A name to show and to write back in the error file's name: no folders, no control characters. */
function cleanFileName(raw: string): string {
  const base = raw.split(/[/\\]/).pop()!.trim().slice(0, 200);
  return base === "" || hasControlCharacters(base) ? "arquivo.csv" : base;
}

/** Whose imports the viewer sees: their own; an admin's, the organization's. */
function seenBy(viewer: Viewer): SQL {
  return can(viewer.role, "imports.viewAll")
    ? sql`i.organization_id = ${viewer.organizationId}::uuid`
    : sql`i.organization_id = ${viewer.organizationId}::uuid and i.actor_user_id = ${viewer.userId}::uuid`;
}

type ImportRow = {
  id: string;
  file_name: string;
  file_bytes: string | number;
  file_kind: string;
  encoding: string | null;
  bom: boolean;
  separator: string | null;
  header: string[];
  sample_rows: string[][];
  settings: ImportSettings | null;
  status: ImportStatus;
  actor_user_id: string;
  actor_name: string;
  created_at: Date | string;
  started_at: Date | string | null;
  finished_at: Date | string | null;
  rows_read: number;
  file_read: boolean;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  preview: ImportPreview | null;
  undone: number;
  kept_on_undo: number;
  error: string | null;
};

async function loadImport(viewer: Viewer, rawId: string): Promise<ImportRow | null> {
  const id = parseId(rawId);
  if (!id) return null;
  const [row] = rowsOf<ImportRow>(await getDb().execute(sql`select i.* from imports i where ${seenBy(viewer)} and i.id = ${id}::uuid and i.header <> '{}'`));
  return row ?? null;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

const separatorLabels: Record<string, string> = { ";": "ponto e vírgula", ",": "vírgula", "\t": "tabulação" };

function formatLabel(row: ImportRow) {
  if (row.file_kind === "xlsx") return "Planilha Excel (.xlsx)";
  if (row.encoding === "windows-1252") return "Windows-1252 (Excel em português)";
  return row.bom ? "UTF-8 com BOM" : "UTF-8";
}

function undoUntil(row: ImportRow): string | null {
  if (!["done", "cancelled"].includes(row.status) || row.created + row.updated === 0 || !row.finished_at) return null;
  const until = new Date(new Date(row.finished_at).getTime() + UNDO_WINDOW_DAYS * 86_400_000);
  return until > new Date() ? until.toISOString() : null;
}

const KEPT_LISTED = 50;

/** One import the viewer may see (their own; an admin's: any of the organization), or null. */
export async function getImportView(viewer: Viewer, id: string): Promise<ImportView | null> {
  const row = await loadImport(viewer, id);
  if (!row) return null;
  const kept =
    row.kept_on_undo === 0
      ? []
      : rowsOf<{ id: string; name: string; customer_code: string }>(
          await getDb().execute(sql`
            select contacts.id, contacts.name, contacts.customer_code from import_rows r
            join contacts on contacts.organization_id = r.organization_id and contacts.id = r.contact_id
            where r.organization_id = ${viewer.organizationId}::uuid and r.import_id = ${row.id}::uuid and r.state = 'kept'
              and ${contactVisibleTo(viewer)}
            order by r.line limit ${KEPT_LISTED}`),
        );
  const elapsed = row.started_at ? ((row.finished_at ? new Date(row.finished_at).getTime() : Date.now()) - new Date(row.started_at).getTime()) / 1000 : 0;
  const rowsPerSecond = row.status === "running" && elapsed > 1 && row.processed > 0 ? Math.round(row.processed / elapsed) : null;
  return {
    id: row.id,
    fileName: row.file_name,
    fileBytes: Number(row.file_bytes),
    formatLabel: formatLabel(row),
    separatorLabel: row.separator ? (separatorLabels[row.separator] ?? row.separator) : null,
    header: row.header,
    sampleRows: row.sample_rows,
    settings: row.settings,
    status: row.status,
    actorName: row.actor_name,
    createdAt: iso(row.created_at)!,
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
    rowsRead: row.rows_read,
    fileRead: row.file_read,
    processed: row.processed,
    created: row.created,
    updated: row.updated,
    unchanged: row.unchanged,
    failed: row.failed,
    rowsPerSecond,
    secondsLeft: rowsPerSecond && row.file_read ? Math.ceil((row.rows_read - row.processed) / rowsPerSecond) : null,
    preview: row.preview,
    undoUntil: undoUntil(row),
    undone: row.undone,
    keptOnUndo: row.kept_on_undo,
    keptContacts: kept.map((c) => ({ id: c.id, name: c.name, customerCode: c.customer_code })),
    error: row.error,
  };
}

/** The history, newest first, keyset-paged by `before` (an import id from the previous page). */
export async function listImports(viewer: Viewer, page: { before?: string | null; limit?: number }): Promise<{ items: ImportListItem[]; next: string | null }> {
  const limit = Math.min(Math.max(page.limit ?? 25, 1), 100);
  const before = parseId(page.before ?? null);
  const rows = rowsOf<ImportRow & { segment_name: string | null; responsible_name: string | null }>(
    await getDb().execute(sql`
      select i.*, s.name as segment_name, u.name as responsible_name from imports i
      left join segments s on s.organization_id = i.organization_id and s.id = (i.settings->>'segmentId')::uuid
      left join users u on u.organization_id = i.organization_id and u.id = (i.settings->>'responsibleUserId')::uuid
      where ${seenBy(viewer)} and i.header <> '{}'
        ${before ? sql`and (i.created_at, i.id) < (select created_at, id from imports where organization_id = ${viewer.organizationId}::uuid and id = ${before}::uuid)` : sql``}
      order by i.created_at desc, i.id desc limit ${limit + 1}`),
  );
  const items = rows.slice(0, limit).map((row) => ({
    id: row.id,
    fileName: row.file_name,
    actorName: row.actor_name,
    createdAt: iso(row.created_at)!,
    finishedAt: iso(row.finished_at),
    status: row.status,
    optionsSummary: optionsSummary(row.settings, row.segment_name, row.responsible_name),
    rowsRead: row.rows_read,
    created: row.created,
    updated: row.updated,
    unchanged: row.unchanged,
    failed: row.failed,
    durationSeconds: row.started_at && row.finished_at ? Math.round((new Date(row.finished_at).getTime() - new Date(row.started_at).getTime()) / 1000) : null,
  }));
  return { items, next: rows.length > limit ? items.at(-1)!.id : null };
}

function optionsSummary(settings: ImportSettings | null, segmentName: string | null, responsibleName: string | null): string {
  if (!settings) return "Opções ainda não escolhidas";
  const parts = [`Chave: ${importKeyLabels[settings.key]}`, importModeLabels[settings.mode]];
  if (settings.addTags.length > 0) parts.push(settings.addTags.map((t) => `+#${t}`).join(" "));
  if (segmentName) parts.push(`Segmento: ${segmentName}`);
  if (responsibleName) parts.push(`Responsável: ${responsibleName}`);
  return parts.join(" · ");
}

/** Saves the mapping and options (raw form values, parsed by importSettingsInput) and starts the dry run. */
export async function previewImport(viewer: Viewer, id: string, rawSettings: unknown): Promise<ActionResult> {
  const row = await loadImport(viewer, id);
  if (!row || row.actor_user_id !== viewer.userId) return notFound();
  if (!can(viewer.role, "contacts.import")) return failure("forbidden", "Você não pode importar contatos.");
  if (!["uploaded", "previewed", "failed"].includes(row.status)) return failure("conflict", "Esta importação já começou.");
  const parsed = importSettingsInput.safeParse(rawSettings);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
    return failure("invalid", invalidInputMessage, fieldErrors);
  }
  const settings = parsed.data;
  if (settings.mapping.length !== row.header.length) return failure("invalid", invalidInputMessage, { mapping: ["Associe cada coluna do arquivo."] });
  if (settings.segmentId && !(await listAssignableSegments(viewer)).some((s) => s.id === settings.segmentId)) {
    return failure("invalid", invalidInputMessage, { segmentId: ["Escolha um segmento da sua carteira."] });
  }
  if (settings.responsibleUserId && !((await listAssignableResponsibles(viewer)) ?? []).some((u) => u.id === settings.responsibleUserId)) {
    return failure("invalid", invalidInputMessage, { responsibleUserId: ["Escolha um responsável da lista."] });
  }
  await getDb().transaction(async (tx) => {
    // New choices, a new reading: the mapping decides every staged value.
    await tx.execute(sql`delete from import_rows where organization_id = ${viewer.organizationId}::uuid and import_id = ${row.id}::uuid`);
    await tx.execute(sql`
      update imports set settings = ${JSON.stringify(settings)}::jsonb, status = 'previewing', rows_read = 0, file_read = false,
        processed = 0, through = 0, preview = null, error = null, run_token = null
      where organization_id = ${viewer.organizationId}::uuid and id = ${row.id}::uuid`);
    await enqueueImportJob(tx, viewer.organizationId, row.id, { reading: true });
  });
  return { ok: true };
}

/** Moves an import from one status to another if it is still in one of `from`, and gives it a job when asked. */
async function transition(viewer: Viewer, id: string, from: ImportStatus[], set: SQL, withJob: boolean): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    const [moved] = rowsOf(
      await tx.execute(sql`
        update imports set ${set}, run_token = null
        where organization_id = ${viewer.organizationId}::uuid and id = ${id}::uuid
          and status in (${sql.join(from.map((s) => sql`${s}`), sql`, `)})
        returning id`),
    );
    if (moved && withJob) await enqueueImportJob(tx, viewer.organizationId, id);
    return moved !== undefined;
  });
}

/** After the dry run: starts the import itself on the job engine. */
export async function startImport(viewer: Viewer, id: string): Promise<ActionResult> {
  const row = await loadImport(viewer, id);
  if (!row || row.actor_user_id !== viewer.userId) return notFound();
  if (!can(viewer.role, "contacts.import")) return failure("forbidden", "Você não pode importar contatos.");
  const started = await transition(
    viewer,
    row.id,
    ["previewed"],
    sql`status = 'running', started_at = now(), through = 0, processed = 0, created = 0, updated = 0, unchanged = 0, failed = 0`,
    true,
  );
  return started ? { ok: true } : failure("conflict", "Faça a pré-visualização antes de importar.");
}

/** Stops a dry run (back to the options) or an import under way (what was written stays, and can be undone). */
export async function cancelImport(viewer: Viewer, id: string): Promise<ActionResult> {
  const row = await loadImport(viewer, id);
  if (!row) return notFound();
  if (row.status === "previewing") {
    await transition(viewer, row.id, ["previewing"], sql`status = 'uploaded', preview = null, through = 0`, false);
    return { ok: true };
  }
  const cancelled = await transition(viewer, row.id, ["running"], sql`status = 'cancelled', finished_at = now()`, false);
  return cancelled ? { ok: true } : failure("conflict", "Esta importação não está em andamento.");
}

/** Undoes a finished (or cancelled) import within 7 days. */
export async function undoImport(viewer: Viewer, id: string): Promise<ActionResult> {
  const row = await loadImport(viewer, id);
  if (!row) return notFound();
  if (!can(viewer.role, "contacts.import")) return failure("forbidden", "Você não pode desfazer importações.");
  if (!undoUntil(row)) return failure("conflict", `Só é possível desfazer uma importação concluída, em até ${UNDO_WINDOW_DAYS} dias.`);
  const undoing = await transition(
    viewer,
    row.id,
    ["done", "cancelled"],
    sql`status = 'undoing', through = 0, undone_by_user_id = ${viewer.userId}::uuid`,
    true,
  );
  return undoing ? { ok: true } : failure("conflict", "Esta importação já está sendo desfeita.");
}

/** The viewer's saved mappings. */
export async function listImportMappings(viewer: Viewer): Promise<SavedImportMapping[]> {
  return rowsOf<SavedImportMapping>(
    await getDb().execute(sql`
      select id, name, columns from import_mappings
      where organization_id = ${viewer.organizationId}::uuid and owner_user_id = ${viewer.userId}::uuid order by name`),
  );
}

/** Saves (or replaces, by name) a mapping: header → field. */
export async function saveImportMapping(viewer: Viewer, rawName: string, columns: Record<string, ImportField>): Promise<ActionResult<{ id: string }>> {
  if (!can(viewer.role, "contacts.import")) return failure("forbidden", "Você não pode importar contatos.");
  const name = String(rawName ?? "").trim();
  if (name === "" || name.length > 80 || hasControlCharacters(name)) {
    return failure("invalid", invalidInputMessage, { name: ["Dê um nome de até 80 caracteres ao mapeamento."] });
  }
  const entries = Object.entries(columns ?? {}).filter(([header, field]) => header.length <= 200 && !hasControlCharacters(header) && importFields.includes(field));
  if (entries.length === 0) return failure("invalid", invalidInputMessage, { columns: ["Associe ao menos uma coluna."] });
  const [saved] = rowsOf<{ id: string }>(
    await getDb().execute(sql`
      insert into import_mappings (organization_id, owner_user_id, name, columns)
      values (${viewer.organizationId}::uuid, ${viewer.userId}::uuid, ${name}, ${JSON.stringify(Object.fromEntries(entries.slice(0, 200)))}::jsonb)
      on conflict (organization_id, owner_user_id, name) do update set columns = excluded.columns
      returning id`),
  );
  return { ok: true, id: saved.id };
}

export async function deleteImportMapping(viewer: Viewer, rawId: string): Promise<ActionResult> {
  const id = parseId(rawId);
  if (!id) return failure("not_found", "Mapeamento não encontrado.");
  await getDb().execute(sql`
    delete from import_mappings where organization_id = ${viewer.organizationId}::uuid and owner_user_id = ${viewer.userId}::uuid and id = ${id}::uuid`);
  return { ok: true };
}

/**
 * Hourly: past the undo window an import keeps its counts and options (the history) but not its
 * file and rows; an upload that never completed is removed.
 */
export async function purgeExpiredImports() {
  await getDb().execute(sql`delete from imports where header = '{}' and created_at < now() - interval '1 day'`);
  const expired = sql`select organization_id, id from imports
    where status not in ('previewing', 'running', 'undoing') and coalesce(finished_at, created_at) < now() - ${`${UNDO_WINDOW_DAYS} days`}::interval`;
  await getDb().execute(sql`delete from import_rows where (organization_id, import_id) in (${expired})`);
  await getDb().execute(sql`delete from import_file_chunks where (organization_id, import_id) in (${expired})`);
}

export { importErrorFile } from "./error-file";
