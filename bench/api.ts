// The API benchmark of issue 14: GET /api/v1/contacts/{customerCode} on the production build
// (`next start`) on the bench database, driven at 1 and 10 connections by autocannon from a second
// process over a rotating set of códigos, beside the raw SQL of the same lookup run the same way
// through a pg Pool: the lookup alone, and the lookup with the key's check and rate-limit count
// (the two statements a request makes).
//   npm run bench:api              1,000,000 contacts, 20 s per concurrency
//   npm run bench:api -- --smoke   5,000 contacts, 2 s (CI: proves it still runs; figures not checked)
// Options: --contacts N, --duration S, --port N (default 3240), --build, --reset. See bench/README.md.
import os from "node:os";
import { Pool } from "pg";
import { generateApiKey, hashApiKey } from "@/lib/api-keys/secret";
import { mulberry32 } from "@/db/seed";
import { benchDatabaseUrl, ensureBenchData } from "./generate";
import { ensureBuild, httpLoad, rawLoad, runBenchmark, startServer, stop, treeRss, type Latencies } from "./http-server";
import { argument, ms, writeReport, type RawQuery } from "./run";

/** How many distinct códigos the load cycles through: enough that no single row stays hot. */
const CODES = 2_000;
const warmupRequests = 20;

// The lookup as a DBA writes it: the contact by (organization_id, customer_code), with its
// responsável and segments, as the endpoint answers it (an admin's key: no visibility condition).
const lookup = `select c.id, c.customer_code, c.name, c.document, c.document_type, c.priority, c.tags, c.phones, c.emails,
    c.consent, c.version, c.created_at, c.updated_at,
    (select json_build_object('id', u.id, 'name', u.name, 'email', u.email) from users u
      where u.organization_id = c.organization_id and u.id = c.responsible_user_id) as responsible,
    (select json_agg(json_build_object('id', s.id, 'name', s.name) order by s.name) from segments s
      where s.organization_id = c.organization_id and s.id = any(c.segment_ids)) as segments
  from contacts c where c.organization_id = $1 and c.customer_code = $2`;

// The key's check and its rate-limit count, as one statement without waiting for its WAL flush
// (what lib/api-keys/authenticate.ts does).
const keyCheck = `update api_keys set
    window_requests = case when window_started_at = date_trunc('minute', now()) then window_requests + 1 else 1 end,
    window_started_at = date_trunc('minute', now())
  where secret_hash = $1 and revoked_at is null
  returning organization_id, id, scopes, segment_ids, requests_per_minute, window_requests`;

