import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { contacts, contactSegments, organizations, segments, users } from "@/db/schema";
import { mulberry32 } from "@/db/seed";
import { createWorld, type World } from "@/db/testing/world";
import type { Viewer } from "@/lib/auth/viewer";
import { generateCpf } from "@/lib/documents/document";
import { parseContactFilters, type ContactFilters, type ContactSort } from "./contact-filters";
import { countContacts, exactCountLimit, findContacts, type ContactListRequest, type ContactPage } from "./contact-list";
import type { Priority } from "./priority";

// The list of /contacts against a dataset whose every attribute this file chose: ~50 contacts in
// organization A (the 7 of the test world, rewritten, plus 40 generated from a fixed seed plus a
// few written for the quick search) and 2 in organization B. Expected results are computed in JS
// from that fixture data (never by running SQL), and a few crucial ones are also written out.

type Row = {
  key: string;
  id: string;
  organizationId: string;
  code: string;
  document: string;
  name: string;
  segments: string[];
  responsible: string | null;
  tags: string[];
  priority: Priority;
  phones: string[];
  emails: string[];
  createdAt: string;
  updatedAt: string;
};

let world: World;
let viewers: { admin: Viewer; supervisor: Viewer; operator: Viewer; otherOperator: Viewer; responsibleOnly: Viewer; adminB: Viewer };
let s4: string;
/** Every contact of organization A, as this file wrote it. */
let rowsA: Row[];
/** Organization B's contacts: never in a result for a viewer of A. */
let rowsB: Row[];
const byKey = (key: string) => {
  const row = [...rowsA, ...rowsB].find((r) => r.key === key);
  if (!row) throw new Error(`no fixture row ${key}`);
  return row;
};

// ---------------------------------------------------------------------------------------------
// Fixture

const namePool = [
  "Adriana Lopes", "Bruno Costa", "Camila Rocha", "Diego Martins", "Eduarda Nunes", "Felipe Araujo",
  "Gabriela Dias", "Heitor Ramos", "Isabela Freitas", "Lucas Moreira", "Mariana Teixeira", "Nicolas Barbosa",
  "Olivia Cardoso", "Pedro Henrique Alves", "Quiteria Mendes", "Rafael Gomes", "Sabrina Castro", "Tiago Ribeiro",
  "Ursula Fernandes", "Vinicius Correia", "Wesley Pinto", "Xavier Duarte", "Yasmin Azevedo", "Zuleica Monteiro",
  "Beatriz Carvalho", "Carlos Eduardo Lima", "Daniela Vieira", "Enzo Cavalcanti", "Fernanda Moura", "Gustavo Rezende",
  "Helena Batista", "Igor Nascimento", "Juliana Farias", "Karina Campos", "Leonardo Peixoto", "Marcos Tavares",
];
const tagPool: [string, number][] = [["vip", 0.4], ["novo", 0.35], ["inadimplente", 0.25], ["pos-venda", 0.15]];
const priorityPool: Priority[] = ["high", "medium", "low"];
const march1 = Date.UTC(2026, 2, 1, 3); // 00:00 on 1 March 2026 in São Paulo (UTC−3, no DST since 2019)

/** The day of an instant in America/Sao_Paulo, as YYYY-MM-DD; computed by ICU, not by the database. */
const spDay = (iso: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "America/Sao_Paulo", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(iso),
  );

