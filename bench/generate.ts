// Fills a real PostgreSQL with one organization of N contacts for the benchmark (issue 4).
//   npx tsx bench/generate.ts [--contacts 1000000] [--reset]
// The database is the bench's own (see benchDatabaseUrl): it is created if missing and wiped when
// it holds a different organization, so never point it at a database you care about.
// Everything comes from seeded PRNGs: the same N gives the same rows on every machine.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { pathToFileURL } from "node:url";
import { Client } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { openPostgres } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { mulberry32 } from "../db/seed";
import { companyNames, emailDomains, femaleFirstNames, maleFirstNames, particleSurnames, surnames } from "../db/seed-data";
import { hashPassword } from "../lib/auth/password";
import { generateCnpj, generateCpf } from "../lib/documents/document";

type Random = () => number;

export const benchPassword = "carteira123";
const DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/carteira_bench";

/**
 * The bench's database: BENCH_DATABASE_URL, else DATABASE_URL's server with the bench's own
 * database name (CI sets DATABASE_URL to its test database, which the bench must never wipe).
 */
export function benchDatabaseUrl(database: string) {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  const url = new URL(process.env.DATABASE_URL ?? DEFAULT_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

// Created dates spread over three fixed years (fixed, not "now", so the data is reproducible).
export const CREATED_FROM = Date.UTC(2023, 10, 1);
export const CREATED_UNTIL = Date.UTC(2026, 10, 1);

const SUPERVISORS = 10;
const OPERATORS = 89;
const regions = ["SP", "RJ", "MG", "RS", "PR", "BA", "PE", "CE", "DF", "GO"];
const lines = ["Varejo", "Atacado", "Corporativo", "Cobrança", "Pós-venda"];
const segmentNames = lines.flatMap((line) => regions.map((region) => `${line} ${region}`)); // 50
const areaCodeOf: Record<string, string> = { SP: "11", RJ: "21", MG: "31", RS: "51", PR: "41", BA: "71", PE: "81", CE: "85", DF: "61", GO: "62" };

// ~30 hashtags, each drawn independently: vip is common, the last ones rare (~1 %).
export const tagOdds: [string, number][] = [
  ["vip", 0.2], ["novo", 0.12], ["recorrente", 0.1], ["inadimplente", 0.08], ["b2b", 0.07],
  ["whatsapp", 0.06], ["fidelidade", 0.05], ["premium", 0.05], ["cobranca", 0.04], ["renegociacao", 0.04],
  ["black-friday", 0.035], ["indicacao", 0.03], ["lead-quente", 0.03], ["lead-frio", 0.03], ["aniversariante", 0.025],
  ["reclamacao", 0.025], ["suporte", 0.02], ["upsell", 0.02], ["cross-sell", 0.02], ["atacado", 0.02],
  ["varejo", 0.02], ["interior", 0.015], ["capital", 0.015], ["email-marketing", 0.015], ["sms", 0.012],
  ["churn-risco", 0.012], ["evento-2025", 0.01], ["parceiro", 0.01], ["revenda", 0.01], ["embaixador", 0.01],
];

const companyKinds = [
  "Padaria", "Mercado", "Auto Peças", "Farmácia", "Construtora", "Distribuidora", "Transportadora", "Clínica",
  "Restaurante", "Ótica", "Lojas", "Agropecuária", "Academia", "Papelaria", "Informática", "Imobiliária",
  "Confecções", "Comercial", "Indústria", "Serviços",
];
const companyCores = [
  "Estrela", "Boa Vista", "São Jorge", "Nova Era", "Bom Jesus", "Santa Luzia", "Horizonte", "Aliança", "Progresso",
  "Vitória", "Primavera", "Atlântico", "Cristal", "Dois Irmãos", "Sol Nascente", ...surnames,
];
const companySuffixes = ["Ltda", "Ltda", "Ltda", "ME", "Eireli", "S.A."];

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)];

/** Version-4-shaped UUIDs from a PRNG: ids are known before the rows are sent (for contact_segments). */
function uuids(random: Random) {
  const hex = () => Math.floor(random() * 2 ** 32).toString(16).padStart(8, "0");
  return () => {
    const a = hex(), b = hex(), c = hex(), d = hex();
    return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-${((parseInt(c[0], 16) & 3) | 8).toString(16)}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  };
}

const slugCache = new Map<string, string>();
function slug(word: string) {
  let s = slugCache.get(word);
  if (s === undefined) {
    s = word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "");
    slugCache.set(word, s);
  }
  return s;
}

type Org = {
  organizationId: string;
  responsibleIds: string[]; // operators and supervisors
  segmentIds: string[];
  segmentWeights: number[]; // cumulative: a few big carteiras, many small ones
  membersOf: string[][]; // operators of each segment
};

