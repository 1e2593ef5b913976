// The benchmark of issue 4: each list/search/count operation of the data-access layer against the
// raw SQL a DBA would write for the same result, interleaved in one process on one pg Pool.
//   npm run bench            1,000,000 contacts, 100 runs per operation
//   npm run bench:smoke      5,000 contacts, 10 runs (CI: proves it still runs; figures not checked)
// Options: --contacts N, --runs N, --reset (regenerate). See bench/README.md.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Pool } from "pg";
import { openPostgres, setDatabaseHandle } from "@/db/client";
import type { Viewer } from "@/lib/auth/viewer";
import { parseContactFilters } from "@/lib/contacts/contact-filters";
import { countContacts, findContacts, type ContactListRequest } from "@/lib/contacts/contact-list";
import { formatDocument } from "@/lib/documents/document";
import { formatPhone } from "@/lib/phones/phone";
import { benchBulk } from "./bulk";
import { benchDashboard } from "./dashboard";
import { benchExport } from "./export";
import { benchDatabaseUrl, ensureBenchData } from "./generate";

export const argument = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const pageSize = 25;

// ---------------------------------------------------------------------------------------------
// Raw SQL: hand-written text with numbered parameters, sent through the connection Drizzle uses.

export type Fragment = { strings: readonly string[]; values: unknown[] };
export const sql = (strings: TemplateStringsArray, ...values: unknown[]): Fragment => ({ strings, values });
export const empty = sql``;
const isFragment = (v: unknown): v is Fragment => typeof v === "object" && v !== null && "strings" in v && "values" in v;

function render(fragment: Fragment, params: unknown[] = []): { text: string; values: unknown[] } {
  let text = fragment.strings[0];
  fragment.values.forEach((value, i) => {
    if (isFragment(value)) text += render(value, params).text;
    else text += `$${params.push(value)}`;
    text += fragment.strings[i + 1];
  });
  return { text, values: params };
}

/** Raw SQL through the same connection(s) the data-access layer uses: a pg Pool, or PGlite. */
export type RawQuery = (text: string, values: unknown[]) => Promise<Record<string, unknown>[]>;

export function runRaw(query: RawQuery, fragment: Fragment) {
  const { text, values } = render(fragment);
  return query(text, values);
}

/** The visibility predicate on `contacts c`, as a DBA writes it: responsável, or in one of the viewer's segments (segment_ids). */
export const visibleTo = (viewer: Viewer) =>
  viewer.role === "admin" ? empty : sql`and (c.responsible_user_id = ${viewer.userId} or c.segment_ids && ${viewer.segmentIds}::uuid[])`;
const byCreated = sql`c.created_at desc, c.id desc`;

/** A page of the list with the same columns it shows: responsável's name and segment names included. */
export const rawPage = (query: RawQuery, viewer: Viewer, where: Fragment, order = byCreated) =>
  runRaw(query, sql`select c.id, c.name, c.document, c.document_type, c.customer_code, c.priority, c.tags, c.created_at, c.updated_at,
      (select u.name from users u where u.organization_id = c.organization_id and u.id = c.responsible_user_id) as responsible_name,
      array(select s.name from segments s where s.organization_id = c.organization_id and s.id = any(c.segment_ids) order by s.name) as segment_names
    from contacts c
    where c.organization_id = ${viewer.organizationId} ${visibleTo(viewer)} ${where}
    order by ${order}
    limit ${pageSize + 1}`);

// ---------------------------------------------------------------------------------------------

type Operation = {
  name: string;
  ours: () => Promise<unknown>;
  raw: () => Promise<unknown>;
  /** Compares one result of each side: the raw SQL must answer the same question. */
  check: (ours: unknown, raw: unknown) => string;
  rows: (ours: unknown) => number;
};

type Context = {
  query: RawQuery;
  deepPages: number;
  organizationId: string;
  admin: Viewer;
  operator: Viewer;
  supervisor: Viewer;
  segmentId: string;
  deepCursor: string;
  deepKey: { createdAt: string; id: string };
  sample: {
    code: string; documentMasked: string; document: string; phoneFormatted: string; phone: string; email: string; emailPrefix: string;
    nameWords: [string, string];
  };
};

type RawRow = { id: string };
type Page = Awaited<ReturnType<typeof findContacts>>;