async function buildFixture() {
  world = await createWorld();
  const db = getDb();
  const orgA = world.orgA;
  const { admin, supervisor, operator, otherOperator, adminB } = world.viewers;
  const { s1, s2, s3, sB } = world.segments;
  [{ id: s4 }] = await db.insert(segments).values({ organizationId: orgA, name: "S4 (sem membros)" }).returning({ id: segments.id });
  const email = `so-responsavel.${randomUUID()}@test.local`;
  const [resp] = await db
    .insert(users)
    .values({ organizationId: orgA, name: "Só Responsável", email, role: "operator", passwordHash: "x" })
    .returning({ id: users.id });
  const responsibleOnly: Viewer = { userId: resp.id, organizationId: orgA, role: "operator", name: "Só Responsável", email, segmentIds: [] };
  viewers = { admin, supervisor, operator, otherOperator, responsibleOnly, adminB };

  const random = mulberry32(20260305);
  const pick = <T,>(values: readonly T[]) => values[Math.floor(random() * values.length)];
  const responsibles = [null, null, operator.userId, otherOperator.userId, supervisor.userId, resp.id];
  const minute = 60 * 1000;
  const randomRow = (key: string, i: number): Omit<Row, "id" | "organizationId" | "code" | "document" | "name"> => {
    const segmentIds = [s1, s2, s3].filter(() => random() < 0.35);
    if (random() < 0.1) segmentIds.push(s4);
    const created = march1 + Math.floor(random() * 20 * 24 * 60) * minute;
    const updated = created + Math.floor(random() * 10 * 24 * 60) * minute;
    return {
      key,
      segments: segmentIds,
      responsible: pick(responsibles),
      tags: tagPool.filter(([, p]) => random() < p).map(([tag]) => tag),
      priority: pick(priorityPool),
      phones: random() < 0.6 ? [`+55219${String(10_000_000 + i * 37).padStart(8, "0")}`] : [],
      emails: random() < 0.5 ? [`cliente${i}@example.org`] : [],
      createdAt: new Date(created).toISOString(),
      updatedAt: new Date(updated).toISOString(),
    };
  };

  // The 40 generated contacts, K0…K39. Overrides pin the cases the tests need.
  const generated: Row[] = Array.from({ length: 40 }, (_, i) => ({
    ...randomRow(`K${i}`, i),
    id: "",
    organizationId: orgA,
    code: `K${i}`,
    document: generateCpf(),
    name: namePool[i % namePool.length], // 36…39 repeat 0…3: ties on the name
  }));
  const g = (i: number, patch: Partial<Row>) => Object.assign(generated[i], patch);
  // Creation days in São Paulo at the edges of 5 March.
  g(0, { createdAt: "2026-03-06T02:30:00.000Z", updatedAt: "2026-03-20T12:00:00.000Z" }); // 23:30 on the 5th
  g(2, { createdAt: "2026-03-06T03:00:00.000Z", updatedAt: "2026-03-20T12:00:00.000Z" }); // 00:00 on the 6th
  g(3, { createdAt: "2026-03-05T03:00:00.000Z", updatedAt: "2026-03-20T12:00:00.000Z" }); // 00:00 on the 5th
  g(4, { createdAt: "2026-03-05T02:59:59.999Z", updatedAt: "2026-03-20T12:00:00.000Z" }); // 23:59:59.999 on the 4th
  g(5, { createdAt: "2026-03-05T15:00:00.000Z", updatedAt: "2026-03-20T12:00:00.000Z" }); // noon on the 5th
  // Update days in São Paulo at the edges of 15 March.
  g(6, { createdAt: "2026-03-02T10:00:00.000Z", updatedAt: "2026-03-16T02:30:00.000Z" }); // 23:30 on the 15th
  g(7, { createdAt: "2026-03-02T10:00:00.000Z", updatedAt: "2026-03-16T03:00:00.000Z" }); // 00:00 on the 16th
  g(8, { createdAt: "2026-03-02T10:00:00.000Z", updatedAt: "2026-03-15T03:00:00.000Z" }); // 00:00 on the 15th
  g(9, { createdAt: "2026-03-02T10:00:00.000Z", updatedAt: "2026-03-15T02:59:59.999Z" }); // 23:59:59.999 on the 14th
  // Ties: four contacts created at the same instant, two of them also of the same priority.
  for (const i of [10, 11, 12, 13]) g(i, { createdAt: "2026-03-10T15:00:00.000Z", updatedAt: "2026-03-22T15:00:00.000Z" });
  g(10, { priority: "high" });
  g(11, { priority: "high" });
  // Ties on the update instant.
  for (const i of [20, 21, 22, 23]) g(i, { updatedAt: "2026-03-25T18:00:00.000Z" });
  // The three combined filters (S1 + #vip + Alta): two matches and a near miss on each axis.
  g(14, { segments: [s1], tags: ["vip"], priority: "high" });
  g(15, { segments: [s1, s3], tags: ["vip", "novo"], priority: "high" });
  g(16, { segments: [s1], tags: ["vip"], priority: "medium" });
  g(17, { segments: [s1], tags: ["novo"], priority: "high" });
  g(18, { segments: [s2], tags: ["vip"], priority: "high" });
  // K1 sorts last by name among K1, K10…K19 (the exact-código test); K30 has neither phone nor e-mail.
  g(1, { name: "Zenaide Xavier" });
  g(30, { phones: [], emails: [] });

  // Written for the quick search.
  const cpfX = generateCpf();
  const extra = (key: string, patch: Partial<Row>): Row => ({
    ...randomRow(key, 100 + key.length),
    id: "",
    organizationId: orgA,
    code: `X-${key}`,
    document: generateCpf(),
    name: key,
    phones: [],
    emails: [],
    ...patch,
  });
  const written: Row[] = [
    extra("joao", { name: "João da Silva", phones: ["+5511987654321", "+5521999990000"], emails: ["joao.silva@example.com"] }),
    extra("joaozinho", { name: "Joãozinho Pereira", phones: ["+5511987654322"], emails: ["joao.silva@example.com.br"] }),
    extra("silvana", { name: "Silvana Costa", emails: ["silvana@example.net", "x.second@example.net"] }),
    // docOwner's document is the search term; codeLikeDoc's código begins with it and is newer.
    extra("docOwner", { name: "Dono do Documento", document: cpfX, createdAt: "2026-02-01T12:00:00.000Z", updatedAt: "2026-02-01T12:00:00.000Z" }),
    extra("codeLikeDoc", { name: "Codigo Parecido", code: `${cpfX}-B`, createdAt: "2026-03-28T12:00:00.000Z", updatedAt: "2026-03-28T12:00:00.000Z" }),
  ];

  // Insert generated and written contacts.
  for (const row of [...generated, ...written]) await insertRow(row);

  // The test world's 7 contacts of A keep their segments and responsável; everything else is rewritten.
  const worldNames = ["Otavio Reis", "Paula Santos", "Renata Souza", "Sergio Prado", "Tania Lins", "Valter Brito", "Wagner Melo"];
  const worldSegments: Record<string, string[]> = {
    inS1: [s1], inS2: [s2], inS3: [s3], inS1andS3: [s1, s3], noSegment: [], operatorResponsible: [], codeInA: [s3],
  };
  const worldRows: Row[] = Object.entries(worldSegments).map(([key, segmentIds], i) => ({
    ...randomRow(`world.${key}`, 200 + i),
    segments: segmentIds,
    responsible: key === "operatorResponsible" ? operator.userId : null,
    id: world.contacts[key as keyof World["contacts"]],
    organizationId: orgA,
    code: `W-${key}`,
    document: generateCpf(),
    name: worldNames[i],
  }));
  const worldB: Row = {
    ...randomRow("world.contactB", 300),
    segments: [sB],
    responsible: null,
    id: world.contacts.contactB,
    organizationId: world.orgB,
    code: "W-contactB",
    document: generateCpf(),
    name: "Contato de B",
  };
  for (const row of [...worldRows, worldB]) {
    await db
      .update(contacts)
      .set({
        name: row.name,
        customerCode: row.code,
        document: row.document,
        documentType: "cpf",
        tags: row.tags,
        priority: row.priority,
        phones: row.phones,
        emails: row.emails,
        createdAt: sql`${row.createdAt}::timestamptz`,
        updatedAt: sql`${row.updatedAt}::timestamptz`,
      })
      .where(eq(contacts.id, row.id));
  }

  // Organization B: contacts that match every filter, in B's segment, to prove nothing leaks across.
  const inB = (key: string): Row => ({
    key, id: "", organizationId: world.orgB, code: `K1-${key}`, document: generateCpf(), name: `Bruno Costa ${key}`,
    segments: [sB], responsible: adminB.userId, tags: ["vip", "novo", "inadimplente", "pos-venda"], priority: "high",
    phones: ["+5511987654321"], emails: ["joao.silva@example.com"],
    createdAt: "2026-03-05T15:00:00.000Z", updatedAt: "2026-03-15T15:00:00.000Z",
  });
  const ownB = [inB("b1"), { ...inB("b2"), responsible: null, segments: [], tags: [], phones: [], emails: [] }];
  for (const row of ownB) await insertRow(row);
  rowsB = [...ownB, worldB];

  rowsA = [...generated, ...written, ...worldRows];
}