async function main() {
  const started = performance.now();
  const smoke = process.argv.includes("--smoke");
  const contactCount = Number(argument("--contacts") ?? (smoke ? 5_000 : 1_000_000));
  const seconds = Number(argument("--duration") ?? (smoke ? 2 : 20));
  const port = Number(argument("--port") ?? 3240);
  const baseUrl = `http://127.0.0.1:${port}`;
  const url = benchDatabaseUrl(smoke ? "carteira_bench_smoke" : "carteira_bench");
  const data = await ensureBenchData(url, contactCount, { reset: process.argv.includes("--reset") });
  const build = ensureBuild(process.argv.includes("--build"));

  const pool = new Pool({ connectionString: url, max: 10 });
  const query: RawQuery = async (text, values) => (await pool.query(text, values)).rows;
  const org = data.organizationId;

  // A key of the whole organization, with a limit no run reaches: the limit's count is measured, not its refusals.
  const key = generateApiKey();
  const keyHash = hashApiKey(key);
  await query("delete from api_keys where organization_id = $1 and name = 'Bench'", [org]);
  await query(
    `insert into api_keys (organization_id, name, prefix, secret_hash, scopes, requests_per_minute, created_by_user_id)
     select $1, 'Bench', $2, $3, '{contacts:read}', 2000000000, u.id from users u where u.organization_id = $1 and u.role = 'admin' limit 1`,
    [org, key.slice(0, 12), keyHash],
  );
  const random = mulberry32(0xa91);
  const codes = Array.from({ length: CODES }, () => `CLI-${String(1 + Math.floor(random() * contactCount)).padStart(7, "0")}`);
  const paths = codes.map((code) => `/api/v1/contacts/${code}`);
  const [{ version }] = (await query("select current_setting('server_version') as version", [])) as { version: string }[];

  console.log(`Starting next start on ${baseUrl}`);
  const server = await startServer(baseUrl, port, url);
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, treeRss(server.pid!))), 200);
  try {
    const headers = { authorization: `Bearer ${key}` };
    for (const path of paths.slice(0, warmupRequests)) {
      const response = await fetch(baseUrl + path, { headers });
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    }
    let next = 0;
    const code = () => codes[next++ % codes.length];
    const rawLookup = () => query(lookup, [org, code()]);
    const rawWithKey = async () => {
      const client = await pool.connect();
      try {
        await client.query("begin");
        await client.query("set local synchronous_commit = off");
        await client.query(keyCheck, [keyHash]);
        await client.query("commit");
      } finally {
        client.release();
      }
      return query(lookup, [org, code()]);
    };
    for (let i = 0; i < warmupRequests; i++) await rawWithKey();

    const measured: { label: string; one: Latencies; ten: Latencies }[] = [];
    const request = { url: baseUrl + paths[0], headers, seconds, paths };
    measured.push({
      label: "GET /api/v1/contacts/{customerCode}",
      one: await httpLoad("API", { ...request, connections: 1 }),
      ten: await httpLoad("API", { ...request, connections: 10 }),
    });
    measured.push({ label: "raw: key check + lookup", one: await rawLoad(rawWithKey, 1, seconds), ten: await rawLoad(rawWithKey, 10, seconds) });
    measured.push({ label: "raw: lookup alone", one: await rawLoad(rawLookup, 1, seconds), ten: await rawLoad(rawLookup, 10, seconds) });

    const p = (l: Latencies) => `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)}`;
    const [api, withKey] = measured;
    const rows = measured.map(
      (m) => `| ${m.label} | ${p(m.one)} | ${m.one.perSecond.toFixed(0)} | ${p(m.ten)} | ${m.ten.perSecond.toFixed(0)} |`,
    );
    writeReport(smoke ? "api-smoke.md" : "api-latest.md", [
      `# API benchmark — next start on PostgreSQL, ${smoke ? "smoke" : "full"} run, ${new Date().toISOString()}`,
      "",
      `${contactCount.toLocaleString("en")} contacts in one organization; ${CODES.toLocaleString("en")} códigos in turn; ` +
        `${seconds} s at 1 connection, then ${seconds} s at 10, after ${warmupRequests} warm-up requests; the raw SQL likewise ` +
        `(1 and 10 loops, pg Pool of 10). ${build}; PostgreSQL ${version}, Node ${process.version}, ${os.cpus().length} CPUs. ` +
        `Server RSS (process tree): peak ${peakRss.toFixed(0)} MB. Total: ${((performance.now() - started) / 1000).toFixed(0)} s.`,
      "",
      "Latencies in ms, client-side: p50 / p95 / p99.",
      "",
      "| lookup by código | 1 conn | req/s | 10 conn | req/s |",
      "|---|--:|--:|--:|--:|",
      ...rows,
      "",
      `Ratio at 10 connections (raw key check + lookup ÷ API): ${(withKey.ten.perSecond / api.ten.perSecond).toFixed(2)}× the requests/s, ` +
        `p95 ${(api.ten.p95 / withKey.ten.p95).toFixed(2)}×.`,
      "",
    ]);
  } finally {
    clearInterval(sampler);
    await stop(server);
    await pool.end();
  }
}

runBenchmark(import.meta.url, main);