function pickSegment(random: Random, org: Org) {
  const r = random() * org.segmentWeights[org.segmentWeights.length - 1];
  let i = 0;
  while (org.segmentWeights[i] < r) i++;
  return i;
}

/** Segments of contact i; drawn from their own stream so the contact_segments pass replays them alone. */
function contactSegments(random: Random, org: Org): number[] {
  const r = random();
  if (r < 0.1) return [];
  const first = pickSegment(random, org);
  if (r < 0.7) return [first];
  const second = pickSegment(random, org);
  return second === first ? [first] : [first, second];
}

/**
 * Streams the contacts as COPY text rows. Three PRNG streams: ids and segments are replayed by
 * segmentRows() to link contacts to segments without keeping a million ids in memory.
 */
export function* contactRows(n: number, seed: number, org: Org, onProgress: (done: number) => void) {
  const random = mulberry32(seed);
  const nextId = uuids(mulberry32(seed + 1));
  const segmentRandom = mulberry32(seed + 2);
  const documents = new Set<string>();
  const unique = (make: () => string) => {
    let value = make();
    while (documents.has(value)) value = make();
    documents.add(value);
    return value;
  };
  const span = CREATED_UNTIL - CREATED_FROM;
  let chunk = "";
  for (let i = 1; i <= n; i++) {
    const id = nextId();
    const segments = contactSegments(segmentRandom, org);
    const isCompany = random() < 0.12;
    let name: string;
    let emailLocal: string;
    if (isCompany) {
      name = random() < 0.2
        ? pick(random, companyNames)
        : `${pick(random, companyKinds)} ${pick(random, companyCores)} ${pick(random, companySuffixes)}`;
      emailLocal = `contato.${name.split(" ").slice(0, 2).map(slug).join("")}`;
    } else {
      const first = random() < 0.5 ? pick(random, femaleFirstNames) : pick(random, maleFirstNames);
      const shape = random();
      const middle = shape < 0.3 ? pick(random, surnames) : shape < 0.4 ? pick(random, particleSurnames) : "";
      const last = shape >= 0.4 && shape < 0.55 ? pick(random, particleSurnames) : pick(random, surnames);
      name = middle ? `${first} ${middle} ${last}` : `${first} ${last}`;
      emailLocal = `${slug(first)}.${slug(last.split(" ").pop()!)}${Math.floor(random() * 1000)}`;
    }
    const document = isCompany ? unique(() => generateCnpj(random, random() < 0.3)) : unique(() => generateCpf(random));

    // ~70 % have a responsável, usually an operator of the contact's carteira.
    let responsible = "\\N";
    if (random() < 0.7) {
      const members = segments.length > 0 ? org.membersOf[segments[0]] : [];
      responsible = members.length > 0 && random() < 0.8 ? pick(random, members) : pick(random, org.responsibleIds);
    }

    const tags: string[] = [];
    for (const [tag, odds] of tagOdds) if (random() < odds) tags.push(tag);
    const p = random();
    const priority = p < 0.2 ? "high" : p < 0.8 ? "medium" : "low";

    const area = segments.length > 0 ? areaCodeOf[segmentNames[segments[0]].split(" ").pop()!] : "11";
    const phones: string[] = [];
    const phoneCount = random() < 0.2 ? 0 : random() < 0.7 ? 1 : 2;
    for (let k = 0; k < phoneCount; k++) {
      const rest = String(Math.floor(random() * 1e7)).padStart(7, "0");
      phones.push(k === 0 || !isCompany ? `+55${area}9${6 + Math.floor(random() * 4)}${rest}` : `+55${area}3${rest}`);
    }
    const emails: string[] = [];
    const emailCount = random() < 0.25 ? 0 : random() < 0.8 ? 1 : 2;
    for (let k = 0; k < emailCount; k++) emails.push(`${emailLocal}${k === 0 ? "" : k}@${emailDomains[(i + k) % emailDomains.length]}`);

    const created = CREATED_FROM + Math.floor(random() * span);
    const updated = random() < 0.4 ? created : created + Math.floor(random() * (CREATED_UNTIL - created));
    chunk +=
      `${org.organizationId}\t${id}\t${name}\t${document}\t${isCompany ? "cnpj" : "cpf"}\tCLI-${String(i).padStart(7, "0")}\t` +
      `${responsible}\t{${tags.join(",")}}\t${priority}\t{${phones.join(",")}}\t{${emails.join(",")}}\t` +
      `${new Date(created).toISOString()}\t${new Date(updated).toISOString()}\t{${segments.map((k) => org.segmentIds[k]).sort().join(",")}}\n`;
    if (i % 5000 === 0 || i === n) {
      yield chunk;
      chunk = "";
      onProgress(i);
    }
  }
}