async function insertRow(row: Row) {
  const db = getDb();
  const [inserted] = await db
    .insert(contacts)
    .values({
      organizationId: row.organizationId,
      name: row.name,
      document: row.document,
      documentType: "cpf",
      customerCode: row.code,
      responsibleUserId: row.responsible,
      tags: row.tags,
      priority: row.priority,
      phones: row.phones,
      emails: row.emails,
      createdAt: sql`${row.createdAt}::timestamptz`,
      updatedAt: sql`${row.updatedAt}::timestamptz`,
    })
    .returning({ id: contacts.id });
  row.id = inserted.id;
  if (row.segments.length > 0) {
    await db
      .insert(contactSegments)
      .values(row.segments.map((segmentId) => ({ organizationId: row.organizationId, contactId: row.id, segmentId })));
  }
}

// ---------------------------------------------------------------------------------------------
// The rules, restated in JS over the fixture

function visibleTo(viewer: Viewer, row: Row) {
  if (row.organizationId !== viewer.organizationId) return false;
  if (viewer.role === "admin") return true;
  return row.responsible === viewer.userId || row.segments.some((s) => viewer.segmentIds.includes(s));
}

function matches(filters: Partial<ContactFilters>, row: Row) {
  const f = filters;
  if (f.segment?.length && !row.segments.some((s) => f.segment!.includes(s))) return false;
  if (f.noSegment && row.segments.length > 0) return false;
  if (f.responsible?.length && !f.responsible.includes(row.responsible ?? "none")) return false;
  if (f.tagAll?.length && !f.tagAll.every((t) => row.tags.includes(t))) return false;
  if (f.tagAny?.length && !f.tagAny.some((t) => row.tags.includes(t))) return false;
  if (f.tagNone?.length && f.tagNone.some((t) => row.tags.includes(t))) return false;
  if (f.priority?.length && !f.priority.includes(row.priority)) return false;
  if (f.createdFrom && spDay(row.createdAt) < f.createdFrom) return false;
  if (f.createdTo && spDay(row.createdAt) > f.createdTo) return false;
  if (f.updatedFrom && spDay(row.updatedAt) < f.updatedFrom) return false;
  if (f.updatedTo && spDay(row.updatedAt) > f.updatedTo) return false;
  if (f.hasPhone && (row.phones.length > 0) !== (f.hasPhone === "yes")) return false;
  if (f.hasEmail && (row.emails.length > 0) !== (f.hasEmail === "yes")) return false;
  return true;
}

const everyRow = () => [...rowsA, ...rowsB];
const expectedIds = (viewer: Viewer, filters: Partial<ContactFilters>) =>
  everyRow().filter((r) => visibleTo(viewer, r) && matches(filters, r)).map((r) => r.id).sort();

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const time = (iso: string) => new Date(iso).getTime();
const rank: Record<Priority, number> = { high: 3, medium: 2, low: 1 };

/** The order each sort promises, ties broken by id in the sort's direction. */
const comparators: Record<ContactSort, (a: Row, b: Row) => number> = {
  created: (a, b) => time(b.createdAt) - time(a.createdAt) || byCodePoint(b.id, a.id),
  updated: (a, b) => time(b.updatedAt) - time(a.updatedAt) || byCodePoint(b.id, a.id),
  name: (a, b) => byCodePoint(a.name, b.name) || byCodePoint(a.id, b.id),
  priority: (a, b) => rank[b.priority] - rank[a.priority] || time(b.createdAt) - time(a.createdAt) || byCodePoint(b.id, a.id),
};

const ids = (page: ContactPage) => page.items.map((c) => c.id);

/** Every id the list returns, following nextCursor. */
async function listAll(viewer: Viewer, request: ContactListRequest = {}, limit = 100): Promise<string[]> {
  const seen: string[] = [];
  let page = await findContacts(viewer, { ...request, limit });
  seen.push(...ids(page));
  for (let guard = 0; page.nextCursor; guard++) {
    expect(guard).toBeLessThan(200);
    page = await findContacts(viewer, { ...request, limit, after: page.nextCursor });
    seen.push(...ids(page));
  }
  return seen;
}

const sorted = (values: string[]) => [...values].sort();

beforeAll(buildFixture, 60_000);

// ---------------------------------------------------------------------------------------------

describe("the fixture", () => {
  it("holds what the tests rely on", async () => {
    expect(rowsA.length).toBe(52);
    expect(new Set(rowsA.map((r) => r.id)).size).toBe(52);
    // The admin sees exactly the fixture of A, nothing of B.
    expect(sorted(await listAll(viewers.admin))).toEqual(sorted(rowsA.map((r) => r.id)));
    expect(sorted(await listAll(viewers.adminB))).toEqual(sorted(rowsB.map((r) => r.id)));
    // São Paulo days, as ICU computes them, at the edges.
    expect(["K0", "K2", "K3", "K4"].map((k) => spDay(byKey(k).createdAt))).toEqual(["2026-03-05", "2026-03-06", "2026-03-05", "2026-03-04"]);
    expect(["K6", "K7", "K8", "K9"].map((k) => spDay(byKey(k).updatedAt))).toEqual(["2026-03-15", "2026-03-16", "2026-03-15", "2026-03-14"]);
  });
});

type FilterCase = { name: string; filters: () => Partial<ContactFilters>; emptyForAdmin?: boolean };

