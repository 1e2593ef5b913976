// The Live benchmark of issue 13: N waiting attendances over 50 segments, 8 operators pulling at
// once with "Atender próximo" (takeNextAttendance, the app's path) beside raw SQL doing the same
// pull (the same serving order, FOR UPDATE SKIP LOCKED, one statement per pull) on 8 connections,
// from the same queues; then the queue page (listQueues) and the report (getAttendanceReport)
// at that size.
//   npm run bench:live                  100,000 waiting attendances (+ 200,000 closed for the report)
//   npm run bench:live -- --smoke       2,000 waiting (CI: proves it still runs)
// Options: --waiting N, --pulls N (per operator), --keep (keep the database).
import os from "node:os";
import { Client } from "pg";
import { migrateDatabase } from "@/db/migrate";
import { openPostgres, setDatabaseHandle, type Handle } from "@/db/client";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";
import { listQueues, takeNextAttendance } from "@/lib/live/queues";
import { reportFilters, reportPeriod } from "@/lib/live/report-filters";
import { getAttendanceReport } from "@/lib/live/reports";
import { argument, writeReport } from "./run";
import { onServer, serverUrl } from "./server";

const smoke = process.argv.includes("--smoke");
const keep = process.argv.includes("--keep");
const waiting = Number(argument("--waiting") ?? (smoke ? 2_000 : 100_000));
const pullsPerOperator = Number(argument("--pulls") ?? (smoke ? 25 : 500));
const OPERATORS = 8;
const SEGMENTS = 50;
const database = smoke ? "carteira_livebench_smoke" : "carteira_livebench";

type Fixture = { org: string; operators: string[]; admin: string; supervisor: string };

/** The organization, its 50 segments, 8 operators (10 segments each: every segment served twice and more), contacts, attendances. */
async function createFixture(handle: Handle): Promise<Fixture> {
  const q = async <T>(text: string, values: unknown[] = []) => (await handle.executeSql(text, values)).rows as T[];
  const [{ id: org }] = await q<{ id: string }>("insert into organizations (name) values ('Live (bench)') returning id");
  const user = async (name: string, role: string) =>
    (await q<{ id: string }>("insert into users (organization_id, name, email, role, password_hash) values ($1, $2, $3, $4, 'x') returning id", [org, name, `${name}@livebench.test`, role]))[0].id;
  const admin = await user("admin", "admin");
  const supervisor = await user("supervisor", "supervisor");
  const operators: string[] = [];
  for (let i = 0; i < OPERATORS; i++) operators.push(await user(`operador${i}`, "operator"));
  await q("insert into segments (organization_id, name) select $1, 'Fila ' || lpad(g::text, 2, '0') from generate_series(1, $2::int) g", [org, SEGMENTS]);
  await q(
    `insert into segment_members (organization_id, segment_id, user_id)
     select $1, s.id, u.id from (select id, row_number() over (order by name) - 1 as n from segments where organization_id = $1) s
     join (select id, row_number() over (order by email) - 1 as n from users where organization_id = $1 and role = 'operator') u
       on (s.n - u.n * 6 + 100) % 50 < 10`,
    [org],
  );
  await q(
    `insert into segment_members (organization_id, segment_id, user_id)
     select $1, id, $2 from segments where organization_id = $1 order by name limit 10`,
    [org, supervisor],
  );
  // Contacts for 70 % of the attendances: 20 % Alta, 60 % Média, 20 % Baixa.
  await q(
    `insert into contacts (organization_id, name, document, document_type, customer_code, priority)
     select $1, 'Cliente ' || g, lpad(g::text, 11, '0'), 'cpf', 'LB-' || g, (array['high', 'medium', 'medium', 'medium', 'low'])[1 + g % 5]
     from generate_series(1, $2::int) g`,
    [org, Math.ceil(waiting * 0.7)],
  );
  const attendances = (status: "waiting" | "closed", count: number, offset: number) =>
    q(
      `with segs as (select array_agg(id order by name) as ids from segments where organization_id = $1),
         ops as (select array_agg(id order by email) as ids from users where organization_id = $1 and role = 'operator')
       insert into attendances (organization_id, channel, address, contact_id, priority_rank, segment_id, status, operator_user_id, outcome, arrived_at, taken_at, closed_at)
       select $1, (array['whatsapp', 'sms', 'email'])[1 + g % 3], '+5511' || lpad(g::text, 9, '0'), c.id, coalesce(c.priority_rank, 2), segs.ids[1 + g % ${SEGMENTS}],
         $2, case when $2 = 'closed' then ops.ids[1 + g % ${OPERATORS}] end, case when $2 = 'closed' then 'resolved' end,
         arrived, case when $2 = 'closed' then arrived + make_interval(secs => 30 + g % 600) end,
         case when $2 = 'closed' then arrived + make_interval(secs => 600 + g % 1200) end
       from generate_series($3::int + 1, $3::int + $4::int) g
       cross join segs cross join ops
       cross join lateral (select now() - case when $2 = 'closed' then make_interval(days => g % 30, mins => g % 600) else make_interval(secs => g % 7200) end as arrived) t
       left join contacts c on c.organization_id = $1 and c.customer_code = 'LB-' || (g % ${Math.ceil(waiting * 0.7)} + 1) and g % 10 < 7`,
      [org, status, offset, count],
    );
  await attendances("waiting", waiting, 0);
  await attendances("closed", waiting * 2, waiting);
  await handle.executeSql("vacuum analyze");
  return { org, operators, admin, supervisor };
}

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))];

