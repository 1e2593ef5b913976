// The HTTP benchmark of issue 11: the production build (`next start`) on the bench database, each
// page driven at 1 and 10 connections by autocannon from a second process, beside the raw SQL of
// the page's main queries run the same way through a pg Pool; and the server's memory.
//   npm run bench:http              1,000,000 contacts, 20 s per page and concurrency
//   npm run bench:http -- --smoke   5,000 contacts, 2 s (CI: proves it still runs; figures not checked)
// Options: --contacts N, --duration S, --port N (default 3230), --build, --reset. See bench/README.md.
import os from "node:os";
import { Pool } from "pg";
import type { Viewer } from "@/lib/auth/viewer";
import { estimateTrustedAbove, exactCountLimit } from "@/lib/contacts/contact-list";
import { DASHBOARD_WEEKS, dashboardScope } from "@/lib/dashboard/dashboard";
import { benchDatabaseUrl, benchPassword, ensureBenchData } from "./generate";
import { ensureBuild, httpLoad, rawLoad, runBenchmark, startServer, stop, treeRss, type Latencies } from "./http-server";
import { argument, benchViewer, empty, ms, rawPage, runRaw, sql, visibleTo, writeReport, type Fragment, type RawQuery } from "./run";

type User = "admin" | "supervisor" | "operator";
type Page = { name: string; user: User; path: string; raw: (query: RawQuery, viewer: Viewer) => Promise<unknown> };

/**
 * The pages measured, each with the raw SQL of its main queries, run together as the page runs
 * them. When a page's queries change, change its raw side here.
 */
function pages(sample: { code: string; contactId: string }): Page[] {
  return [
    { name: "/contacts", user: "admin", path: "/contacts", raw: (query, viewer) => rawList(query, viewer, empty) },
    {
      name: `/contacts?q=${sample.code}`,
      user: "admin",
      path: `/contacts?q=${sample.code}`,
      raw: (query, viewer) => rawList(query, viewer, sql`and c.customer_code = ${sample.code}`, true),
    },
    { name: "/contacts", user: "supervisor", path: "/contacts", raw: (query, viewer) => rawList(query, viewer, empty) },
    { name: "/contacts", user: "operator", path: "/contacts", raw: (query, viewer) => rawList(query, viewer, empty) },
    { name: "/contacts/[id]", user: "admin", path: `/contacts/${sample.contactId}`, raw: (query, viewer) => rawContact(query, viewer, sample.contactId) },
    { name: "/dashboard", user: "admin", path: "/dashboard", raw: rawDashboard },
    { name: "/dashboard", user: "supervisor", path: "/dashboard", raw: rawDashboard },
  ];
}

/**
 * The list's first page and its count as the page counts: the planner's estimate, the answer when
 * far above the exact limit, else a count capped where it stops being exact (a search: capped only).
 */
async function rawList(query: RawQuery, viewer: Viewer, where: Fragment, search = false) {
  const matching = sql`select 1 from contacts c where c.organization_id = ${viewer.organizationId} ${visibleTo(viewer)} ${where}`;
  const capped = () => runRaw(query, sql`select count(*)::int as n from (${matching} limit ${exactCountLimit + 1}) capped`);
  const count = async () => {
    if (search) return capped();
    const [plan] = (await runRaw(query, sql`explain (format json) ${matching}`)) as { "QUERY PLAN": { Plan: { "Plan Rows": number } }[] }[];
    return plan["QUERY PLAN"][0].Plan["Plan Rows"] > estimateTrustedAbove ? plan : capped();
  };
  return Promise.all([rawPage(query, viewer, where), count()]);
}

/** The contact with its responsável's and segments' names, and its history. */
const rawContact = (query: RawQuery, viewer: Viewer, id: string) =>
  Promise.all([
    runRaw(query, sql`select c.id, c.name, c.document, c.document_type, c.customer_code, c.priority, c.tags, c.phones, c.emails,
        c.created_at, c.updated_at, c.version, c.responsible_user_id,
        (select u.name from users u where u.organization_id = c.organization_id and u.id = c.responsible_user_id) as responsible_name,
        array(select s.name from segments s where s.organization_id = c.organization_id and s.id = any(c.segment_ids) order by s.name) as segment_names
      from contacts c where c.organization_id = ${viewer.organizationId} and c.id = ${id} ${visibleTo(viewer)}`),
    runRaw(query, sql`select h.id, h.actor_name, h.source, h.action, h.changes, h.created_at from contact_history h
      where h.organization_id = ${viewer.organizationId} and h.contact_id = ${id}
        and exists (select 1 from contacts c where c.organization_id = h.organization_id and c.id = h.contact_id ${visibleTo(viewer)})
      order by h.created_at desc, h.id desc limit 100`),
  ]);