/** The table-driven list of operations; export and bulk operations go here too. */
export function operations(ctx: Context): Operation[] {
  const { organizationId: org, admin, operator } = ctx;
  const query = (fragment: Fragment) => runRaw(ctx.query, fragment);
  const inSegments = (ids: string[]) => sql`and c.segment_ids && ${ids}::uuid[]`;

  const sameIds = (ours: unknown, raw: unknown) => {
    const a = (ours as Page).items.map((i) => i.id).join();
    const b = (raw as RawRow[]).slice(0, pageSize).map((r) => r.id).join();
    return a === b ? "same rows" : "DIFFERENT ROWS";
  };
  const list = (name: string, viewer: Viewer, params: Record<string, string | string[]>, where: Fragment, order?: Fragment): Operation => {
    // Built the way the page builds it: from URL parameters.
    const filters: ContactListRequest = parseContactFilters(params);
    return { name, ours: () => findContacts(viewer, filters), raw: () => rawPage(ctx.query, viewer, where, order), check: sameIds, rows: (o) => (o as Page).items.length };
  };
  const count = (name: string, viewer: Viewer): Operation => ({
    name,
    ours: () => countContacts(viewer, {}),
    raw: () => query(sql`select count(*)::int as n from contacts c where c.organization_id = ${org} ${visibleTo(viewer)}`),
    check: (ours, raw) => {
      const { value, exact, approximation } = ours as { value: number; exact: boolean; approximation?: string };
      const n = (raw as { n: number }[])[0].n;
      if (exact) return value === n ? "same count" : `DIFFERENT COUNT ${value} vs ${n}`;
      if (approximation === "atLeast") return `at least ${value} vs exact ${n}`;
      return `estimate ${value} vs exact ${n} (${(((value - n) / n) * 100).toFixed(1)} %)`;
    },
    rows: (o) => (o as { value: number }).value,
  });
  const nameLike = (a: string, b: string) =>
    sql`and f_unaccent(lower(c.name)) like ${`%${a}%`} and f_unaccent(lower(c.name)) like ${`%${b}%`}`;
  const [word1, word2] = ctx.sample.nameWords;

  return [
    list("first page, unfiltered (admin)", admin, {}, empty),
    list(`deep keyset page (page ${ctx.deepPages + 1})`, admin, { after: ctx.deepCursor },
      sql`and (c.created_at, c.id) < (${ctx.deepKey.createdAt}::timestamptz, ${ctx.deepKey.id}::uuid)`),
    list("sort: priority", admin, { sort: "priority" }, empty, sql`c.priority_rank desc, c.created_at desc, c.id desc`),
    list("sort: name", admin, { sort: "name" }, empty, sql`c.name, c.id`),
    list("filter: segment", admin, { segment: ctx.segmentId }, inSegments([ctx.segmentId])),
    list("filter: responsável", admin, { responsible: operator.userId }, sql`and c.responsible_user_id = ${operator.userId}`),
    list("filter: sem responsável", admin, { responsible: "none" }, sql`and c.responsible_user_id is null`),
    list("filter: tagAll #vip", admin, { tagAll: "vip" }, sql`and c.tags @> ${["vip"]}::text[]`),
    list("filter: tagAny rare (#parceiro #revenda)", admin, { tagAny: ["parceiro", "revenda"] }, sql`and c.tags && ${["parceiro", "revenda"]}::text[]`),
    list("filter: tagNone #inadimplente", admin, { tagNone: "inadimplente" }, sql`and not (c.tags && ${["inadimplente"]}::text[])`),
    list("filter: priority high", admin, { priority: "high" }, sql`and c.priority = ${"high"}`),
    list("filter: created range (Q1 2025)", admin, { createdFrom: "2025-01-01", createdTo: "2025-03-31" },
      sql`and c.created_at >= '2025-01-01 00:00-03' and c.created_at < '2025-04-01 00:00-03'`),
    list("filter: updated range (June 2025)", admin, { updatedFrom: "2025-06-01", updatedTo: "2025-06-30" },
      sql`and c.updated_at >= '2025-06-01 00:00-03' and c.updated_at < '2025-07-01 00:00-03'`, sql`c.updated_at desc, c.id desc`),
    list("filter: hasPhone yes", admin, { hasPhone: "yes" }, sql`and cardinality(c.phones) > 0`),
    list("filter: hasEmail no", admin, { hasEmail: "no" }, sql`and cardinality(c.emails) = 0`),
    list("filter: noSegment", admin, { noSegment: "1" },
      sql`and c.segment_ids = '{}'`),
    list("combined: segment + #vip + high", admin, { segment: ctx.segmentId, tagAll: "vip", priority: "high" },
      sql`${inSegments([ctx.segmentId])} and c.tags @> ${["vip"]}::text[] and c.priority = ${"high"}`),
    list("operator's carteira (visibility on)", operator, {}, empty),
    list("search: código", admin, { q: ctx.sample.code }, sql`and c.customer_code = ${ctx.sample.code}`),
    list("search: document (masked)", admin, { q: ctx.sample.documentMasked }, sql`and c.document = ${ctx.sample.document}`),
    list("search: phone (formatted)", admin, { q: ctx.sample.phoneFormatted }, sql`and c.phones @> array[${ctx.sample.phone}]::text[]`),
    list("search: código (lower case)", admin, { q: ctx.sample.code.toLowerCase() },
      sql`and lower(c.customer_code) = lower(${ctx.sample.code.toLowerCase()})`),
    list("search: e-mail", admin, { q: ctx.sample.email }, sql`and c.emails @> array[${ctx.sample.email}]::text[]`),
    // The address up to three letters of its domain ("ana.souza12@emp"): any e-mail starting with it.
    list(`search: e-mail prefix`, admin, { q: ctx.sample.emailPrefix },
      sql`and f_email_list(c.emails) like ${`% ${ctx.sample.emailPrefix}%`}`),
    list(`search: name "${word1} ${word2}"`, admin, { q: `${word1} ${word2}` }, nameLike(word1, word2)),
    list(`search: name "${word1} ${word2}" (operator)`, operator, { q: `${word1} ${word2}` }, nameLike(word1, word2)),
    count("count: unfiltered (admin)", admin),
    count("count: operator's carteira", operator),
  ];
}

