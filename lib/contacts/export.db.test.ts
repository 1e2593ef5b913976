import { and, asc, eq, sql } from "drizzle-orm";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, getPool } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import { listAuditEvents } from "@/lib/audit/audit";
import { auditFilters } from "@/lib/audit/audit-filters";
import { createWorld, type World } from "@/db/testing/world";
import type { Viewer } from "@/lib/auth/viewer";
import { formatDocument } from "@/lib/documents/document";
import { formatPhone } from "@/lib/phones/phone";
import { parseContactFilters } from "./contact-filters";
import { findContacts, type ContactListRequest } from "./contact-list";
import { exportContactsCsv, type CsvSeparator, type ExportPath } from "./export";
import { loadVisibleContact } from "./queries";

let world: World;
/** More contacts than one batch, many created at the same instant: keyset pages must not skip or repeat. */
const manyContacts = 5_001;

beforeAll(async () => {
  world = await createWorld();
  const db = getDb();
  const { contacts: c } = world;
  // Cells that would run as spreadsheet formulas, hold the separators, quotes or a line break, or are empty.
  await db.execute(sql`update contacts set name = '=HYPERLINK("http://x")', emails = array['@evil.com.br'] where id = ${c.inS1}::uuid`);
  await db.execute(sql`update contacts set name = ${'Silva; "Zé", Ltda\nfilial'}, tags = array['vip', 'novo'], priority = 'high',
    phones = array['+5511987654321', '+551133334444', '+16502530000'], emails = array['a@x.com.br', 'b@x.com.br']
    where id = ${c.inS2}::uuid`);
  await db.execute(sql`update contacts set name = '+55 golpe', customer_code = ${`@${c.inS3}`}, phones = array['+16502530000', '+4915112345678'] where id = ${c.inS3}::uuid`);
  await db.execute(sql`update contacts set name = ${"\tTab"}, responsible_user_id = ${world.viewers.supervisor.userId}::uuid where id = ${c.inS1andS3}::uuid`);
  await db.execute(sql`update contacts set name = '-1' where id = ${c.noSegment}::uuid`);
  await db.execute(sql`update users set name = 'Supervisor "Chefe"; SP' where id = ${world.viewers.supervisor.userId}::uuid`);
  await db.execute(sql`update segments set name = 'S2, Norte' where id = ${world.segments.s2}::uuid`);
  // Organization B gets the many contacts, half of them sharing one created_at.
  await db.execute(sql`insert into contacts (organization_id, name, document, document_type, customer_code, created_at, updated_at)
    select ${world.orgB}::uuid, 'Lote ' || i, lpad(i::text, 11, '0'), 'cpf', 'LOTE-' || i,
      case when i % 2 = 0 then timestamptz '2025-03-01 12:00-03' else timestamptz '2025-01-01 00:00-03' + i * interval '1 minute' end,
      timestamptz '2025-06-01 09:05-03'
    from generate_series(1, ${manyContacts}) i`);
});

async function read(stream: ReadableStream<Uint8Array>) {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array(await new Response(stream).arrayBuffer()));
}

function rowsOf(text: string, separator: CsvSeparator = ";"): string[][] {
  expect(text.startsWith("\uFEFFNome")).toBe(true);
  return parse(text.slice(1), { delimiter: separator, relax_column_count: false });
}

async function exported(viewer: Viewer, request: ContactListRequest = {}, separator: CsvSeparator = ";", path?: ExportPath) {
  return read(exportContactsCsv(viewer, request, separator, path)!);
}

async function visibleCodes(viewer: Viewer, request: ContactListRequest = {}) {
  const codes: string[] = [];
  let after: string | undefined;
  do {
    const page = await findContacts(viewer, { ...request, after, limit: 100 });
    codes.push(...page.items.map((item) => item.customerCode));
    after = page.nextCursor ?? undefined;
  } while (after);
  return codes;
}

async function exportAudits(viewer: Viewer) {
  return getDb()
    .select({ actorUserId: auditEvents.actorUserId, targetLabel: auditEvents.targetLabel, details: auditEvents.details })
    .from(auditEvents)
    .where(and(eq(auditEvents.organizationId, viewer.organizationId), eq(auditEvents.action, "contacts.export")))
    .orderBy(asc(auditEvents.createdAt));
}

/** Pool clients checked out and not given back (0 on PGlite, which has no pool). */
function clientsInUse() {
  const pool = getPool();
  return pool ? pool.totalCount - pool.idleCount : 0;
}