const filterCases: FilterCase[] = [
  { name: "one segment", filters: () => ({ segment: [world.segments.s1] }) },
  { name: "several segments", filters: () => ({ segment: [world.segments.s2, world.segments.s3] }) },
  { name: "a segment nobody belongs to", filters: () => ({ segment: [s4] }) },
  { name: "another organization's segment", filters: () => ({ segment: [world.segments.sB] }), emptyForAdmin: true },
  { name: "a segment of A and one of B", filters: () => ({ segment: [world.segments.sB, world.segments.s2] }) },
  { name: "without segment", filters: () => ({ noSegment: true }) },
  { name: "one responsável", filters: () => ({ responsible: [viewers.operator.userId] }) },
  { name: "several responsáveis", filters: () => ({ responsible: [viewers.otherOperator.userId, viewers.responsibleOnly.userId] }) },
  { name: "sem responsável", filters: () => ({ responsible: ["none"] }) },
  { name: "a responsável or sem responsável", filters: () => ({ responsible: [viewers.supervisor.userId, "none"] }) },
  { name: "another organization's user as responsável", filters: () => ({ responsible: [viewers.adminB.userId] }), emptyForAdmin: true },
  { name: "all of #vip", filters: () => ({ tagAll: ["vip"] }) },
  { name: "all of #vip #novo", filters: () => ({ tagAll: ["vip", "novo"] }) },
  { name: "any of #inadimplente #pos-venda", filters: () => ({ tagAny: ["inadimplente", "pos-venda"] }) },
  { name: "none of #vip", filters: () => ({ tagNone: ["vip"] }) },
  { name: "none of #vip #novo", filters: () => ({ tagNone: ["vip", "novo"] }) },
  { name: "an unused hashtag", filters: () => ({ tagAny: ["nao-existe"] }), emptyForAdmin: true },
  { name: "priority Alta", filters: () => ({ priority: ["high"] }) },
  { name: "priority Alta or Baixa", filters: () => ({ priority: ["high", "low"] }) },
  { name: "created on 5 March", filters: () => ({ createdFrom: "2026-03-05", createdTo: "2026-03-05" }) },
  { name: "created from 6 March", filters: () => ({ createdFrom: "2026-03-06" }) },
  { name: "created up to 5 March", filters: () => ({ createdTo: "2026-03-05" }) },
  { name: "created 3–10 March", filters: () => ({ createdFrom: "2026-03-03", createdTo: "2026-03-10" }) },
  { name: "updated on 15 March", filters: () => ({ updatedFrom: "2026-03-15", updatedTo: "2026-03-15" }) },
  { name: "updated from 16 March", filters: () => ({ updatedFrom: "2026-03-16" }) },
  { name: "updated up to 14 March", filters: () => ({ updatedTo: "2026-03-14" }) },
  { name: "with phone", filters: () => ({ hasPhone: "yes" }) },
  { name: "without phone", filters: () => ({ hasPhone: "no" }) },
  { name: "with e-mail", filters: () => ({ hasEmail: "yes" }) },
  { name: "without e-mail", filters: () => ({ hasEmail: "no" }) },
  { name: "S1 + #vip + Alta", filters: () => ({ segment: [world.segments.s1], tagAll: ["vip"], priority: ["high"] }) },
  { name: "sem responsável + without segment", filters: () => ({ responsible: ["none"], noSegment: true }) },
  { name: "any of #vip #novo, none of #inadimplente, without phone", filters: () => ({ tagAny: ["vip", "novo"], tagNone: ["inadimplente"], hasPhone: "no" }) },
];

describe("each filter (admin of A)", () => {
  it.each(filterCases)("$name", async ({ filters, emptyForAdmin }) => {
    const expected = expectedIds(viewers.admin, filters());
    // A filter case that selects nothing or everything would prove nothing.
    if (emptyForAdmin) expect(expected).toEqual([]);
    else {
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(rowsA.length);
    }
    expect(sorted(await listAll(viewers.admin, filters()))).toEqual(expected);
  });

  it("dates are days in São Paulo: 23:30 on the 5th (02:30 UTC on the 6th) is on the 5th", async () => {
    const k = (...keys: string[]) => keys.map((key) => byKey(key).id);
    const on5th = await listAll(viewers.admin, { createdFrom: "2026-03-05", createdTo: "2026-03-05" });
    expect(on5th).toEqual(expect.arrayContaining(k("K0", "K3", "K5")));
    expect(on5th).not.toContain(byKey("K2").id);
    expect(on5th).not.toContain(byKey("K4").id);
    const from6th = await listAll(viewers.admin, { createdFrom: "2026-03-06" });
    expect(from6th).toContain(byKey("K2").id);
    expect(from6th).not.toContain(byKey("K0").id);
    const upTo4th = await listAll(viewers.admin, { createdTo: "2026-03-04" });
    expect(upTo4th).toContain(byKey("K4").id);
    expect(upTo4th).not.toContain(byKey("K3").id);

    const updated15th = await listAll(viewers.admin, { updatedFrom: "2026-03-15", updatedTo: "2026-03-15" });
    expect(updated15th).toEqual(expect.arrayContaining(k("K6", "K8")));
    expect(updated15th).not.toContain(byKey("K7").id);
    expect(updated15th).not.toContain(byKey("K9").id);
  });

  it("S1 + #vip + Alta holds the two pinned matches and none of the near misses", async () => {
    const found = await listAll(viewers.admin, { segment: [world.segments.s1], tagAll: ["vip"], priority: ["high"] });
    expect(found).toEqual(expect.arrayContaining([byKey("K14").id, byKey("K15").id]));
    for (const miss of ["K16", "K17", "K18"]) expect(found).not.toContain(byKey(miss).id);
  });

  it("a filter from a URL that lost its values filters nothing", async () => {
    const all = sorted(rowsA.map((r) => r.id));
    expect(sorted(await listAll(viewers.admin, { segment: [], responsible: [], tagAll: [], priority: [] }))).toEqual(all);
  });
});

