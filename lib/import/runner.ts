import "server-only";
import { randomUUID } from "node:crypto";
import type PgBoss from "pg-boss";
import { sql, type SQL } from "drizzle-orm";
import { getDb, rowsOf, type Transaction } from "@/db/client";
import type { ImportStatus } from "@/db/schema";
import { logFailure } from "@/lib/actions/log-failure";
import { can } from "@/lib/auth/permissions";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import { enqueueJob, queues } from "@/lib/jobs/engine";
import { resumeOrphans } from "@/lib/jobs/orphans";
import { listAssignableSegments } from "@/lib/segments/queries";
import { listAssignableResponsibles } from "@/lib/users/queries";
import { foldText } from "@/lib/text/fold";
import { chunkRows, countChunk, nextChunkEnd, rolledBack, sampleChanges, sortChunk, undoChunk, writeChunk, type ImportRef } from "./merge";
import { ImportFileError } from "./read-file";
import { openStoredUpload } from "./stored-upload";
import { readRow, type Named, type RowContext, type RowValues } from "./row-input";
import type { ImportSettings } from "./settings";
import { consentGivenEntries } from "./staged-consent";
import type { ImportPreview } from "./view";

// The job engine's handler for an import, in the pattern of the bulk actions' runner
// (lib/bulk-actions/runner.ts): a run claims the import with a token; each transaction locks the
// import's row and goes on only while the token is its own; a run works about 10 s and hands over
// to a new job inside its last transaction. Three phases, each resumable from what is committed:
// reading the file into import_rows (from the line after the last stored one), sorting and
// writing chunks of rows (those still pending), and undoing (those still created/updated).

export const CHUNK_ROWS = 5_000;
/** Rows parsed and validated per insert into import_rows. */
const STAGE_BATCH = 2_000;
const RUN_BUDGET_MS = 10_000;
/**
 * Reading the file cannot resume mid-file without parsing it from the start again (a quoted field
 * may hold line breaks), so a run that reads gets far longer: a million rows take about 75 s. Its
 * job expires later too, so a crash while reading is taken up again within about 5 minutes.
 */
const READ_BUDGET_MS = 150_000;
const READ_EXPIRE_SECONDS = 300;
const PREVIEW_ERRORS = 20;
const PREVIEW_CHANGES = 20;

export type ImportJob = { organizationId: string; id: string };

type Claimed = ImportRef & {
  status: "previewing" | "running" | "undoing";
  actorUserId: string;
  undoneByUserId: string | null;
  fileRead: boolean;
  /** The last line this phase has finished. */
  through: number;
  /** A dry run's findings so far. */
  preview: ImportPreview | null;
};

export async function runImportJob(job: PgBoss.JobWithMetadata<ImportJob>, chunkSize = CHUNK_ROWS): Promise<void> {
  const { organizationId, id } = job.data;
  const token = randomUUID();
  const imp = await claim(organizationId, id, token);
  if (!imp) return;
  const viewer = await loadViewer(imp.status === "undoing" ? imp.undoneByUserId! : imp.actorUserId, organizationId);
  if (!viewer || !can(viewer.role, "contacts.import")) {
    await getDb().transaction((tx) => finish(tx, imp, token, { status: "failed", error: "Interrompida: o usuário que a pediu não tem mais acesso." }));
    return;
  }
  const started = Date.now();
  const withinBudget = () => Date.now() - started < RUN_BUDGET_MS;
  const withinReadBudget = () => Date.now() - started < READ_BUDGET_MS;
  try {
    if (imp.status !== "undoing" && !imp.fileRead) {
      const outcome = await stage(imp, viewer, token, withinReadBudget);
      if (outcome !== "read") return;
    }
    const run = { chunkSize, withinBudget };
    if (imp.status === "previewing") await preview(imp, viewer, token, run);
    else if (imp.status === "running") await apply(imp, viewer, token, run);
    else await undo(imp, viewer, token, run);
  } catch (error) {
    logFailure(`Import ${id}`, error);
    if (job.retryCount >= job.retryLimit) {
      await getDb().transaction((tx) =>
        finish(tx, imp, token, { status: "failed", error: "Interrompida por erros repetidos. Os contatos já importados continuam assim e podem ser desfeitos." }),
      );
    }
    throw new Error(`A chunk of import ${id} failed (${(error as { code?: string }).code ?? "no code"}); the engine retries it.`);
  }
}