/**
 * What the dashboard page runs: a big carteira's snapshot (lib/dashboard/dashboard.ts), else the
 * three aggregates together and then the names of the top responsáveis.
 */
async function rawDashboard(query: RawQuery, viewer: Viewer) {
  const snapshot = await runRaw(query, sql`select data from dashboard_snapshots
    where organization_id = ${viewer.organizationId} and scope = ${dashboardScope(viewer)}`);
  if (snapshot.length > 0) return snapshot;
  const visible = sql`c.organization_id = ${viewer.organizationId} ${visibleTo(viewer)}`;
  const [groups] = await Promise.all([
    runRaw(query, sql`select grouping(c.priority) as gp, grouping(c.responsible_user_id) as gr, c.priority, c.responsible_user_id,
        count(*)::int as contacts, count(*) filter (where cardinality(c.phones) = 0)::int as without_phone,
        count(*) filter (where cardinality(c.emails) = 0)::int as without_email
      from contacts c where ${visible} group by grouping sets ((c.priority), (c.responsible_user_id), ())`),
    runRaw(query, sql`select s.id, s.name, count(*)::int as contacts from contacts c
        left join lateral unnest(c.segment_ids) as cs(segment_id) on true
        left join segments s on s.organization_id = c.organization_id and s.id = cs.segment_id
      where ${visible} group by s.id, s.name order by s.id is null, count(*) desc, s.name`),
    runRaw(query, sql`select date_trunc('week', c.created_at at time zone 'America/Sao_Paulo') as week, count(*)::int as contacts
      from contacts c
      where ${visible} and c.created_at >= (date_trunc('week', now() at time zone 'America/Sao_Paulo')
        - make_interval(weeks => ${DASHBOARD_WEEKS - 1})) at time zone 'America/Sao_Paulo'
      group by 1`),
  ]);
  const top = (groups as { gp: number; gr: number; responsible_user_id: string | null; contacts: number }[])
    .filter((g) => g.gp === 1 && g.gr === 0 && g.responsible_user_id !== null)
    .sort((a, b) => b.contacts - a.contacts)
    .slice(0, 10)
    .map((g) => g.responsible_user_id);
  return runRaw(query, sql`select id, name from users where organization_id = ${viewer.organizationId} and id = any(${top}::uuid[])`);
}

// ---------------------------------------------------------------------------------------------
// Signing in, and the measurements.

const cookiesOf = (response: Response, prefix = "") =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .filter((cookie) => cookie.startsWith(prefix))
    .join("; ");

