import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { contacts, contactSegments, organizations, users } from "@/db/schema";
import { createWorld, type World } from "@/db/testing/world";
import type { Viewer } from "@/lib/auth/viewer";
import { formatDocument, generateCnpj, generateCpf } from "@/lib/documents/document";
import { contactInput } from "./contact-input";
import { createContact } from "./mutations";
import { findContacts, type ContactPage } from "./contact-list";

/** An organization of its own with an admin, so a list holds exactly the contacts a test put there. */
async function emptyOrganization(): Promise<Viewer> {
  const db = getDb();
  const [org] = await db.insert(organizations).values({ name: "Paginação" }).returning({ id: organizations.id });
  const email = `admin.${randomUUID()}@test.local`;
  const [user] = await db
    .insert(users)
    .values({ organizationId: org.id, name: "Admin Paginação", email, role: "admin", passwordHash: "x" })
    .returning({ id: users.id });
  return { userId: user.id, organizationId: org.id, role: "admin", name: "Admin Paginação", email, segmentIds: [] };
}

// Three contacts share each creation instant, and the instants are one microsecond apart: the
// keyset must carry microseconds and break ties by id, or pages overlap or skip.
const base = "2024-03-10 12:00:00.000000+00";

/** Inserts contacts created at base + `micros` µs; returns their ids with the instant. */
async function insertAt(viewer: Viewer, micros: number[]) {
  const rows = await getDb()
    .insert(contacts)
    .values(
      micros.map((m) => ({
        organizationId: viewer.organizationId,
        name: `Paginado ${m}`,
        document: generateCpf(),
        documentType: "cpf" as const,
        customerCode: `P-${randomUUID()}`,
        createdAt: sql`${base}::timestamptz + make_interval(secs => ${m}::double precision / 1000000)`,
      })),
    )
    .returning({ id: contacts.id });
  return rows.map((row, index) => ({ id: row.id, micros: micros[index] }));
}

/** Newest first, ties by id descending: the order the list promises, computed here on its own. */
function newestFirst(rows: { id: string; micros: number }[]) {
  return [...rows].sort((a, b) => b.micros - a.micros || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)).map((r) => r.id);
}

const ids = (page: ContactPage) => page.items.map((c) => c.id);