// ---------------------------------------------------------------------------------------------

export const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];

async function timed(fn: () => Promise<unknown>) {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Warm-up, then ours and raw alternately (which goes first alternates too), so drift hits both alike. */
export async function measure(op: Operation, runs: number, warmup: number) {
  const [oursResult, rawResult] = [await op.ours(), await op.raw()];
  for (let i = 1; i < warmup; i++) {
    await op.ours();
    await op.raw();
  }
  const ours: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      ours.push(await timed(op.ours));
      raw.push(await timed(op.raw));
    } else {
      raw.push(await timed(op.raw));
      ours.push(await timed(op.ours));
    }
  }
  ours.sort((a, b) => a - b);
  raw.sort((a, b) => a - b);
  return {
    name: op.name,
    p50: percentile(ours, 0.5),
    p95: percentile(ours, 0.95),
    rawP50: percentile(raw, 0.5),
    rawP95: percentile(raw, 0.95),
    rows: op.rows(oursResult),
    check: op.check(oursResult, rawResult),
  };
}

/** The user matching `where` with the most segments (then the first e-mail), as a Viewer. */
export async function benchViewer(query: RawQuery, organizationId: string, where: string): Promise<Viewer> {
  const [u] = (await query(
    `select u.id, u.role, u.name, u.email, coalesce(array_agg(sm.segment_id) filter (where sm.segment_id is not null), '{}') as segment_ids
     from users u left join segment_members sm on sm.organization_id = u.organization_id and sm.user_id = u.id
     where u.organization_id = $1 and ${where}
     group by u.id, u.role, u.name, u.email order by count(sm.segment_id) desc, u.email limit 1`,
    [organizationId],
  )) as { id: string; role: Viewer["role"]; name: string; email: string; segment_ids: string[] }[];
  return { userId: u.id, organizationId, role: u.role, name: u.name, email: u.email, segmentIds: u.segment_ids };
}