export function* segmentRows(n: number, seed: number, org: Org, onProgress: (done: number) => void) {
  const nextId = uuids(mulberry32(seed + 1));
  const segmentRandom = mulberry32(seed + 2);
  let chunk = "";
  for (let i = 1; i <= n; i++) {
    const id = nextId();
    for (const s of contactSegments(segmentRandom, org)) chunk += `${org.organizationId}\t${id}\t${org.segmentIds[s]}\n`;
    if (i % 10000 === 0 || i === n) {
      yield chunk;
      chunk = "";
      onProgress(i);
    }
  }
}

/** COPY … FROM STDIN fed by a generator of text chunks; the stream's backpressure paces the generator. */
async function copyInto(client: Client, label: string, sql: string, rows: Iterable<string>) {
  const started = performance.now();
  const copy = client.query(copyFrom(sql));
  await pipeline(Readable.from(rows), copy);
  const seconds = (performance.now() - started) / 1000;
  console.log(`  ${label}: ${copy.rowCount.toLocaleString("en")} rows in ${seconds.toFixed(1)} s, ${Math.round(copy.rowCount / seconds).toLocaleString("en")} rows/s`);
}

export function progress(label: string, total: number) {
  const started = performance.now();
  let last = 0;
  return (done: number) => {
    if (done - last < total / 10 && done !== total) return;
    last = done;
    const seconds = (performance.now() - started) / 1000;
    console.log(`  ${label}: ${done.toLocaleString("en")} / ${total.toLocaleString("en")} contacts, ${Math.round(done / seconds).toLocaleString("en")} contacts/s`);
  };
}