/**
 * Enqueues the job that works the import, and records it on the import, in the caller's
 * transaction. `reading`: the job starts by reading the file (see READ_BUDGET_MS).
 */
export async function enqueueImportJob(tx: Transaction, organizationId: string, id: string, { reading = false } = {}) {
  const jobId = await enqueueJob(tx, queues.import, { organizationId, id } satisfies ImportJob, reading ? { expireInSeconds: READ_EXPIRE_SECONDS } : {});
  await tx.execute(sql`update imports set job_id = ${jobId}::uuid where organization_id = ${organizationId}::uuid and id = ${id}::uuid`);
}

/** Reads the file into import_rows from where the last run stopped. "read" once whole, else this run is over. */
async function stage(imp: Claimed, viewer: Viewer, token: string, withinBudget: () => boolean): Promise<"read" | "stopped"> {
  const context = await rowContext(viewer, imp.settings);
  const [last] = rowsOf<{ line: number | null }>(
    await getDb().execute(sql`select max(line) as line from import_rows where organization_id = ${imp.organizationId}::uuid and import_id = ${imp.id}::uuid`),
  );
  const readUpTo = Number(last?.line ?? 0);
  const opened = await openStoredUpload(imp.organizationId, imp.id);
  if (!opened.ok) {
    await getDb().transaction((tx) => finish(tx, imp, token, { status: "failed", error: opened.message }));
    return "stopped";
  }
  let batch: (RowValues & { line: number })[] = [];
  const flush = async (whole: boolean): Promise<boolean> => {
    const rows = batch;
    batch = [];
    return getDb().transaction(async (tx) => {
      if (!(await stillOwned(tx, imp, token))) return false;
      if (rows.length > 0) await insertRows(tx, imp, rows);
      if (whole) await markDuplicates(tx, imp);
      await tx.execute(sql`
        update imports set rows_read = rows_read + ${rows.length}, file_read = ${whole}
        where organization_id = ${imp.organizationId}::uuid and id = ${imp.id}::uuid`);
      if (!whole && !withinBudget()) {
        await enqueueImportJob(tx, imp.organizationId, imp.id, { reading: true });
        return false;
      }
      return true;
    });
  };
  // One batch is written while the next is parsed: Node validates, PostgreSQL inserts, side by side.
  let writing: Promise<boolean> = Promise.resolve(true);
  try {
    for await (const row of opened.rows) {
      if (row.line <= readUpTo) continue;
      batch.push({ line: row.line, ...readRow(row.cells, context) });
      if (batch.length < STAGE_BATCH) continue;
      if (!(await writing)) return "stopped";
      writing = flush(false);
      // Awaited at the next batch or at the end; until then a failure must not count as unhandled.
      writing.catch(() => undefined);
    }
  } catch (error) {
    await writing.catch(() => undefined);
    if (!(error instanceof ImportFileError)) throw error;
    await getDb().transaction((tx) => finish(tx, imp, token, { status: "failed", error: error.message }));
    return "stopped";
  }
  if (!(await writing)) return "stopped";
  return (await flush(true)) ? "read" : "stopped";
}