/** A page's body size; anything but 200 (a redirect to /login, an error) fails the run. */
async function get(url: string, cookie: string) {
  const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
  const body = await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status} ${response.headers.get("location") ?? ""}`);
  return body.byteLength;
}

/** Signs in as the login form does, through Auth.js's credentials endpoint: the session cookie, checked on /contacts. */
async function signIn(baseUrl: string, email: string) {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf) },
    body: new URLSearchParams({ email, password: benchPassword, csrfToken, callbackUrl: `${baseUrl}/contacts` }),
  });
  const cookie = cookiesOf(response, "authjs.session-token");
  if (!cookie) throw new Error(`Signing in as ${email} failed: ${response.status} ${response.headers.get("location") ?? ""}`);
  await get(`${baseUrl}/contacts`, cookie);
  return cookie;
}

const warmupRequests = 5;

async function main() {
  const started = performance.now();
  const smoke = process.argv.includes("--smoke");
  const contactCount = Number(argument("--contacts") ?? (smoke ? 5_000 : 1_000_000));
  const seconds = Number(argument("--duration") ?? (smoke ? 2 : 20));
  const port = Number(argument("--port") ?? 3230);
  const baseUrl = `http://127.0.0.1:${port}`;
  const url = benchDatabaseUrl(smoke ? "carteira_bench_smoke" : "carteira_bench");
  const data = await ensureBenchData(url, contactCount, { reset: process.argv.includes("--reset") });
  const build = ensureBuild(process.argv.includes("--build"));

  const pool = new Pool({ connectionString: url, max: 10 });
  const query: RawQuery = async (text, values) => (await pool.query(text, values)).rows;
  const org = data.organizationId;
  const viewers: Record<User, Viewer> = {
    admin: await benchViewer(query, org, "u.role = 'admin'"),
    supervisor: await benchViewer(query, org, "u.role = 'supervisor'"),
    operator: await benchViewer(query, org, "u.role = 'operator' and (select count(*) from segment_members x where x.organization_id = u.organization_id and x.user_id = u.id) = 2"),
  };
  const code = `CLI-${String(Math.ceil(contactCount / 2)).padStart(7, "0")}`;
  const [contact] = (await query("select id from contacts where organization_id = $1 and customer_code = $2", [org, code])) as { id: string }[];
  const users: string[] = [];
  for (const [user, viewer] of Object.entries(viewers)) {
    const [{ n }] = (await runRaw(query, sql`select count(*)::int as n from contacts c where c.organization_id = ${org} ${visibleTo(viewer)}`)) as { n: number }[];
    users.push(`${user} ${viewer.email} (${viewer.segmentIds.length} segments, sees ${n.toLocaleString("en")} contacts)`);
  }
  console.log(`Users: ${users.join("; ")}`);
  const [{ version }] = (await query("select current_setting('server_version') as version", [])) as { version: string }[];

  console.log(`Starting next start on ${baseUrl}`);
  const server = await startServer(baseUrl, port, url);
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, treeRss(server.pid!))), 200);
  try {
    const cookies: Partial<Record<User, string>> = {};
    for (const [user, viewer] of Object.entries(viewers)) cookies[user as User] = await signIn(baseUrl, viewer.email);

    const list = pages({ code, contactId: contact.id });
    const bytes = new Map<Page, number>();
    for (const page of list) {
      for (let i = 0; i < warmupRequests; i++) bytes.set(page, await get(baseUrl + page.path, cookies[page.user]!));
      for (let i = 0; i < warmupRequests; i++) await page.raw(query, viewers[page.user]);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const idleRss = treeRss(server.pid!);
    console.log(`Warmed up (${warmupRequests} requests per page); server RSS ${idleRss.toFixed(0)} MB`);

    const rows: string[] = [];
    for (const page of list) {
      const label = `${page.name} (${page.user})`;
      const request = { url: baseUrl + page.path, headers: { cookie: cookies[page.user]! }, seconds };
      const one = await httpLoad(label, { ...request, connections: 1 });
      const ten = await httpLoad(label, { ...request, connections: 10 });
      const raw = (clients: number) => rawLoad(() => page.raw(query, viewers[page.user]), clients, seconds);
      const rawOne = await raw(1);
      const rawTen = await raw(10);
      const p = (l: Latencies) => `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)}`;
      rows.push(
        `| ${label} | ${bytes.get(page)!.toLocaleString("en")} | ${p(one)} | ${one.perSecond.toFixed(1)} | ${p(ten)} | ${ten.perSecond.toFixed(1)} | ` +
          `${ms(rawOne.p50)} | ${ms(rawTen.p50)} / ${ms(rawTen.p95)} |`,
      );
      console.log(`  ${label}: p50 ${ms(one.p50)} ms at 1 conn, ${ms(ten.p50)} ms at 10; raw ${ms(rawOne.p50)} ms, ${ms(rawTen.p50)} ms`);
    }

    writeReport(smoke ? "http-smoke.md" : "http-latest.md", [
      `# HTTP benchmark — next start on PostgreSQL, ${smoke ? "smoke" : "full"} run, ${new Date().toISOString()}`,
      "",
      `${contactCount.toLocaleString("en")} contacts in one organization; each page ${seconds} s at 1 connection, then ${seconds} s at 10, ` +
        `after ${warmupRequests} warm-up requests; the raw SQL likewise (1 and 10 loops, pg Pool of 10). ` +
        `${build}; PostgreSQL ${version}, Node ${process.version}, ${os.cpus().length} CPUs. ` +
        `Server RSS (process tree): ${idleRss.toFixed(0)} MB idle after warm-up, peak ${peakRss.toFixed(0)} MB. ` +
        `Total: ${((performance.now() - started) / 1000).toFixed(0)} s.`,
      "",
      `Users: ${users.join("; ")}.`,
      "",
      "Latencies in ms, client-side: p50 / p95 / p99. bytes = the page's HTML. raw = the page's main queries, run together as the page runs them.",
      "",
      "| page | bytes | 1 conn | req/s | 10 conn | req/s | raw 1 conn p50 | raw 10 conn p50 / p95 |",
      "|---|--:|--:|--:|--:|--:|--:|--:|",
      ...rows,
      "",
    ]);
  } finally {
    clearInterval(sampler);
    await stop(server);
    await pool.end();
  }
}

runBenchmark(import.meta.url, main);