export async function context(query: RawQuery, organizationId: string, contactCount: number): Promise<Context> {
  const one = async <T>(text: string, values: unknown[] = []) => (await query(text, values))[0] as T;
  const deepPages = Math.min(200, Math.floor(contactCount / pageSize / 2));
  const viewer = (where: string) => benchViewer(query, organizationId, where);
  const admin = await viewer("u.role = 'admin'");
  const operator = await viewer("u.role = 'operator'"); // one with two segments: a typical carteira
  const supervisor = await viewer("u.role = 'supervisor'"); // the one with the most segments
  const segment = await one<{ id: string }>("select id from segments where organization_id = $1 and name = 'Varejo RJ'", [organizationId]);

  // The deep page: follow nextCursor like a user would; the raw side finds the same boundary by OFFSET, once.
  const walkStart = performance.now();
  let cursor: string | undefined;
  for (let page = 0; page < deepPages; page++) {
    const result = await findContacts(admin, { after: cursor });
    if (!result.nextCursor) throw new Error(`The list ended after ${page + 1} pages`);
    cursor = result.nextCursor;
  }
  const deepKey = await one<{ createdAt: string; id: string }>(
    `select created_at::text as "createdAt", id from contacts where organization_id = $1
     order by created_at desc, id desc offset $2 limit 1`,
    [organizationId, deepPages * pageSize - 1],
  );
  console.log(`Walked ${deepPages} pages by nextCursor in ${((performance.now() - walkStart) / 1000).toFixed(1)} s`);

  // A contact in the middle with a CPF, a phone and an e-mail, for the quick searches.
  const s = await one<{ customer_code: string; name: string; document: string; phone: string; email: string }>(
    `select customer_code, name, document, phones[1] as phone, emails[1] as email from contacts
     where organization_id = $1 and customer_code >= $2 and document_type = 'cpf' and cardinality(phones) > 0 and cardinality(emails) > 0
     order by customer_code limit 1`,
    [organizationId, `CLI-${String(Math.floor(contactCount / 2)).padStart(7, "0")}`],
  );
  const words = s.name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().split(" ");
  return {
    query,
    deepPages,
    organizationId,
    admin,
    operator,
    supervisor,
    segmentId: segment.id,
    deepCursor: cursor!,
    deepKey,
    sample: {
      code: s.customer_code,
      document: s.document,
      documentMasked: formatDocument(s.document, "cpf"),
      phone: s.phone,
      phoneFormatted: formatPhone(s.phone),
      email: s.email,
      emailPrefix: s.email.slice(0, s.email.indexOf("@") + 4),
      // Its first and last name as a user types them: lower case, no accents ("joao silva").
      nameWords: [words[0], words[words.length - 1]],
    },
  };
}

export const ms = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(1));

export type Result = Awaited<ReturnType<typeof measure>>;

export function table(results: Result[]) {
  return [
    "| operation | p50 ms | p95 ms | raw p50 | raw p95 | ratio | rows | check |",
    "|---|--:|--:|--:|--:|--:|--:|---|",
    ...results.map((r) =>
      `| ${r.name} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.rawP50)} | ${ms(r.rawP95)} | ${(r.p50 / r.rawP50).toFixed(2)} | ${r.rows} | ${r.check} |`,
    ),
  ];
}

export function writeReport(name: string, lines: string[]) {
  const report = lines.join("\n");
  console.log(`\n${report}`);
  const outputDir = path.join(import.meta.dirname, "output");
  mkdirSync(outputDir, { recursive: true });
  const file = path.join(outputDir, name);
  writeFileSync(file, report);
  console.log(`Written to ${path.relative(process.cwd(), file)}`);
}

export async function runAll(ctx: Context, runs: number, warmup: number, only?: string) {
  const results: Result[] = [];
  for (const op of operations(ctx).filter((o) => !only || o.name.includes(only))) {
    const result = await measure(op, runs, warmup);
    results.push(result);
    console.log(`  ${op.name}: p50 ${ms(result.p50)} ms, raw ${ms(result.rawP50)} ms`);
  }
  return results;
}

