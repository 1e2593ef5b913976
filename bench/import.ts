// The import benchmark of issue 12: a generated CSV of N contacts imported through the app's own
// path (createImport from a file stream, the dry run and the import worked from the job engine),
// beside the floor: the same file COPYed into a staging table and merged by one INSERT … ON
// CONFLICT, on a twin database that starts equal. Scenarios: an empty organization, the same file
// again (all unchanged), the file with 30 % of the rows changed; the process's peak RSS at 100,000
// and at N rows.
//   npm run bench:import                     1,000,000 rows (+ a 100,000-row run for memory)
//   npm run bench:import -- --smoke          5,000 rows (CI: proves it still runs)
//   npm run bench:import -- --pglite         100,000 rows on PGlite
// Options: --rows N, --statements (time per statement, PostgreSQL), --keep (keep the databases).
import { randomUUID } from "node:crypto";
import { createReadStream, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { Client, type Pool } from "pg";
import { openPglite, openPostgres, setDatabaseHandle, type ExecuteSql, type Handle } from "@/db/client";
import type { ImportStatus } from "@/db/schema";
import { migrateDatabase } from "@/db/migrate";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import { createImport, getImportView, previewImport, startImport } from "@/lib/import/imports";
import { settingsFor, workImports } from "@/lib/import/testing/run-import";
import type { ImportPreview, ImportView } from "@/lib/import/view";
import { importSegmentNames, writeImportFile, type ImportFileStats } from "./import-file";
import { pgliteFloor, postgresFloor, prepareFloor, runFloor, type FloorConnection, type FloorResult } from "./import-floor";
import { argument, writeReport } from "./run";
import { onServer, serverUrl } from "./server";
import { timeStatements } from "./statement-times";

const smoke = process.argv.includes("--smoke");
const onPglite = process.argv.includes("--pglite");
const keep = process.argv.includes("--keep");
const rows = Number(argument("--rows") ?? (smoke ? 5_000 : onPglite ? 100_000 : 1_000_000));
/** Below this, the run adds nothing to learn about memory; above it, a first run at this size shows whether RSS grows with the file. */
const MEMORY_PROBE_ROWS = 100_000;
const SEED = 0x1e12;

type Org = { organizationId: string; adminId: string };

/** One side's database: the app's (ours) or the floor's, created empty for the run. */
type Twin = { handle: Handle; org: Org; vacuum: () => Promise<void>; close: () => Promise<void> };

type Scenario = { name: string; file: "same" | "changed"; target: number | null };
const scenarios: Scenario[] = [
  { name: "empty organization", file: "same", target: 2.5 },
  { name: "same file again (all unchanged)", file: "same", target: 2 },
  { name: "30 % of the rows changed", file: "changed", target: null },
];

// ---------------------------------------------------------------------------------------------
// Databases

async function createOrganization(executeSql: ExecuteSql): Promise<Org> {
  const org = { organizationId: randomUUID(), adminId: randomUUID() };
  await executeSql("insert into organizations (id, name) values ($1, 'Importação (bench)')", [org.organizationId]);
  await executeSql(
    "insert into users (organization_id, id, name, email, role, password_hash) values ($1, $2, 'Amanda Bench', 'admin@importbench.test', 'admin', 'x')",
    [org.organizationId, org.adminId],
  );
  await executeSql("insert into segments (organization_id, name) select $1, unnest($2::text[])", [org.organizationId, importSegmentNames]);
  return org;
}

/** Dropped if left by an earlier run, created, migrated (every index of the schema), one organization. */
async function postgresTwin(database: string): Promise<Twin> {
  await onServer(`drop database if exists ${database} with (force)`);
  await onServer(`create database ${database}`);
  const handle = openPostgres(serverUrl(database));
  await migrateDatabase(handle);
  return {
    handle,
    org: await createOrganization(handle.executeSql),
    vacuum: async () => void (await handle.executeSql("vacuum analyze")),
    close: async () => {
      await handle.close();
      if (!keep) await onServer(`drop database if exists ${database} with (force)`);
    },
  };
}

async function pgliteTwin(dir: string): Promise<Twin> {
  const handle = openPglite(dir);
  await migrateDatabase(handle);
  return {
    handle,
    org: await createOrganization(handle.executeSql),
    vacuum: async () => void (await handle.executeSql("vacuum analyze")),
    close: async () => {
      await handle.close();
      if (!keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function floorConnection(twin: Twin): Promise<{ floor: FloorConnection; release: () => void }> {
  if (twin.handle.embedded) return { floor: pgliteFloor((twin.handle.db as unknown as { $client: PGlite }).$client), release: () => {} };
  const client = await (twin.handle.db as unknown as { $client: Pool }).$client.connect();
  return { floor: postgresFloor(client), release: () => client.release() };
}

// ---------------------------------------------------------------------------------------------
// Our side: the app's path, phase by phase

type OursResult = {
  uploadSeconds: number;
  dryRunSeconds: number;
  importSeconds: number;
  /** What the dry run foresaw, and the import's own counts at the end. */
  preview: ImportPreview;
  view: ImportView;
  peakRssMb: number;
  /** Runs of the job that threw (the engine retried them): each one is a finding. */
  jobErrors: number;
};

const rssMb = () => process.memoryUsage().rss / 1e6;

/** The process's RSS every 100 ms until stopped: the highest seen. */
function sampleRss() {
  let peak = rssMb();
  const timer = setInterval(() => (peak = Math.max(peak, rssMb())), 100);
  return () => {
    clearInterval(timer);
    return Math.max(peak, rssMb());
  };
}

/** Works the import queue in-process, as a worker would, until the import reaches `status`. */
async function workUntil(viewer: Viewer, id: string, status: ImportStatus): Promise<{ view: ImportView; errors: number }> {
  let errors = 0;
  const progress = smoke ? undefined : setInterval(async () => {
    const view = await getImportView(viewer, id);
    if (view) console.log(`    ${view.status}: ${view.rowsRead.toLocaleString("en")} rows read, ${view.processed.toLocaleString("en")} sorted`);
  }, 15_000);
  try {
    for (;;) {
      const failures = await workImports();
      for (const failure of failures) console.warn(`    a run of the import's job failed (retried by the engine): ${String(failure)}`);
      errors += failures.length;
      const view = (await getImportView(viewer, id))!;
      if (view.status === status) return { view, errors };
      if (view.status === "failed") throw new Error(`The import failed: ${view.error}`);
      await new Promise((resolve) => setTimeout(resolve, 100)); // a retry waits for its backoff
    }
  } finally {
    clearInterval(progress);
  }
}

async function runOurs(viewer: Viewer, file: string): Promise<OursResult> {
  const stopRss = sampleRss();
  let started = performance.now();
  const lap = () => {
    const seconds = (performance.now() - started) / 1000;
    started = performance.now();
    return seconds;
  };
  const created = await createImport(viewer, path.basename(file), createReadStream(file));
  if (!created.ok) throw new Error(created.message);
  const uploadSeconds = lap();
  console.log(`    uploaded in ${uploadSeconds.toFixed(1)} s`);

  const previewed = await previewImport(viewer, created.id, await settingsFor(viewer, created.id));
  if (!previewed.ok) throw new Error(previewed.message);
  const dryRun = await workUntil(viewer, created.id, "previewed");
  const dryRunSeconds = lap();
  console.log(`    dry run in ${dryRunSeconds.toFixed(1)} s`);

  const begun = await startImport(viewer, created.id);
  if (!begun.ok) throw new Error(begun.message);
  const imported = await workUntil(viewer, created.id, "done");
  const importSeconds = lap();
  console.log(`    imported in ${importSeconds.toFixed(1)} s`);
  return { uploadSeconds, dryRunSeconds, importSeconds, preview: dryRun.view.preview!, view: imported.view, peakRssMb: stopRss(), jobErrors: dryRun.errors + imported.errors };
}

// ---------------------------------------------------------------------------------------------
// A run: twin databases, the scenarios in turn, both sides checked against the file and each other

type ScenarioResult = {
  name: string;
  rows: number;
  target: number | null;
  ours: OursResult;
  floor: FloorResult;
  check: string;
  statements: string[];
};

/** Every imported field of every contact, its segment links and its history rows, as one number: equal on both sides when both did the same. */
const contentDigest = `
  select count(*)::int as contacts, coalesce(sum(hashtextextended(concat_ws('|', c.customer_code, c.name, c.document, c.document_type,
      c.tags::text, c.priority, c.phones::text, c.emails::text, c.version,
      (select string_agg(s.name, ',' order by s.name) from contact_segments cs join segments s on s.organization_id = cs.organization_id and s.id = cs.segment_id
        where cs.organization_id = c.organization_id and cs.contact_id = c.id),
      (select string_agg(s.name, ',' order by s.name) from segments s where s.organization_id = c.organization_id and s.id = any(c.segment_ids)),
      (select count(*) from contact_history h where h.organization_id = c.organization_id and h.contact_id = c.id)), 0)), 0)::text as digest
  from contacts c where c.organization_id = $1`;

async function digest(twin: Twin) {
  const { rows: [row] } = (await twin.handle.executeSql(contentDigest, [twin.org.organizationId])) as { rows: { contacts: number; digest: string }[] };
  return row;
}

function checkOf(ours: OursResult, floor: FloorResult, expected: { created: number; updated: number; failed: number }, same: boolean) {
  const { created, updated, failed } = ours.view;
  const { create, update, fail } = ours.preview;
  const problems = [
    create !== expected.created || update !== expected.updated || fail !== expected.failed
      ? `dry run foresaw ${create}/${update}/${fail} created/updated/failed, the file holds ${expected.created}/${expected.updated}/${expected.failed}`
      : null,
    created !== expected.created || updated !== expected.updated || failed !== expected.failed
      ? `import reported ${created}/${updated}/${failed} created/updated/failed, the file holds ${expected.created}/${expected.updated}/${expected.failed}`
      : null,
    floor.created !== expected.created || floor.updated !== expected.updated ? `floor ${floor.created}/${floor.updated} created/updated` : null,
    same ? null : "contacts differ from the floor's",
  ].filter(Boolean);
  return problems.length === 0 ? "same contacts" : `DIFFERENT: ${problems.join("; ")}`;
}

async function runSuite(n: number, open: (side: "ours" | "floor") => Promise<Twin>, only: Scenario[], files: Record<Scenario["file"], { path: string; stats: ImportFileStats }>, statements: ReturnType<typeof timeStatements> | null) {
  const ours = await open("ours");
  const twin = await open("floor");
  const { floor, release } = await floorConnection(twin);
  await prepareFloor(floor);
  setDatabaseHandle(ours.handle);
  const viewer = (await loadViewer(ours.org.adminId, ours.org.organizationId))!;
  const results: ScenarioResult[] = [];
  let before = 0; // contacts already in the organization
  try {
    for (const scenario of only) {
      const { path: file, stats } = files[scenario.file];
      // Both sides start settled: statistics fresh, no dirty pages of the other side left to write.
      await ours.vacuum();
      await twin.vacuum();
      if (!ours.handle.embedded) await ours.handle.executeSql("checkpoint");
      console.log(`\n${scenario.name}, ${n.toLocaleString("en")} rows:`);
      statements?.take(0);
      const oursResult = await runOurs(viewer, file);
      const statementRows = statements?.take(12) ?? [];
      if (!ours.handle.embedded) await ours.handle.executeSql("checkpoint");
      const floorResult = await runFloor(floor, file, twin.org.organizationId, twin.org.adminId);
      console.log(`    floor: COPY ${floorResult.copySeconds.toFixed(1)} s, merge ${floorResult.mergeSeconds.toFixed(1)} s, history ${floorResult.historySeconds.toFixed(1)} s`);
      statements?.take(0);
      const valid = stats.rows - stats.invalid;
      const expected = before === 0 ? { created: valid, updated: 0, failed: stats.invalid } : { created: 0, updated: stats.changed, failed: stats.invalid };
      before = valid;
      const [a, b] = [await digest(ours), await digest(twin)];
      results.push({
        name: scenario.name,
        rows: n,
        target: scenario.target,
        ours: oursResult,
        floor: floorResult,
        check: checkOf(oursResult, floorResult, expected, a.contacts === b.contacts && a.digest === b.digest),
        statements: statementRows,
      });
    }
  } finally {
    release();
    await ours.close();
    await twin.close();
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// Report

const s = (seconds: number) => seconds.toFixed(seconds < 10 ? 2 : 1);

function table(results: ScenarioResult[]) {
  return [
    "| scenario | rows | ours s | rows/s | upload s | dry run s | import s | floor s | ratio | target | floor + history s | ratio | peak RSS MB | check |",
    "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|",
    ...results.map((r) => {
      const total = r.ours.uploadSeconds + r.ours.dryRunSeconds + r.ours.importSeconds;
      const floor = r.floor.copySeconds + r.floor.mergeSeconds;
      const withHistory = floor + r.floor.historySeconds;
      const ratio = total / floor;
      const target = r.target === null ? "—" : `≤ ${r.target} ${ratio <= r.target ? "✓" : "✗"}`;
      return (
        `| ${r.name} | ${r.rows.toLocaleString("en")} | ${s(total)} | ${Math.round(r.rows / total).toLocaleString("en")} | ${s(r.ours.uploadSeconds)} | ` +
        `${s(r.ours.dryRunSeconds)} | ${s(r.ours.importSeconds)} | ${s(floor)} | ${ratio.toFixed(2)} | ${target} | ${s(withHistory)} | ` +
        `${(total / withHistory).toFixed(2)} | ${r.ours.peakRssMb.toFixed(0)} | ${r.check}${r.ours.jobErrors > 0 ? `; ${r.ours.jobErrors} failed job runs` : ""} |`
      );
    }),
  ];
}

function statementTables(results: ScenarioResult[]) {
  return results.flatMap((r) =>
    r.statements.length === 0
      ? []
      : [`Statements of ours, ${r.name} (${r.rows.toLocaleString("en")} rows), by total time:`, "", "| s | calls | statement |", "|--:|--:|---|", ...r.statements, ""],
  );
}

async function main() {
  const started = performance.now();
  const statements = process.argv.includes("--statements") && !onPglite ? timeStatements() : null;
  const dir = mkdtempSync(path.join(os.tmpdir(), "carteira-importbench-"));
  const fileOf = async (n: number, variant: Scenario["file"]) => {
    const file = path.join(dir, `contatos-${n}${variant === "changed" ? "-alterados" : ""}.csv`);
    const fileStarted = performance.now();
    const stats = await writeImportFile(file, n, { seed: SEED, changed: variant === "changed" });
    console.log(`Generated ${path.basename(file)}: ${(stats.bytes / 1e6).toFixed(1)} MB, ${stats.invalid.toLocaleString("en")} invalid rows, ${stats.changed.toLocaleString("en")} changed, in ${((performance.now() - fileStarted) / 1000).toFixed(1)} s`);
    return { path: file, stats };
  };
  const database = smoke ? "carteira_importbench_smoke" : "carteira_importbench";
  const twinOf = (n: number, name: string) => (side: "ours" | "floor") =>
    onPglite ? pgliteTwin(path.join(dir, `pglite-${n}-${side}`)) : postgresTwin(side === "ours" ? name : `${name}_floor`);

  const results: ScenarioResult[] = [];
  let serverVersion = "PGlite";
  try {
    if (!onPglite) {
      const probe = new Client({ connectionString: serverUrl("postgres") });
      await probe.connect();
      const version = (await probe.query("show server_version")).rows[0].server_version;
      // Off, nothing refreshes the planner's statistics while the import grows its tables.
      const autovacuum = (await probe.query("show autovacuum")).rows[0].autovacuum;
      serverVersion = `PostgreSQL ${version} (autovacuum ${autovacuum})`;
      await probe.end();
    }
    if (rows > MEMORY_PROBE_ROWS && !smoke) {
      const probeFile = await fileOf(MEMORY_PROBE_ROWS, "same");
      results.push(...(await runSuite(MEMORY_PROBE_ROWS, twinOf(MEMORY_PROBE_ROWS, `${database}_100k`), scenarios.slice(0, 1), { same: probeFile, changed: probeFile }, statements)));
      rmSync(probeFile.path);
    }
    const files = { same: await fileOf(rows, "same"), changed: await fileOf(rows, "changed") };
    results.push(...(await runSuite(rows, twinOf(rows, database), scenarios, files, statements)));
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }

  writeReport(onPglite ? "import-pglite.md" : smoke ? "import-smoke.md" : "import.md", [
    `# Import benchmark — ${onPglite ? "PGlite (on disk, temp folder)" : "PostgreSQL"}, ${smoke ? "smoke" : `${rows.toLocaleString("en")} rows`}, ${new Date().toISOString()}`,
    "",
    `${serverVersion}, Node ${process.version}, ${os.cpus().length} CPUs. A generated CSV (UTF-8 with BOM, \`;\`, 5 % invalid rows) imported by the ` +
      "app's path: upload (createImport from a file stream), dry run and import (previewImport/startImport, the import queue worked in-process). " +
      "floor = the DBA's COPY into an UNLOGGED staging table + one INSERT … ON CONFLICT merge with the segment links, on a twin database; " +
      "floor + history adds one history row per contact written and the commit. ratio = ours end to end / floor. " +
      "Peak RSS: the bench process during our side (sampled every 100 ms)" +
      `${onPglite ? ", PGlite's memory included" : ""}. Total: ${((performance.now() - started) / 1000).toFixed(0)} s.`,
    "",
    ...table(results),
    "",
    ...statementTables(results),
  ]);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