describe("the visibility predicate under every filter", () => {
  const scoped = ["operator", "supervisor", "otherOperator", "responsibleOnly"] as const;
  const cases = scoped.flatMap((viewer) => filterCases.map((c) => ({ viewer, ...c })));

  it.each(cases)("$viewer: $name", async ({ viewer: key, filters }) => {
    const viewer = viewers[key];
    const visible = new Set(everyRow().filter((r) => visibleTo(viewer, r)).map((r) => r.id));
    const found = await listAll(viewer, filters());
    // Never more than the viewer may see…
    for (const id of found) expect(visible.has(id)).toBe(true);
    // …and exactly the visible contacts that match.
    expect(sorted(found)).toEqual(expectedIds(viewer, filters()));
    expect(await countContacts(viewer, filters())).toEqual({ value: found.length, exact: true });
  });

  it("filtering by a segment the viewer is not in shows only contacts they already see", async () => {
    const { operator, supervisor } = viewers;
    const { s1, s3, sB } = world.segments;
    const inS3 = await listAll(operator, { segment: [s3] });
    // The operator (S1) sees, of S3, only contacts also in S1 or that they are responsável for.
    const expected = rowsA.filter((r) => r.segments.includes(s3) && (r.segments.includes(s1) || r.responsible === operator.userId));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(rowsA.filter((r) => r.segments.includes(s3)).length);
    expect(sorted(inS3)).toEqual(sorted(expected.map((r) => r.id)));
    // S4 has no members: the supervisor sees only what they see through S1, S2 or as responsável.
    const inS4 = await listAll(supervisor, { segment: [s4] });
    for (const id of inS4) expect(visibleTo(supervisor, rowsA.find((r) => r.id === id)!)).toBe(true);
    expect(sorted(inS4)).toEqual(expectedIds(supervisor, { segment: [s4] }));
    // Another organization's segment shows nothing, to anyone of A.
    for (const viewer of [operator, supervisor, viewers.admin]) expect(await listAll(viewer, { segment: [sB] })).toEqual([]);
    // Organization B's admin cannot reach A's contacts through A's segment ids.
    expect(await listAll(viewers.adminB, { segment: [s1] })).toEqual([]);
    expect(await listAll(viewers.adminB, { responsible: [operator.userId] })).toEqual([]);
  });

  it("a viewer with no segment sees only their own contacts, whatever the filter", async () => {
    const viewer = viewers.responsibleOnly;
    const own = sorted(rowsA.filter((r) => r.responsible === viewer.userId).map((r) => r.id));
    expect(own.length).toBeGreaterThan(0);
    expect(sorted(await listAll(viewer))).toEqual(own);
    expect(sorted(await listAll(viewer, { noSegment: false, segment: [world.segments.s1, world.segments.s2, world.segments.s3, s4] })))
      .toEqual(expectedIds(viewer, { segment: [world.segments.s1, world.segments.s2, world.segments.s3, s4] }));
  });
});

describe("sorts", () => {
  const sortNames: ContactSort[] = ["created", "updated", "name", "priority"];

  it.each(sortNames)("%s orders the whole list as promised", async (sort) => {
    const expected = [...rowsA].sort(comparators[sort]).map((r) => r.id);
    expect(await listAll(viewers.admin, { sort })).toEqual(expected);
  });

  it("priority: Alta first, then Média, then Baixa; newest first within each", async () => {
    const page = await findContacts(viewers.admin, { sort: "priority", limit: 100 });
    const priorities = page.items.map((c) => c.priority);
    const firstMedium = priorities.indexOf("medium");
    const firstLow = priorities.indexOf("low");
    expect(priorities.slice(0, firstMedium).every((p) => p === "high")).toBe(true);
    expect(priorities.slice(firstMedium, firstLow).every((p) => p === "medium")).toBe(true);
    expect(priorities.slice(firstLow).every((p) => p === "low")).toBe(true);
    for (let i = 1; i < page.items.length; i++) {
      if (page.items[i].priority === page.items[i - 1].priority) {
        expect(page.items[i].createdAt.getTime()).toBeLessThanOrEqual(page.items[i - 1].createdAt.getTime());
      }
    }
  });

  it("name: A to Z; updated: newest update first; created: newest first", async () => {
    const names = (await findContacts(viewers.admin, { sort: "name", limit: 100 })).items.map((c) => c.name);
    expect(names[0]).toBe("Adriana Lopes");
    expect(names.at(-1)).toBe("Zuleica Monteiro");
    expect(names).toEqual([...names].sort(byCodePoint));
    const updated = (await findContacts(viewers.admin, { sort: "updated", limit: 100 })).items.map((c) => c.updatedAt.getTime());
    expect(updated).toEqual([...updated].sort((a, b) => b - a));
    const created = (await findContacts(viewers.admin, { sort: "created", limit: 100 })).items.map((c) => c.createdAt.getTime());
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });

  it("the fixture has ties on every sort key", () => {
    const count = (key: (r: Row) => string) => rowsA.length - new Set(rowsA.map(key)).size;
    expect(count((r) => r.createdAt)).toBeGreaterThan(0);
    expect(count((r) => r.updatedAt)).toBeGreaterThan(0);
    expect(count((r) => r.name)).toBeGreaterThan(0);
    expect(count((r) => `${r.priority}|${r.createdAt}`)).toBeGreaterThan(0);
  });

  const pagingCases = sortNames.flatMap((sort) => [
    { sort, viewer: "admin" as const, filters: {} as Partial<ContactFilters> },
    { sort, viewer: "supervisor" as const, filters: { tagAny: ["vip", "novo"] } as Partial<ContactFilters> },
  ]);

  it.each(pagingCases)("paging by $sort for $viewer with limit 3, forward then backward, visits each contact once", async ({ sort, viewer: key, filters }) => {
    const viewer = viewers[key];
    const expected = everyRow().filter((r) => visibleTo(viewer, r) && matches(filters, r)).sort(comparators[sort]).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(6);

    const forward: string[][] = [];
    let page = await findContacts(viewer, { ...filters, sort, limit: 3 });
    expect(page.previousCursor).toBeNull();
    forward.push(ids(page));
    while (page.nextCursor) {
      page = await findContacts(viewer, { ...filters, sort, limit: 3, after: page.nextCursor });
      forward.push(ids(page));
      expect(forward.length).toBeLessThanOrEqual(Math.ceil(expected.length / 3));
    }
    expect(forward.flat()).toEqual(expected);
    expect(new Set(forward.flat()).size).toBe(expected.length);
    expect(forward.slice(0, -1).every((p) => p.length === 3)).toBe(true);

    const backward: string[][] = [ids(page)];
    while (page.previousCursor) {
      page = await findContacts(viewer, { ...filters, sort, limit: 3, before: page.previousCursor });
      backward.unshift(ids(page));
      expect(backward.length).toBeLessThanOrEqual(forward.length);
    }
    expect(backward).toEqual(forward);
    expect(page.nextCursor).not.toBeNull();

    expect(await countContacts(viewer, { ...filters, sort })).toEqual({ value: expected.length, exact: true });
  });
});