async function main() {
  const started = performance.now();
  const smoke = process.argv.includes("--smoke");
  const contactCount = Number(argument("--contacts") ?? (smoke ? 5_000 : 1_000_000));
  const runs = Number(argument("--runs") ?? (smoke ? 10 : 100));
  const warmup = smoke ? 2 : 5;
  const url = benchDatabaseUrl(smoke ? "carteira_bench_smoke" : "carteira_bench");
  process.env.DATABASE_URL = url; // anything that reads it goes to the bench database too
  const data = await ensureBenchData(url, contactCount, { reset: process.argv.includes("--reset") });

  const handle = openPostgres(url);
  setDatabaseHandle(handle);
  const pool = (handle.db as unknown as { $client: Pool }).$client;
  const query: RawQuery = async (text, values) => (await pool.query(text, values)).rows;
  const ctx = await context(query, data.organizationId, contactCount);
  const [server] = await query("select current_setting('server_version') as version", []);
  // `--only search` measures just the operations whose name holds it, and prints their table.
  const only = argument("--only");
  const results = await runAll(ctx, runs, warmup, only);
  if (only) {
    console.log(["", ...table(results)].join("\n"));
    await handle.close();
    return;
  }
  const exported = await benchExport(pool, ctx.admin, smoke ? 2_000 : 100_000, smoke ? 1 : 3);
  const bulk = await benchBulk(pool, ctx.admin, smoke ? 2_000 : 100_000);
  const dashboard = await benchDashboard(
    pool,
    [
      { name: "admin (whole organization)", viewer: ctx.admin },
      { name: "supervisor (their carteira)", viewer: ctx.supervisor },
    ],
    smoke ? 3 : 10,
  );
  const peakRss = (process.resourceUsage().maxRSS / 1024).toFixed(0);
  await handle.close();

  writeReport(smoke ? "latest-smoke.md" : "latest.md", [
    `# Benchmark — PostgreSQL, ${smoke ? "smoke" : "full"} run, ${new Date().toISOString()}`,
    "",
    `${contactCount.toLocaleString("en")} contacts in one organization; ${runs} measured runs per operation after ${warmup} warm-up runs; ` +
      `PostgreSQL ${server.version}, Node ${process.version}, ${os.cpus().length} CPUs. ` +
      `Data: ${data.generated ? `generated in ${data.seconds.toFixed(1)} s` : "already present"}. ` +
      `Peak RSS of the bench process: ${peakRss} MB. Total: ${((performance.now() - started) / 1000).toFixed(0)} s.`,
    "",
    "Times in ms, client-side. ratio = p50 ours / p50 raw SQL. rows = items on the page (count: the value).",
    "",
    ...table(results),
    "",
    `Export (CSV of the list's current set, streamed; median of ${smoke ? 1 : 3} runs alternating with the raw side): ` +
      `${exported.rows.toLocaleString("en")} rows, ${exported.mb.toFixed(1)} MB in ` +
      `${exported.seconds.toFixed(2)} s = ${Math.round(exported.rows / exported.seconds).toLocaleString("en")} rows/s; ` +
      `raw COPY … TO STDOUT of the same rows (${exported.rawRows.toLocaleString("en")}) ${exported.rawSeconds.toFixed(2)} s = ` +
      `${Math.round(exported.rawRows / exported.rawSeconds).toLocaleString("en")} rows/s; ours = ${((exported.rows / exported.seconds) / (exported.rawRows / exported.rawSeconds)).toFixed(2)}× the raw rows/s ` +
      `(time ratio ${(exported.seconds / exported.rawSeconds).toFixed(2)}); ` +
      `RSS ${exported.rss.beforeMb.toFixed(0)} MB before, peak ${exported.rss.peakMb.toFixed(0)} MB during, ${exported.rss.afterMb.toFixed(0)} MB after.`,
    "",
    "Bulk actions on all contacts of a filter (start + background run to the end; raw = the DBA's update plus one history row per contact, in one statement):",
    "",
    "| bulk action | contacts | changed | s | undo s | raw s | ratio |",
    "|---|--:|--:|--:|--:|--:|--:|",
    ...bulk.map((b) =>
      `| ${b.name} | ${b.contacts.toLocaleString("en")} | ${b.changed.toLocaleString("en")} | ${b.seconds.toFixed(2)} | ${b.undoSeconds.toFixed(2)} | ${b.rawSeconds.toFixed(2)} | ${(b.seconds / b.rawSeconds).toFixed(2)} |`,
    ),
    "",
    "Dashboard computed (refreshDashboard, the job that keeps a big carteira's snapshot: every chart's numbers; raw = one plain aggregate query per chart, in sequence):",
    "",
    "| viewer | contacts | p50 ms | p95 ms | raw p50 ms | ratio | check |",
    "|---|--:|--:|--:|--:|--:|---|",
    ...dashboard.map((d) =>
      `| ${d.name} | ${d.total.toLocaleString("en")} | ${ms(d.p50)} | ${ms(d.p95)} | ${ms(d.rawP50)} | ${(d.p50 / d.rawP50).toFixed(2)} | ${d.total === d.rawTotal ? "same total" : `total ${d.total} vs ${d.rawTotal}`} |`,
    ),
    "",
  ]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