async function insertRows(tx: Transaction, imp: Claimed, rows: (RowValues & { line: number })[]) {
  const json = JSON.stringify(
    rows.map((r) => ({
      line: r.line,
      key: r.key,
      given: [...r.given, ...consentGivenEntries(r.consent)],
      name: r.name ?? null,
      document: r.document ?? null,
      document_type: r.documentType ?? null,
      customer_code: r.customerCode ?? null,
      responsible_user_id: r.responsibleUserId ?? null,
      tags: r.given.includes("tags") ? r.tags : null,
      priority: r.priority ?? null,
      phones: r.given.includes("phones") ? r.phones : null,
      emails: r.given.includes("emails") ? r.emails : null,
      segment_ids: r.segmentIds.length > 0 ? r.segmentIds : null,
      error: r.error,
    })),
  );
  await tx.execute(sql`
    insert into import_rows (organization_id, import_id, line, key, given, name, document, document_type, customer_code,
      responsible_user_id, tags, priority, phones, emails, segment_ids, error)
    select ${imp.organizationId}::uuid, ${imp.id}::uuid, x.line, x.key, x.given, x.name, x.document, x.document_type, x.customer_code,
      x.responsible_user_id, x.tags, x.priority, x.phones, x.emails, x.segment_ids, x.error
    from jsonb_to_recordset(${json}::jsonb) as x(line int, key text, given text[], name text, document text, document_type text,
      customer_code text, responsible_user_id uuid, tags text[], priority text, phones text[], emails text[], segment_ids uuid[], error text)`);
}

/**
 * The same contact twice in one file: the first row counts, the later ones fail naming it —
 * by the key, then by the other unique field (two códigos with one CPF cannot both be created).
 */
async function markDuplicates(tx: Transaction, imp: Claimed) {
  const fields =
    imp.settings.key === "customerCode"
      ? [{ column: "key", label: "Código do cliente" }, { column: "document", label: "CPF/CNPJ" }]
      : [{ column: "key", label: "CPF/CNPJ" }, { column: "customer_code", label: "Código do cliente" }];
  // Statistics first: rows inserted moments ago are unknown to the planner, which would otherwise
  // rescan the window per row (minutes for 30,000 rows).
  await tx.execute(sql`analyze import_rows`);
  for (const { column, label } of fields) {
    const col = sql.raw(column);
    await tx.execute(sql`
      update import_rows r set error = ${label} || ' repetido na linha ' || d.first || '.'
      from (
        select line, first from (
          select line, min(line) over (partition by ${col}) as first from import_rows
          where organization_id = ${imp.organizationId}::uuid and import_id = ${imp.id}::uuid and error is null and ${col} is not null) w
        where line > first) d
      where r.organization_id = ${imp.organizationId}::uuid and r.import_id = ${imp.id}::uuid and r.line = d.line`);
  }
}

/** The names a file may use, resolved once per run: segments by name, users by e-mail, with what the importer may choose. */
async function rowContext(viewer: Viewer, settings: ImportSettings): Promise<RowContext> {
  const org = viewer.organizationId;
  const [segments, users, assignableSegments, assignableUsers] = await Promise.all([
    getDb().execute(sql`select id, name from segments where organization_id = ${org}::uuid and archived_at is null`),
    getDb().execute(sql`select id, email from users where organization_id = ${org}::uuid and active`),
    listAssignableSegments(viewer),
    listAssignableResponsibles(viewer),
  ]);
  const segmentAllowed = new Set(assignableSegments.map((s) => s.id));
  const userAllowed = new Set((assignableUsers ?? []).map((u) => u.id));
  return {
    settings,
    segmentsByName: new Map(rowsOf<{ id: string; name: string }>(segments).map((s): [string, Named] => [foldText(s.name), { id: s.id, allowed: segmentAllowed.has(s.id) }])),
    usersByEmail: new Map(rowsOf<{ id: string; email: string }>(users).map((u): [string, Named] => [u.email.toLowerCase(), { id: u.id, allowed: userAllowed.has(u.id) }])),
  };
}

type Finish = Parameters<typeof finish>[3];