describe("keyset pagination", () => {
  it("forward with limit 7: no duplicates, none missing, newest first; backwards returns the same pages", async () => {
    const viewer = await emptyOrganization();
    const inserted = await insertAt(viewer, Array.from({ length: 30 }, (_, i) => Math.floor(i / 3)));
    const expected = newestFirst(inserted);

    const forward: string[][] = [];
    let page = await findContacts(viewer, { limit: 7 });
    expect(page.previousCursor).toBeNull();
    forward.push(ids(page));
    while (page.nextCursor) {
      page = await findContacts(viewer, { limit: 7, after: page.nextCursor });
      forward.push(ids(page));
      expect(forward.length).toBeLessThan(10);
    }
    expect(forward.map((p) => p.length)).toEqual([7, 7, 7, 7, 2]);
    expect(forward.flat()).toEqual(expected);
    expect(new Set(forward.flat()).size).toBe(30);

    // Backwards from the last page, following previousCursor.
    const backward: string[][] = [ids(page)];
    while (page.previousCursor) {
      page = await findContacts(viewer, { limit: 7, before: page.previousCursor });
      backward.unshift(ids(page));
      expect(backward.length).toBeLessThan(10);
    }
    expect(backward).toEqual(forward);
    // The first page reached backwards knows there is nothing newer, and can go forward again.
    expect(page.previousCursor).toBeNull();
    expect(page.nextCursor).not.toBeNull();
    expect(ids(await findContacts(viewer, { limit: 7, after: page.nextCursor! }))).toEqual(forward[1]);
  });

  it("contacts inserted between page fetches are neither repeated nor make others skip", async () => {
    const viewer = await emptyOrganization();
    const inserted = await insertAt(viewer, Array.from({ length: 30 }, (_, i) => 1000 + Math.floor(i / 3)));
    const expected = newestFirst(inserted);

    const seen: string[] = [];
    let page = await findContacts(viewer, { limit: 7 });
    seen.push(...ids(page));

    // Newer than everything (now), and inside the range already listed: both belong before the cursor.
    const created = await createContact(
      viewer,
      contactInput.parse({ name: "Novo no meio", document: generateCpf(), customerCode: `N-${randomUUID()}` }),
      "form",
    );
    expect(created.ok).toBe(true);
    const [alreadyListedRange] = await insertAt(viewer, [1009]);
    // Older than everything: belongs at the end and must show up there.
    const [oldest] = await insertAt(viewer, [-5_000_000]);

    while (page.nextCursor) {
      page = await findContacts(viewer, { limit: 7, after: page.nextCursor });
      seen.push(...ids(page));
      // Another insertion at the newest end while paging.
      await insertAt(viewer, [2_000_000 + seen.length]);
      expect(seen.length).toBeLessThan(100);
    }

    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...expected, oldest.id]);
    expect(seen).not.toContain(alreadyListedRange.id);
    if (created.ok) expect(seen).not.toContain(created.id);
  });

  it("a forged or garbled cursor is ignored and gives the first page", async () => {
    const viewer = await emptyOrganization();
    await insertAt(viewer, [1, 2, 3, 4]);
    const first = ids(await findContacts(viewer, { limit: 2 }));
    for (const cursor of ["garbage", Buffer.from("2024-01-01|not-a-uuid").toString("base64url"), Buffer.from("x|y|z").toString("base64url")]) {
      expect(ids(await findContacts(viewer, { limit: 2, after: cursor }))).toEqual(first);
    }
  });

  it("pages compose with the visibility predicate: a supervisor pages through their carteira only", async () => {
    const world = await createWorld();
    const { supervisor } = world.viewers;
    const link = async (contactIds: { id: string }[], segmentId: string) =>
      getDb()
        .insert(contactSegments)
        .values(contactIds.map((c) => ({ organizationId: world.orgA, contactId: c.id, segmentId })));
    const admin = world.viewers.admin;
    const mine = await insertAt(admin, Array.from({ length: 12 }, (_, i) => i));
    const notMine = await insertAt(admin, Array.from({ length: 12 }, (_, i) => i));
    await link(mine, world.segments.s2);
    await link(notMine, world.segments.s3);

    const seen: string[] = [];
    let page = await findContacts(supervisor, { limit: 5 });
    seen.push(...ids(page));
    while (page.nextCursor) {
      page = await findContacts(supervisor, { limit: 5, after: page.nextCursor });
      seen.push(...ids(page));
    }
    const worldVisible = [world.contacts.inS1, world.contacts.inS2, world.contacts.inS1andS3];
    expect(seen.slice(0, 3).sort()).toEqual(worldVisible.sort());
    expect(seen.slice(3)).toEqual(newestFirst(mine));
  });

  it.each([0, -3, 1000])("limit %i is clamped to 1..100", async (limit) => {
    const viewer = await emptyOrganization();
    await insertAt(viewer, Array.from({ length: 101 }, (_, i) => i));
    const page = await findContacts(viewer, { limit });
    expect(page.items).toHaveLength(limit < 1 ? 1 : 100);
    expect(page.nextCursor).not.toBeNull();
  });
});