async function createDatabaseIfMissing(url: string) {
  const target = new URL(url);
  const database = decodeURIComponent(target.pathname.slice(1));
  const server = new URL(url);
  server.pathname = "/postgres";
  const admin = new Client({ connectionString: server.toString() });
  await admin.connect();
  try {
    const { rowCount } = await admin.query("select 1 from pg_database where datname = $1", [database]);
    if (!rowCount) await admin.query(`create database "${database.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
}

async function migrate(url: string) {
  const handle = openPostgres(url);
  try {
    await migrateDatabase(handle);
  } finally {
    await handle.close();
  }
}

export const orgName = (n: number) => `Bench (${n} contatos)`;

export type GenerateResult = { organizationId: string; generated: boolean; seconds: number };

/**
 * Makes sure the bench database holds exactly the bench organization of n contacts: skips when it
 * already does (re-running the bench is fast), otherwise wipes the database and generates it.
 */
export async function ensureBenchData(url: string, n: number, options: { reset?: boolean; seed?: number } = {}): Promise<GenerateResult> {
  const started = performance.now();
  await createDatabaseIfMissing(url);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const applied = await appliedMigrations(client);
    await migrate(url);
    const { rows } = await client.query<{ id: string; name: string }>("select id, name from organizations");
    if (!options.reset && rows.length === 1 && rows[0].name === orgName(n)) {
      // A migration that landed since the data was generated (new indexes): refresh the statistics.
      if ((await appliedMigrations(client)) !== applied) await client.query("vacuum analyze");
      return { organizationId: rows[0].id, generated: false, seconds: (performance.now() - started) / 1000 };
    }
    if (rows.length > 0 || options.reset) {
      console.log(`Wiping ${new URL(url).pathname.slice(1)} (it holds ${rows.map((r) => r.name).join(", ") || "nothing"})`);
      await client.query("drop schema if exists drizzle cascade; drop schema public cascade; create schema public");
      await migrate(url);
    }
    const organizationId = await generate(client, n, options.seed ?? 0xbe4c);
    const seconds = (performance.now() - started) / 1000;
    console.log(`Generated ${n.toLocaleString("en")} contacts in ${seconds.toFixed(1)} s`);
    return { organizationId, generated: true, seconds };
  } finally {
    await client.end();
  }
}

async function appliedMigrations(client: Client): Promise<number> {
  const { rows } = await client.query<{ exists: boolean }>("select to_regclass('drizzle.__drizzle_migrations') is not null as exists");
  if (!rows[0].exists) return 0;
  const { rows: count } = await client.query<{ n: number }>("select count(*)::int as n from drizzle.__drizzle_migrations");
  return count[0].n;
}

type Query = (text: string, values: unknown[]) => Promise<unknown>;

/** The organization, its users, segments and memberships; returns what the contact rows draw from. */
export async function createOrganization(query: Query, n: number, seed: number): Promise<Org> {
  const random = mulberry32(seed + 3);
  const nextId = uuids(random);
  const passwordHash = await hashPassword(benchPassword); // slow on purpose: once, shared by every user
  const organizationId = nextId();

  // Users: 1 admin, 10 supervisors, 89 operators. Segments: 50, a few big and many small.
  const users = [
    { id: nextId(), name: "Amanda Bench", email: "admin@bench.test", role: "admin" },
    ...Array.from({ length: SUPERVISORS }, (_, i) => ({ id: nextId(), name: `${pick(random, femaleFirstNames)} ${pick(random, surnames)}`, email: `supervisor${i + 1}@bench.test`, role: "supervisor" })),
    ...Array.from({ length: OPERATORS }, (_, i) => ({ id: nextId(), name: `${pick(random, maleFirstNames)} ${pick(random, surnames)}`, email: `operador${i + 1}@bench.test`, role: "operator" })),
  ];
  const segmentIds = segmentNames.map(() => nextId());
  const supervisors = users.filter((u) => u.role === "supervisor");
  const operators = users.filter((u) => u.role === "operator");
  const memberships: [number, string][] = [];
  // Every segment gets an operator first; then each operator is in 1–2 segments, supervisors in 3–6.
  operators.forEach((u, i) => {
    const own = new Set([i % segmentIds.length]);
    if (random() < 0.5) own.add(Math.floor(random() * segmentIds.length));
    for (const s of own) memberships.push([s, u.id]);
  });
  for (const u of supervisors) {
    const own = new Set<number>();
    const count = 3 + Math.floor(random() * 4);
    while (own.size < count) own.add(Math.floor(random() * segmentIds.length));
    for (const s of own) memberships.push([s, u.id]);
  }

  await query("insert into organizations (id, name) values ($1, $2)", [organizationId, orgName(n)]);
  await query(
    `insert into users (organization_id, id, name, email, role, password_hash)
     select $1, * from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[])`,
    [organizationId, users.map((u) => u.id), users.map((u) => u.name), users.map((u) => u.email), users.map((u) => u.role), users.map(() => passwordHash)],
  );
  await query("insert into segments (organization_id, id, name) select $1, * from unnest($2::uuid[], $3::text[])", [organizationId, segmentIds, segmentNames]);
  await query(
    "insert into segment_members (organization_id, segment_id, user_id) select $1, * from unnest($2::uuid[], $3::uuid[])",
    [organizationId, memberships.map(([s]) => segmentIds[s]), memberships.map(([, u]) => u)],
  );
  console.log(`Organization ${organizationId}: ${users.length} users, ${segmentIds.length} segments, ${memberships.length} memberships`);

  let cumulative = 0;
  return {
    organizationId,
    responsibleIds: [...operators, ...supervisors].map((u) => u.id),
    segmentIds,
    segmentWeights: segmentIds.map((_, i) => (cumulative += 1 / Math.sqrt(i + 1))),
    membersOf: segmentIds.map((_, s) => memberships.filter(([ms, userId]) => ms === s && operators.some((o) => o.id === userId)).map(([, userId]) => userId)),
  };
}

export const contactColumns =
  "organization_id, id, name, document, document_type, customer_code, responsible_user_id, tags, priority, phones, emails, created_at, updated_at, segment_ids";

// The contacts arrive with their segment_ids already (sorted, as the mirror keeps them), so the
// links are copied with the mirror's triggers off: they would rewrite every contact a second time.
export const linksWithoutMirror = { before: "alter table contact_segments disable trigger user", after: "alter table contact_segments enable trigger user" };

async function generate(client: Client, n: number, seed: number): Promise<string> {
  // One transaction: an interrupted run leaves nothing, so a half-filled organization is never benchmarked.
  await client.query("begin");
  await client.query("set local synchronous_commit = off");
  const org = await createOrganization((text, values) => client.query(text, values), n, seed);
  await copyInto(client, "contacts", `copy contacts (${contactColumns}) from stdin`, contactRows(n, seed, org, progress("contacts", n)));
  await client.query(linksWithoutMirror.before);
  await copyInto(client, "contact_segments", "copy contact_segments (organization_id, contact_id, segment_id) from stdin", segmentRows(n, seed, org, progress("segment links", n)));
  await client.query(linksWithoutMirror.after);
  await client.query("commit");

  // VACUUM, not only ANALYZE: it also merges the GIN pending lists and sets the visibility map, so
  // the bench measures a settled table (index-only scans), as production would be.
  const vacuumStarted = performance.now();
  await client.query("vacuum analyze");
  console.log(`  vacuum analyze: ${((performance.now() - vacuumStarted) / 1000).toFixed(1)} s`);
  return org.organizationId;
}

function argument(name: string) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const n = Number(argument("--contacts") ?? 1_000_000);
  const url = benchDatabaseUrl(argument("--database") ?? "carteira_bench");
  ensureBenchData(url, n, { reset: process.argv.includes("--reset") })
    .then((result) => {
      if (!result.generated) console.log(`Already generated: ${n.toLocaleString("en")} contacts in ${new URL(url).pathname.slice(1)}`);
      process.exit(0);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