/**
 * A phase's chunks, from the line after `imp.through`, each in one transaction that checks the
 * run still owns the import, does `work` (which answers the import's progress as `set`
 * assignments) and records the chunk's last line; at the end, `done` finishes the phase. Past the
 * run's budget the next run is enqueued inside the last chunk's transaction.
 */
async function eachChunk(
  imp: Claimed,
  token: string,
  run: RunLimits,
  states: string[],
  work: (tx: Transaction, after: number, upTo: number) => Promise<SQL>,
  done: () => Finish,
) {
  let after = imp.through;
  for (;;) {
    const more = await getDb().transaction(async (tx) => {
      if (!(await stillOwned(tx, imp, token))) return false;
      const upTo = await nextChunkEnd(tx, imp, after, run.chunkSize, states);
      if (upTo === null) {
        await finish(tx, imp, token, done());
        return false;
      }
      const progress = await work(tx, after, upTo);
      await tx.execute(sql`update imports set ${progress}, through = ${upTo} where organization_id = ${imp.organizationId}::uuid and id = ${imp.id}::uuid`);
      after = upTo;
      if (run.withinBudget()) return true;
      await enqueueImportJob(tx, imp.organizationId, imp.id);
      return false;
    });
    if (!more) return;
  }
}

type RunLimits = { chunkSize: number; withinBudget: () => boolean };

/** The dry run: each chunk is sorted inside a savepoint that is rolled back; only the counts and samples stay. */
function preview(imp: Claimed, viewer: Viewer, token: string, run: RunLimits) {
  const found: ImportPreview = imp.preview ?? { create: 0, update: 0, unchanged: 0, fail: 0, errors: [], changes: [] };
  return eachChunk(
    imp,
    token,
    run,
    ["pending"],
    async (tx, after, upTo) => {
      await rolledBack(tx, async (savepoint) => {
          await sortChunk(savepoint, imp, viewer, after, upTo);
          const counts = await countChunk(savepoint, imp, after, upTo);
          found.create += counts.created;
          found.update += counts.updated;
          found.unchanged += counts.unchanged;
          found.fail += counts.failed;
          if (found.errors.length < PREVIEW_ERRORS) {
            const errors = rowsOf<{ line: number; error: string }>(
              await savepoint.execute(sql`
                select line, error from import_rows r where ${chunkRows(imp, after, upTo, sql`'failed'`)}
                order by line limit ${PREVIEW_ERRORS - found.errors.length}`),
            );
            found.errors.push(...errors.map((e) => ({ line: Number(e.line), message: e.error })));
          }
          found.changes.push(...(await sampleChanges(savepoint, imp, viewer, after, upTo, PREVIEW_CHANGES - new Set(found.changes.map((c) => c.line)).size)));
      });
      return sql`processed = ${found.create + found.update + found.unchanged + found.fail}, preview = ${JSON.stringify(found)}::jsonb`;
    },
    () => ({ status: "previewed", preview: found }),
  );
}

/** The import itself: each chunk of pending rows is sorted and written in one transaction. */
async function apply(imp: Claimed, viewer: Viewer, token: string, run: RunLimits) {
  // A run that takes over from another follows thousands of new rows the planner does not know of
  // yet (autovacuum analyzes later, PGlite never): plans keyed on the organization would scan it.
  if (imp.through > 0) await getDb().execute(sql`analyze contacts, contact_segments`);
  return eachChunk(
    imp,
    token,
    run,
    ["pending"],
    async (tx, after, upTo) => {
      await sortChunk(tx, imp, viewer, after, upTo);
      await writeChunk(tx, imp, viewer, after, upTo);
      const counts = await countChunk(tx, imp, after, upTo);
      return sql`processed = processed + ${counts.total}, created = created + ${counts.created}, updated = updated + ${counts.updated},
        unchanged = unchanged + ${counts.unchanged}, failed = failed + ${counts.failed}`;
    },
    () => ({ status: "done", finishedAt: true }),
  );
}