// A cursor is read from the URL: one that decodes to the right number of strings whose values do
// not cast (a forged or truncated link) must be dropped like a garbled one, never reach the SQL casts
// and turn the list into an error page.
describe("cursors from the URL", () => {
  const cursor = (keys: unknown) => Buffer.from(JSON.stringify(keys)).toString("base64url");

  it.each<[string, ContactSort, unknown]>([
    ["a bad timestamp", "created", ["not-a-date", "00000000-0000-0000-0000-000000000000"]],
    ["a bad uuid", "created", ["2026-03-10 12:00:00+00", "not-a-uuid"]],
    ["a bad rank", "priority", ["alta", "2026-03-10 12:00:00+00", "00000000-0000-0000-0000-000000000000"]],
    ["a day that does not exist", "created", ["2024-13-45 00:00:00+00", "00000000-0000-0000-0000-000000000000"]],
    ["year 0", "updated", ["0000-01-01 00:00:00+00", "00000000-0000-0000-0000-000000000000"]],
    ["a NUL in a name", "name", ["Jo\0ão", "00000000-0000-0000-0000-000000000000"]],
  ])("a well-formed cursor holding %s is ignored like a garbled one", async (_, sort, keys) => {
    const first = ids(await findContacts(viewers.admin, { sort, limit: 3 }));
    expect(ids(await findContacts(viewers.admin, { sort, limit: 3, after: cursor(keys) }))).toEqual(first);
  });
});

// What the page does with its URL (parseContactFilters, then the list): values PostgreSQL refuses
// with an error (NUL in text, a day that cannot be cast) are dropped by the parser, so the list
// answers as if they were not there. Before, each of these made /contacts an error page.
describe("malformed values in the URL", () => {
  it.each([
    ["a NUL in the search", "q=jo%00ao"],
    ["a NUL in a hashtag", "tagAll=vip%00&tagAny=%00&tagNone=a%00b"],
    ["createdFrom=0000-01-01", "createdFrom=0000-01-01"],
    ["a day 2024-13-45", "createdTo=2024-13-45&updatedFrom=2024-13-45&updatedTo=2024-13-45"],
    ["a NUL in an id", "segment=00000000-0000-0000-0000-000000000000%00&responsible=%00"],
  ])("%s: the list and its count answer as without it", async (_, query) => {
    const filters = parseContactFilters(new URLSearchParams(query));
    expect(ids(await findContacts(viewers.admin, { ...filters, limit: 5 }))).toEqual(ids(await findContacts(viewers.admin, { limit: 5 })));
    expect(await countContacts(viewers.admin, filters)).toEqual(await countContacts(viewers.admin, {}));
  });
});