type PullResult = { pulls: number; seconds: number; p95Ms: number };

/** 8 operators at once, each `pullsPerOperator` pulls; their latencies. */
async function pullConcurrently(pull: (operator: number) => Promise<unknown>): Promise<PullResult> {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: OPERATORS }, async (_, operator) => {
      for (let i = 0; i < pullsPerOperator; i++) {
        const t = performance.now();
        await pull(operator);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { pulls: latencies.length, seconds: (performance.now() - started) / 1000, p95Ms: p95(latencies) };
}

/**
 * What a DBA would send for one pull, as one statement: the oldest 16 of each segment × channel ×
 * priority group of the operator's queues (index probes), the serving order over those, the first
 * one not being taken.
 */
const floorPull = `
  with heads as (
    select h.id from unnest($2::uuid[]) q(segment_id)
    cross join (values ('whatsapp'), ('sms'), ('email')) c(channel) cross join (values (1::smallint), (2::smallint), (3::smallint)) r(rank)
    cross join lateral (select a.id from attendances a where a.organization_id = $1 and a.status = 'waiting' and a.segment_id = q.segment_id
      and a.channel = c.channel and a.priority_rank = r.rank order by a.arrived_at, a.id limit 16) h
    union all
    select h.id from (values ('whatsapp'), ('sms'), ('email')) c(channel) cross join (values (1::smallint), (2::smallint), (3::smallint)) r(rank)
    cross join lateral (select a.id from attendances a where a.organization_id = $1 and a.status = 'waiting' and a.segment_id is null
      and a.channel = c.channel and a.priority_rank = r.rank order by a.arrived_at, a.id limit 16) h),
  next as (
    select a.id from attendances a where a.organization_id = $1 and a.status = 'waiting' and a.id in (select id from heads)
    order by a.priority_rank desc, a.arrived_at, a.id limit 1 for update of a skip locked)
  update attendances a set status = 'open', operator_user_id = $3, taken_at = now()
  from next where a.organization_id = $1 and a.id = next.id returning a.id`;

async function timed<T>(runs: number, work: () => Promise<T>) {
  const latencies: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await work();
    latencies.push(performance.now() - t);
  }
  return p95(latencies);
}