describe("quick search", () => {
  let world: World;
  let admin: Viewer;
  const cpf = generateCpf();
  const cnpj = generateCnpj(Math.random, true);
  const code = `QS-${randomUUID().slice(0, 8)}`;
  let ids_: Record<"joao" | "company" | "percent" | "underscore" | "plain", string>;

  beforeAll(async () => {
    world = await createWorld();
    admin = world.viewers.admin;
    const create = async (name: string, document: string, customerCode: string) => {
      const result = await createContact(
        admin,
        contactInput.parse({ name, document, customerCode, segmentIds: [world.segments.s1] }),
        "form",
      );
      if (!result.ok) throw new Error(JSON.stringify(result));
      return result.id;
    };
    ids_ = {
      joao: await create("João da Silva", formatDocument(cpf, "cpf"), code),
      company: await create("Comercial Exemplo Ltda", cnpj, `QS-C-${randomUUID().slice(0, 8)}`),
      percent: await create("Promoção 100% Garantida", generateCpf(), `QS-P-${randomUUID().slice(0, 8)}`),
      underscore: await create("Loja A_B", generateCpf(), `QS-U-${randomUUID().slice(0, 8)}`),
      plain: await create("Loja AXB 1000 Garantida", generateCpf(), `QS-X-${randomUUID().slice(0, 8)}`),
    };
  });

  const search = async (q: string, viewer: Viewer = admin) => ids(await findContacts(viewer, { q, limit: 100 }));

  it.each([
    { how: "exact customer code", q: () => code },
    { how: "exact customer code with spaces around", q: () => `  ${code} ` },
    { how: "CPF without mask", q: () => cpf },
    { how: "CPF with mask", q: () => formatDocument(cpf, "cpf") },
    { how: "name fragment in lower case", q: () => "silva" },
    { how: "name fragment in upper case", q: () => "DA SILVA" },
    { how: "accented name fragment", q: () => "joão" },
  ])("finds João da Silva by $how", async ({ q }) => {
    expect(await search(q())).toEqual([ids_.joao]);
  });

  it.each([
    { how: "without mask", q: () => cnpj },
    { how: "in lower case with mask", q: () => formatDocument(cnpj, "cnpj").toLowerCase() },
    { how: "in lower case without mask", q: () => cnpj.toLowerCase() },
  ])("finds the alphanumeric CNPJ $how", async ({ q }) => {
    expect(cnpj).toMatch(/^[0-9A-Z]{12}\d{2}$/);
    expect(await search(q())).toEqual([ids_.company]);
  });

  it("a prefix of the code matches; a fragment inside the code or of the document does not", async () => {
    expect(await search(code.slice(0, -1))).toContain(ids_.joao);
    expect(await search(code.slice(1))).toEqual([]);
    expect(await search(cpf.slice(0, 9))).toEqual([]);
  });

  it("% and _ in the query are literal", async () => {
    // Names are searched by words of three letters or more (nameWords), each taken literally.
    expect(await search("100%")).toEqual([ids_.percent]);
    expect(await search("A_B")).toEqual([ids_.underscore]);
    expect(await search("%%%")).toEqual([]);
    expect(await search("___")).toEqual([]);
    expect(await search("\\")).toEqual([]);
    // Without escaping, "%%%" and "___" would match everything and "A_B" would match "AXB".
    expect((await search("Garantida")).sort()).toEqual([ids_.percent, ids_.plain].sort());
  });

  it("a contact invisible to the viewer is not found even by its exact code or document", async () => {
    const { operator, supervisor } = world.viewers;
    // codeInA is in S3: neither the operator (S1) nor the supervisor (S1, S2) sees it.
    expect(await search(world.sharedCode, operator)).toEqual([]);
    expect(await search(world.sharedCode, supervisor)).toEqual([]);
    expect(await search(world.sharedCode, admin)).toEqual([world.contacts.codeInA]);
    // Organization B's admin finds their own contact with that code, not A's.
    expect(await search(world.sharedCode, world.viewers.adminB)).toEqual([world.contacts.contactB]);
    // The operator in S1 finds João (S1) by CPF; the operator in S3 does not.
    expect(await search(cpf, operator)).toEqual([ids_.joao]);
    expect(await search(cpf, world.viewers.otherOperator)).toEqual([]);
    expect(await search("silva", world.viewers.otherOperator)).toEqual([]);
  });

  it("an empty or blank query lists everything visible", async () => {
    const all = await search("");
    expect(all).toHaveLength(7 + 5);
    expect(await search("   ")).toEqual(all);
  });
});