describe("quick search", () => {
  const search = async (q: string, request: ContactListRequest = {}, viewer: Viewer = viewers.admin) =>
    listAll(viewer, { ...request, q });

  it.each(["(11) 98765-4321", "11987654321", "+55 11 98765-4321", "11 98765 4321", "+5511987654321"])(
    "phone %s finds the contact with +5511987654321",
    async (q) => {
      expect(await search(q)).toEqual([byKey("joao").id]);
    },
  );

  it("a phone one digit away finds the other contact", async () => {
    expect(await search("(11) 98765-4322")).toEqual([byKey("joaozinho").id]);
    expect(await search("(21) 99999-0000")).toEqual([byKey("joao").id]);
  });

  it.each(["joao.silva@example.com", "JOAO.SILVA@EXAMPLE.COM", "Joao.Silva@Example.com"])(
    "a whole e-mail %s, any case, finds exactly its owner (a prefix search would cost a trigram scan at 1M)",
    async (q) => {
      expect(ids(await findContacts(viewers.admin, { q, sort: "name" }))).toEqual([byKey("joao").id]);
      expect(ids(await findContacts(viewers.admin, { q: q.replace(/COM$|com$/, "COM.BR") }))).toEqual([byKey("joaozinho").id]);
    },
  );

  it.each<[string, string[]]>([
    ["joao.silva@example", ["joao", "joaozinho"]],
    ["Joao.Silva@", ["joao", "joaozinho"]],
    ["joao.silva", ["joao", "joaozinho"]],
    ["joao.sil", ["joao", "joaozinho"]],
    ["oao.silva@example", []],
    ["silva@example.com", []],
    ["joao.silva@example.org", []],
    ["joao_silva@example", []],
    ["joao%silva@", []],
  ])("e-mail prefix %j finds %j: the start of an e-mail, never the middle", async (q, keys) => {
    expect(sorted(await search(q))).toEqual(sorted(keys.map((k) => byKey(k).id)));
  });

  it("an e-mail prefix finds a contact by its second e-mail too", async () => {
    expect(await search("x.second@")).toEqual([byKey("silvana").id]);
    expect(await search("silvana@example.n")).toEqual([byKey("silvana").id]);
    const generated = (prefix: string) => rowsA.filter((r) => r.emails.some((e) => e.startsWith(prefix))).map((r) => r.id);
    for (const prefix of ["cliente1@", "cliente12@example.o"]) expect(sorted(await search(prefix))).toEqual(sorted(generated(prefix)));
  });

  it.each<[string, string[]]>([
    ["joao silva", ["joao"]],
    ["JOÃO SILVA", ["joao"]],
    ["silva joao", ["joao"]],
    ["da silv", ["joao", "silvana"]],
    ["joao", ["joao", "joaozinho"]],
    ["silva", ["joao", "silvana"]],
    ["joaozinho pereira", ["joaozinho"]],
    ["joao costa", []],
  ])("name %j finds %j (words anywhere, accents and case ignored)", async (q, keys) => {
    expect(sorted(await search(q))).toEqual(sorted(keys.map((k) => byKey(k).id)));
  });

  // Only distinct words of three letters or more, the first five, are looked for in names.
  it.each<[string, string, string[]]>([
    ["words under three letters are not looked for: 'da' alone finds no name", "da", []],
    ["66 × 'ar' looks in no name", Array(66).fill("ar").join(" "), []],
    ["repeats count once, so the word after them still narrows", "joao JOÃO joão Joao joao costa", []],
    ["a sixth distinct word is not looked for", "joão silva oão ilv sil xyz", ["joao"]],
  ])("%s", async (_, q, keys) => {
    expect(sorted(await search(q))).toEqual(sorted(keys.map((k) => byKey(k).id)));
  });

  it("código: exact, and prefix", async () => {
    expect(await search("K23")).toEqual([byKey("K23").id]);
    const k1 = ["K1", ...Array.from({ length: 10 }, (_, i) => `K1${i}`)].map((k) => byKey(k).id);
    expect(sorted(await search("K1"))).toEqual(sorted(k1));
    expect(sorted(await search("K"))).toEqual(sorted(rowsA.filter((r) => r.code.startsWith("K")).map((r) => r.id)));
    expect(await search("K1-")).toEqual([]);
  });

  it("código: exact and prefix whatever the case typed or stored", async () => {
    const k1 = ["K1", ...Array.from({ length: 10 }, (_, i) => `K1${i}`)].map((k) => byKey(k).id);
    expect(await search("k23")).toEqual([byKey("K23").id]);
    expect(sorted(await search("k1"))).toEqual(sorted(k1));
    expect(ids(await findContacts(viewers.admin, { q: "k1", sort: "name", limit: 100 }))[0]).toBe(byKey("K1").id);
    // Stored in mixed case ("X-joao"), typed in other cases.
    for (const q of ["X-JOAO", "x-JoAo"]) expect(ids(await findContacts(viewers.admin, { q, sort: "name" }))).toEqual([byKey("joao").id, byKey("joaozinho").id]);
    expect(await search("x-joaoZ")).toEqual([byKey("joaozinho").id]);
  });

  it("#tags typed in the box filter by every one of them, and the rest of the box is still searched", async () => {
    const vip = expectedIds(viewers.admin, { tagAll: ["vip"] });
    expect(vip.length).toBeGreaterThan(0);
    // As the page reads it from the URL, and as a direct call gets it.
    expect(sorted(await listAll(viewers.admin, parseContactFilters({ q: "#vip" })))).toEqual(vip);
    expect(sorted(await search("#VIP"))).toEqual(vip);
    expect(sorted(await search("#vip #novo"))).toEqual(expectedIds(viewers.admin, { tagAll: ["vip", "novo"] }));
    const k1Vip = rowsA.filter((r) => r.code.startsWith("K1") && r.tags.includes("vip")).map((r) => r.id);
    expect(sorted(await search("#vip k1"))).toEqual(sorted(k1Vip));
    expect(await countContacts(viewers.operator, parseContactFilters({ q: "#vip" }))).toEqual({
      value: expectedIds(viewers.operator, { tagAll: ["vip"] }).length,
      exact: true,
    });
  });

  it.each<ContactSort>(["created", "updated", "name", "priority"])(
    "an exact código match is listed first with sort %s, then the prefix matches in sort order",
    async (sort) => {
      const k1 = byKey("K1");
      const rest = ["K10", "K11", "K12", "K13", "K14", "K15", "K16", "K17", "K18", "K19"].map(byKey).sort(comparators[sort]).map((r) => r.id);
      const page = await findContacts(viewers.admin, { q: "K1", sort, limit: 100 });
      expect(ids(page)).toEqual([k1.id, ...rest]);
    },
  );

  it("by name the exact código would be last: it is first anyway, and paging shows it once", async () => {
    const k1 = byKey("K1").id;
    const byName = [...rowsA].filter((r) => r.code.startsWith("K1")).sort(comparators.name).map((r) => r.id);
    expect(byName.at(-1)).toBe(k1);
    const seen: string[] = [];
    let page = await findContacts(viewers.admin, { q: "K1", sort: "name", limit: 3 });
    expect(page.items[0].id).toBe(k1);
    seen.push(...ids(page));
    while (page.nextCursor) {
      page = await findContacts(viewers.admin, { q: "K1", sort: "name", limit: 3, after: page.nextCursor });
      seen.push(...ids(page));
      expect(seen.length).toBeLessThanOrEqual(11);
    }
    expect(seen).toEqual([k1, ...byName.slice(0, -1)]);
    expect(await countContacts(viewers.admin, { q: "K1", sort: "name" })).toEqual({ value: 11, exact: true });
  });

  // Going back with "Anterior" to the first page of a search must show the exact match again: the
  // first page reached by `before` is computed without it (exact matches are only added when there
  // is no cursor, and excluded from every page with a cursor), so it disappears from the list.
  it("the first page of a search is the same reached forward or back through previousCursor", async () => {
    const request = { q: "K1", sort: "name" as const, limit: 3 };
    const first = await findContacts(viewers.admin, request);
    expect(first.items[0].id).toBe(byKey("K1").id);
    const second = await findContacts(viewers.admin, { ...request, after: first.nextCursor! });
    expect(second.previousCursor).not.toBeNull();
    const back = await findContacts(viewers.admin, { ...request, before: second.previousCursor! });
    expect(ids(back)).toEqual(ids(first));
  });

  it("an exact document match comes before a newer código that begins with the document", async () => {
    const owner = byKey("docOwner");
    const lookalike = byKey("codeLikeDoc");
    expect(time(lookalike.createdAt)).toBeGreaterThan(time(owner.createdAt));
    expect(ids(await findContacts(viewers.admin, { q: owner.document, sort: "created" }))).toEqual([owner.id, lookalike.id]);
    const masked = `${owner.document.slice(0, 3)}.${owner.document.slice(3, 6)}.${owner.document.slice(6, 9)}-${owner.document.slice(9)}`;
    expect(ids(await findContacts(viewers.admin, { q: masked }))).toEqual([owner.id]);
  });

  it("an exact match still obeys the filters and the visibility", async () => {
    const k1 = byKey("K1");
    const otherPriority = priorityPool.filter((p) => p !== k1.priority);
    const found = await search("K1", { priority: otherPriority });
    expect(found).not.toContain(k1.id);
    expect(sorted(found)).toEqual(sorted(rowsA.filter((r) => r.code.startsWith("K1") && r.priority !== k1.priority).map((r) => r.id)));
    for (const key of ["operator", "supervisor", "otherOperator", "responsibleOnly"] as const) {
      const viewer = viewers[key];
      const expected = rowsA.filter((r) => r.code.startsWith("K1") && visibleTo(viewer, r)).map((r) => r.id);
      expect(sorted(await search("K1", {}, viewer))).toEqual(sorted(expected));
      expect(await countContacts(viewer, { q: "K1" })).toEqual({ value: expected.length, exact: true });
    }
    // Organization B's contacts (código K1-…, João's phone and e-mail) never reach a viewer of A.
    expect(await search("+5511987654321")).toEqual([byKey("joao").id]);
    expect(sorted(await search("K1-", {}, viewers.adminB))).toEqual(sorted(rowsB.filter((r) => r.code.startsWith("K1-")).map((r) => r.id)));
  });

  it("search combines with filters", async () => {
    const expected = [byKey("joao"), byKey("joaozinho")].filter((r) => r.priority === byKey("joao").priority).map((r) => r.id);
    expect(sorted(await search("joao", { priority: [byKey("joao").priority] }))).toEqual(sorted(expected));
    expect(await search("joao", { hasEmail: "no" })).toEqual([]);
  });
});