async function main() {
  const started = performance.now();
  await onServer(`drop database if exists ${database} with (force)`);
  await onServer(`create database ${database}`);
  const handle = openPostgres(serverUrl(database));
  setDatabaseHandle(handle);
  const lines: string[] = [];
  try {
    await migrateDatabase(handle);
    const setupStarted = performance.now();
    const fixture = await createFixture(handle);
    console.log(`Fixture: ${waiting.toLocaleString("en")} waiting + ${(waiting * 2).toLocaleString("en")} closed attendances in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`);
    await handle.executeSql("insert into live_settings (organization_id, max_open_per_operator) values ($1, 30000)", [fixture.org]);
    const viewers = (await Promise.all(fixture.operators.map((id) => loadViewer(id, fixture.org)))) as Viewer[];
    const admin = (await loadViewer(fixture.admin, fixture.org))!;
    const supervisor = (await loadViewer(fixture.supervisor, fixture.org))!;

    // Ours, then back to waiting, then the floor from the same state.
    const ours = await pullConcurrently(async (operator) => {
      const taken = await takeNextAttendance(viewers[operator]);
      if (!taken.ok) throw new Error(taken.message);
    });
    console.log(`ours: ${ours.pulls} pulls in ${ours.seconds.toFixed(2)} s`);
    await handle.executeSql("update attendances set status = 'waiting', operator_user_id = null, taken_at = null where organization_id = $1 and status = 'open'", [fixture.org]);
    await handle.executeSql("vacuum analyze attendances");
    const clients = await Promise.all(viewers.map(async () => {
      const client = new Client({ connectionString: serverUrl(database) });
      await client.connect();
      return client;
    }));
    const floor = await pullConcurrently(async (operator) => {
      const { rows } = await clients[operator].query(floorPull, [fixture.org, viewers[operator].segmentIds, viewers[operator].userId]);
      if (rows.length !== 1) throw new Error("the floor found nothing to pull");
    });
    console.log(`floor: ${floor.pulls} pulls in ${floor.seconds.toFixed(2)} s`);
    await Promise.all(clients.map((c) => c.end()));

    const runs = smoke ? 3 : 30;
    const today = new Date().toLocaleDateString("sv-SE", { timeZone: "America/Sao_Paulo" });
    const month = reportPeriod(reportFilters.parse({ from: new Date(Date.now() - 29 * 86_400_000).toLocaleDateString("sv-SE", { timeZone: "America/Sao_Paulo" }) }), today);
    const pages = [
      { name: "queue page, operator (10 segments + Sem segmento)", ms: await timed(runs, () => listQueues(viewers[0])) },
      { name: "queue page, admin (all 50 segments)", ms: await timed(runs, () => listQueues(admin)) },
      { name: "report, supervisor (10 segments), 30 days", ms: await timed(runs, () => getAttendanceReport(supervisor, month, {})) },
      { name: "report, admin (all), 30 days", ms: await timed(runs, () => getAttendanceReport(admin, month, {})) },
    ];

    const rate = (r: PullResult) => r.pulls / r.seconds;
    lines.push(
      `# Live benchmark — PostgreSQL, ${waiting.toLocaleString("en")} waiting attendances${smoke ? " (smoke)" : ""}, ${new Date().toISOString()}`,
      "",
      `Node ${process.version}, ${os.cpus().length} CPUs. ${SEGMENTS} segments, ${OPERATORS} operators (10 segments each) pulling at once, ` +
        `${pullsPerOperator} pulls each. ours = takeNextAttendance (presence, settings, a per-operator lock, the cap's count, the pull, in a transaction); ` +
        "floor = the same pull (the heads of each queue × channel × priority, then the order) as one statement on a connection per operator. Total: " + `${((performance.now() - started) / 1000).toFixed(0)} s.`,
      "",
      "| Atender próximo | pulls | pulls/s | p95 ms |",
      "|---|--:|--:|--:|",
      `| ours | ${ours.pulls} | ${rate(ours).toFixed(0)} | ${ours.p95Ms.toFixed(1)} |`,
      `| floor (raw SQL) | ${floor.pulls} | ${rate(floor).toFixed(0)} | ${floor.p95Ms.toFixed(1)} |`,
      `| ratio (floor rate / ours) | | ${(rate(floor) / rate(ours)).toFixed(2)} | ${(ours.p95Ms / floor.p95Ms).toFixed(2)} |`,
      "",
      `| page (${runs} runs) | p95 ms |`,
      "|---|--:|",
      ...pages.map((p) => `| ${p.name} | ${p.ms.toFixed(1)} |`),
    );
  } finally {
    await handle.close();
    if (!keep) await onServer(`drop database if exists ${database} with (force)`);
  }
  writeReport(smoke ? "live-smoke.md" : "live.md", lines);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