const cellOf = (rows: string[][], code: string) => rows.find((row) => row[3] === code || row[3] === `'${code}`)!;

describe("CSV export: who and what", () => {
  it.each(["operator", "otherOperator"] as const)("is refused to an %s, and a refused export records nothing", async (who) => {
    const before = (await exportAudits(world.viewers[who])).length;
    expect(exportContactsCsv(world.viewers[who], {})).toBeNull();
    expect(await exportAudits(world.viewers[who])).toHaveLength(before);
  });

  it.each(["supervisor", "admin"] as const)("holds exactly what the %s may see, with BOM and header, and records it once in the audit log", async (who) => {
    const viewer = world.viewers[who];
    const before = await exportAudits(viewer);
    const rows = rowsOf(await exported(viewer));
    expect(rows[0]).toEqual([
      "Nome", "CPF / CNPJ", "Tipo de documento", "Código do Cliente", "Responsável", "Hashtags",
      "Prioridade", "Segmentos", "Telefones", "E-mails", "Criado em", "Atualizado em",
    ]);
    const codes = rows.slice(1).map((row) => row[3].replace(/^'/, ""));
    expect(codes.sort()).toEqual((await visibleCodes(viewer)).sort());

    const after = await exportAudits(viewer);
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toEqual({
      actorUserId: viewer.userId,
      targetLabel: "Sem filtros",
      details: { query: "", filters: [], rows: codes.length, separator: ";", completed: true },
    });
  });

  it("exports the filtered set only, ',' on request, and records the filters as the list's query and in words", async () => {
    const { admin } = world.viewers;
    const request = { segment: [world.segments.s3], tagNone: ["vip"], q: "contato" };
    const rows = rowsOf(await exported(admin, request, ","), ",");
    const codes = rows.slice(1).map((row) => row[3].replace(/^'/, ""));
    expect(codes.sort()).toEqual((await visibleCodes(admin, request)).sort());
    expect(codes.length).toBeGreaterThan(0);
    expect((await exportAudits(admin)).at(-1)).toMatchObject({
      targetLabel: "Busca: contato; Segmento: S3; Sem #vip",
      details: { query: `q=contato&segment=${world.segments.s3}&tagNone=vip`, filters: ["Busca: contato", "Segmento: S3", "Sem #vip"], rows: codes.length, separator: ",", completed: true },
    });
    // Admins read it at /audit, filtered by its action.
    const [event] = (await listAuditEvents(admin, auditFilters.parse({ action: "contacts.export" })))!.events;
    expect(event).toMatchObject({ actorName: admin.name, targetLabel: "Busca: contato; Segmento: S3; Sem #vip" });
  });

  // What /contacts/export does with its URL: values PostgreSQL refuses with an error are dropped by
  // the list's parser. Before, a NUL in the search cut the download off.
  it.each(["q=jo%00ao", "tagAll=vip%00", "createdFrom=0000-01-01", "updatedTo=2024-13-45"])("%s exports as without it", async (query) => {
    const unfiltered = await read(exportContactsCsv(world.viewers.admin, {})!);
    expect(await read(exportContactsCsv(world.viewers.admin, parseContactFilters(new URLSearchParams(query)))!)).toBe(unfiltered);
  });
});

describe("CSV export: cells", () => {
  it("formats documents, phones, responsável, segments, hashtags, priority and dates as the screens do", async () => {
    const rows = rowsOf(await exported(world.viewers.admin));
    const inS2 = (await loadVisibleContact(world.viewers.admin, world.contacts.inS2))!;
    const row = cellOf(rows, inS2.customerCode);
    expect(row).toEqual([
      'Silva; "Zé", Ltda\nfilial',
      formatDocument(inS2.document, inS2.documentType),
      inS2.documentType.toUpperCase(),
      inS2.customerCode,
      "",
      "#vip #novo",
      "Alta",
      "S2, Norte",
      // Brazilian numbers as on screen; a foreign one in E.164.
      `${formatPhone("+5511987654321")}, ${formatPhone("+551133334444")}, +16502530000`,
      "a@x.com.br, b@x.com.br",
      expect.stringMatching(/^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}$/),
      expect.stringMatching(/^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}$/),
    ]);
    // Both document types, the alphanumeric CNPJ included, as formatDocument writes them.
    for (const id of [world.contacts.inS1, world.contacts.noSegment]) {
      const contact = (await loadVisibleContact(world.viewers.admin, id))!;
      expect(cellOf(rows, contact.customerCode)[1]).toBe(formatDocument(contact.document, contact.documentType));
    }
    const withResponsible = (await loadVisibleContact(world.viewers.admin, world.contacts.inS1andS3))!;
    expect(cellOf(rows, withResponsible.customerCode).slice(4, 8)).toEqual(['Supervisor "Chefe"; SP', "", "Média", "S1, S3"]);
  });

  it("neutralizes every cell that would run as a formula", async () => {
    const rows = rowsOf(await exported(world.viewers.admin));
    const names = rows.map((row) => row[0]);
    expect(names).toEqual(expect.arrayContaining([`'=HYPERLINK("http://x")`, "'+55 golpe", "'\tTab", "'-1"]));
    expect(rows.find((row) => row[0].startsWith("'=HYPERLINK"))![9]).toBe("'@evil.com.br");
    const golpe = rows.find((row) => row[0] === "'+55 golpe")!;
    // Foreign numbers stay in E.164, also one as long as a Brazilian mobile.
    expect([golpe[3], golpe[8]]).toEqual([`'@${world.contacts.inS3}`, "'+16502530000, +4915112345678"]);
  });

  it("dates are Brasília time, dd/mm/aaaa, hh:mm; keyset batches neither skip nor repeat rows sharing a creation instant", async () => {
    const rows = rowsOf(await exported(world.viewers.adminB, {}, ";", "batches")).slice(1);
    expect(rows).toHaveLength(manyContacts + 1);
    expect(new Set(rows.map((row) => row[3])).size).toBe(manyContacts + 1);
    const even = rows.find((row) => row[3] === "LOTE-2")!;
    expect([even[10], even[11]]).toEqual(["01/03/2025, 12:00", "01/06/2025, 09:05"]);
  });
});

describe("CSV export: COPY … TO STDOUT and keyset batches", () => {
  // On PostgreSQL both paths run and must write the same bytes; PGlite has only the batched one.
  const cases: [string, keyof World["viewers"], () => ContactListRequest, CsvSeparator][] = [
    ["admin, everything", "admin", () => ({}), ";"],
    ["admin, everything, ','", "admin", () => ({}), ","],
    ["supervisor, their carteira", "supervisor", () => ({}), ";"],
    ["segment + hashtag + priority", "admin", () => ({ segment: [world.segments.s2], tagAll: ["vip"], priority: ["high"] }), ","],
    ["quick search with a quote and a backslash", "admin", () => ({ q: `Silva'\\` }), ";"],
    ["quick search by name", "supervisor", () => ({ q: "silva" }), ";"],
    ["without responsável, with a phone", "admin", () => ({ responsible: ["none"], hasPhone: "yes" }), ";"],
    ["created since a day", "admin", () => ({ createdFrom: "2020-01-01" }), ","],
    ["organization B, more than one batch", "adminB", () => ({}), ";"],
  ];

  it.each(cases)("%s", async (_, who, request, separator) => {
    const viewer = world.viewers[who];
    const batches = await exported(viewer, request(), separator, "batches");
    const codes = rowsOf(batches, separator).slice(1).map((row) => row[3].replace(/^'/, ""));
    expect(codes.sort()).toEqual((await visibleCodes(viewer, request())).sort());
    if (getPool()) expect(await exported(viewer, request(), separator, "copy")).toBe(batches);
  });

  it("gives its connection back when the export ends, and closes it when the download is aborted, recorded as interrupted", async () => {
    const viewer = world.viewers.adminB;
    await exported(viewer);
    expect(clientsInUse()).toBe(0);

    const before = (await exportAudits(viewer)).length;
    const reader = exportContactsCsv(viewer, {})!.getReader();
    await reader.read(); // BOM and header
    const { value } = await reader.read(); // the first rows
    await reader.cancel();
    expect(clientsInUse()).toBe(0);
    const audits = await exportAudits(viewer);
    expect(audits).toHaveLength(before + 1);
    const sent = new TextDecoder().decode(value).split("\n").length - 1;
    expect(audits.at(-1)!.details).toMatchObject({ rows: sent, completed: false });
    expect(sent).toBeLessThan(manyContacts);

    // The pool still works after the closed connection.
    const [{ n }] = await getDb().select({ n: sql<number>`count(*)::int` }).from(users).where(eq(users.organizationId, world.orgB));
    expect(n).toBe(1);
  });
});