describe("countContacts", () => {
  it("is exact for small sets and equals the number of rows one can page through", async () => {
    const requests: ContactListRequest[] = [
      {},
      { tagAll: ["vip"] },
      { segment: [world.segments.s1], tagAll: ["vip"], priority: ["high"] },
      { q: "joao" },
      { hasPhone: "no", hasEmail: "no" },
      { tagAny: ["nao-existe"] },
    ];
    for (const request of requests) {
      for (const viewer of [viewers.admin, viewers.supervisor, viewers.operator]) {
        const paged = await listAll(viewer, request, 3);
        const count = await countContacts(viewer, request);
        expect(count).toEqual({ value: paged.length, exact: true });
        if (!request.q) expect(count.value).toBe(expectedIds(viewer, request).length);
      }
    }
    expect((await countContacts(viewers.admin)).value).toBe(rowsA.length);
  });

  it(`past ${exactCountLimit} matches it answers with the planner's estimate or a lower bound, marked as not exact`, async () => {
    const db = getDb();
    const [org] = await db.insert(organizations).values({ name: "Muitos contatos" }).returning({ id: organizations.id });
    const email = `admin.muitos.${randomUUID()}@test.local`;
    const [user] = await db
      .insert(users)
      .values({ organizationId: org.id, name: "Admin Muitos", email, role: "admin", passwordHash: "x" })
      .returning({ id: users.id });
    const admin: Viewer = { userId: user.id, organizationId: org.id, role: "admin", name: "Admin Muitos", email, segmentIds: [] };
    const total = exactCountLimit + 50;
    await db.execute(sql`
      insert into contacts (organization_id, name, document, document_type, customer_code, priority, tags)
      select ${org.id}::uuid, 'Massa ' || g, lpad(g::text, 11, '0'), 'cpf', 'M-' || g,
             case when g % 100 = 0 then 'high' else 'medium' end,
             case when g % 1000 = 0 then array['raro'] else '{}'::text[] end
      from generate_series(1, ${total}::int) g`);
    await db.execute(sql`analyze contacts`);

    const count = await countContacts(admin);
    expect(count).toMatchObject({ exact: false, approximation: "estimate" });
    expect(count.value).toBeGreaterThan(exactCountLimit);
    expect(count.value).toBeLessThan(100_000);
    // Segments and visibility are conditions on the row (contacts.segment_ids): an operator of the
    // segment, and an admin filtering by it, get an estimate too.
    const [segment] = await db.insert(segments).values({ organizationId: org.id, name: "Todos" }).returning({ id: segments.id });
    await db.execute(sql`insert into contact_segments (organization_id, contact_id, segment_id)
      select organization_id, id, ${segment.id}::uuid from contacts where organization_id = ${org.id}::uuid`);
    await db.execute(sql`analyze contacts`);
    const operator: Viewer = { ...admin, userId: user.id, role: "operator", segmentIds: [segment.id] };
    const cases: [Viewer, ContactListRequest][] = [[operator, {}], [admin, { segment: [segment.id] }]];
    for (const [viewer, request] of cases) {
      const estimated = await countContacts(viewer, request);
      expect(estimated).toMatchObject({ exact: false, approximation: "estimate" });
      expect(estimated.value).toBeGreaterThan(exactCountLimit);
      expect(estimated.value).toBeLessThan(100_000);
    }
    // Where the planner's estimate is unreliable (text search): a lower bound.
    expect(await countContacts(admin, { q: "Massa" })).toEqual({ value: exactCountLimit, exact: false, approximation: "atLeast" });
    // Filters that narrow below the limit count exactly again.
    expect(await countContacts(admin, { priority: ["high"] })).toEqual({ value: Math.floor(total / 100), exact: true });
    expect(await countContacts(admin, { tagAll: ["raro"] })).toEqual({ value: 10, exact: true });
    // A código prefix: "M-1000" and "M-10000"…"M-10009" begin with "M-1000".
    const codes = Array.from({ length: total }, (_, i) => `M-${i + 1}`);
    for (const q of ["M-1000", "M-1"]) {
      expect(await countContacts(admin, { q })).toEqual({ value: codes.filter((c) => c.startsWith(q)).length, exact: true });
    }
    expect(codes.filter((c) => c.startsWith("M-1000"))).toHaveLength(11);
    // Organization A's count is untouched by the big one.
    expect(await countContacts(viewers.admin)).toEqual({ value: rowsA.length, exact: true });
  }, 120_000);
});