function undo(imp: Claimed, viewer: Viewer, token: string, run: RunLimits) {
  return eachChunk(
    imp,
    token,
    run,
    ["created", "updated"],
    async (tx, after, upTo) => {
      const counts = await undoChunk(tx, imp, viewer, after, upTo);
      return sql`undone = undone + ${counts.undone}, kept_on_undo = kept_on_undo + ${counts.kept}`;
    },
    () => ({ status: "undone", undoneAt: true }),
  );
}

/** Takes the import for this run: the newest run of its job is its owner. Null when there is nothing to do. */
async function claim(organizationId: string, id: string, token: string): Promise<Claimed | null> {
  const [row] = rowsOf<{
    status: Claimed["status"];
    settings: ImportSettings;
    actor_user_id: string;
    undone_by_user_id: string | null;
    file_read: boolean;
    through: number;
    preview: ImportPreview | null;
  }>(
    await getDb().execute(sql`
      update imports set run_token = ${token}, started_at = case when status = 'running' then coalesce(started_at, now()) else started_at end
      where organization_id = ${organizationId}::uuid and id = ${id}::uuid and status in ('previewing', 'running', 'undoing')
      returning status, settings, actor_user_id, undone_by_user_id, file_read, through, preview`),
  );
  if (!row) return null;
  return { organizationId, id, status: row.status, settings: row.settings, actorUserId: row.actor_user_id, undoneByUserId: row.undone_by_user_id, fileRead: row.file_read, through: row.through, preview: row.preview };
}

/** Locks the import's row for this transaction and says whether this run still owns it in the same phase. */
async function stillOwned(tx: Transaction, imp: Claimed, token: string) {
  await tx.execute(sql`set local lock_timeout = '10s'`);
  const [owned] = rowsOf(
    await tx.execute(sql`
      select 1 from imports where organization_id = ${imp.organizationId}::uuid and id = ${imp.id}::uuid
        and run_token = ${token} and status = ${imp.status}
      for update`),
  );
  return owned !== undefined;
}

async function finish(
  tx: Transaction,
  imp: Claimed,
  token: string,
  values: { status: ImportStatus; error?: string; preview?: ImportPreview; finishedAt?: true; undoneAt?: true },
) {
  await tx.execute(sql`
    update imports set status = ${values.status}, run_token = null, error = ${values.error ?? null},
      preview = coalesce(${values.preview ? JSON.stringify(values.preview) : null}::jsonb, preview),
      finished_at = ${values.finishedAt ? sql`now()` : sql`finished_at`}, undone_at = ${values.undoneAt ? sql`now()` : sql`undone_at`}
    where organization_id = ${imp.organizationId}::uuid and id = ${imp.id}::uuid and run_token = ${token}`);
}

/** The minute's orphan check (lib/jobs/orphans.ts) for imports under way. */
export async function resumeOrphanedImports(): Promise<number> {
  const unfinished = rowsOf<{ organization_id: string; id: string; job_id: string | null; reading: boolean }>(
    await getDb().execute(sql`
      select organization_id, id, job_id, status <> 'undoing' and not file_read as reading from imports
      where status in ('previewing', 'running', 'undoing')`),
  );
  const reading = new Set(unfinished.filter((row) => row.reading).map((row) => row.id));
  return resumeOrphans(
    queues.import,
    unfinished.map((row) => ({ organizationId: row.organization_id, id: row.id, jobId: row.job_id })),
    async (tx, imp) => {
      const [still] = rowsOf(
        await tx.execute(sql`
          select 1 from imports where organization_id = ${imp.organizationId}::uuid and id = ${imp.id}::uuid
            and status in ('previewing', 'running', 'undoing') and job_id is not distinct from ${imp.jobId}::uuid
          for update`),
      );
      if (!still) return false;
      await enqueueImportJob(tx, imp.organizationId, imp.id, { reading: reading.has(imp.id) });
      return true;
    },
  );
}
