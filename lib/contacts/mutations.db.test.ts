import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { contactHistory, contacts, contactSegments } from "@/db/schema";
import { createWorld, type World } from "@/db/testing/world";
import { segmentMirrorDrift } from "@/db/testing/segment-mirror";
import type { Viewer } from "@/lib/auth/viewer";
import { formatDocument, generateCnpj, generateCpf, maskDocument } from "@/lib/documents/document";
import { editInput } from "@/db/testing/edit-input";
import { contactInput, type RawContactInput } from "./contact-input";
import { createContact, revealContactDocument, updateContact } from "./mutations";
import { getContact, getContactForEdit, getContactHistory, loadVisibleContact } from "./queries";
import { findContacts } from "./contact-list";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

let counter = 0;
const uniqueCode = () => `MUT-${++counter}-${randomUUID().slice(0, 8)}`;

/** A valid contact through the real schema, so the tests see the same normalization as the form. */
function input(overrides: Partial<RawContactInput> = {}) {
  return contactInput.parse({
    name: "Maria Teste",
    document: formatDocument(generateCpf(), "cpf"),
    customerCode: uniqueCode(),
    ...overrides,
  });
}

async function rowsWithCode(organizationId: string, customerCode: string) {
  return getDb()
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.organizationId, organizationId), eq(contacts.customerCode, customerCode)));
}

async function segmentLinkCount(organizationId: string) {
  const [row] = await getDb()
    .select({ n: sql<number>`count(*)::int` })
    .from(contactSegments)
    .where(eq(contactSegments.organizationId, organizationId));
  return row.n;
}

async function storedSegments(id: string) {
  const rows = await getDb().select({ id: contactSegments.segmentId }).from(contactSegments).where(eq(contactSegments.contactId, id));
  return rows.map((r) => r.id).sort();
}

async function storedRow(id: string) {
  const [row] = await getDb()
    .select({
      name: contacts.name,
      version: contacts.version,
      priority: contacts.priority,
      responsibleUserId: contacts.responsibleUserId,
      customerCode: contacts.customerCode,
    })
    .from(contacts)
    .where(eq(contacts.id, id));
  return row;
}

/** The edit form's payload for `id` as `viewer` sees it: stored values, editable segments only. */
async function editPayload(viewer: Viewer, id: string, overrides: Partial<RawContactInput> = {}) {
  const current = (await getContactForEdit(viewer, id))!;
  const editable = (segmentId: string) => viewer.role === "admin" || viewer.segmentIds.includes(segmentId);
  return { current, input: editInput(current, editable, overrides) };
}

describe("createContact, per the permission matrix", () => {
  type Case = {
    name: string;
    viewer: keyof World["viewers"];
    segments: (keyof World["segments"])[];
    responsible: keyof World["viewers"] | null;
    expected: { segments: (keyof World["segments"])[]; responsible: keyof World["viewers"] | null } | { error: string[] };
  };
  const cases: Case[] = [
    { name: "operator, own segment", viewer: "operator", segments: ["s1"], responsible: null, expected: { segments: ["s1"], responsible: null } },
    { name: "operator, a segment not theirs", viewer: "operator", segments: ["s2"], responsible: null, expected: { error: ["segmentIds"] } },
    { name: "operator, own segment plus one not theirs", viewer: "operator", segments: ["s1", "s3"], responsible: null, expected: { error: ["segmentIds"] } },
    { name: "operator, no segment → becomes responsável", viewer: "operator", segments: [], responsible: null, expected: { segments: [], responsible: "operator" } },
    { name: "operator naming a responsável", viewer: "operator", segments: ["s1"], responsible: "supervisor", expected: { error: ["responsibleUserId"] } },
    { name: "operator naming themselves responsável", viewer: "operator", segments: [], responsible: "operator", expected: { error: ["responsibleUserId"] } },
    { name: "supervisor, own segments", viewer: "supervisor", segments: ["s1", "s2"], responsible: null, expected: { segments: ["s1", "s2"], responsible: null } },
    { name: "supervisor, a segment not theirs", viewer: "supervisor", segments: ["s3"], responsible: null, expected: { error: ["segmentIds"] } },
    { name: "supervisor, responsável a member of their segment", viewer: "supervisor", segments: ["s1"], responsible: "operator", expected: { segments: ["s1"], responsible: "operator" } },
    { name: "supervisor, responsável outside their segments", viewer: "supervisor", segments: ["s1"], responsible: "otherOperator", expected: { error: ["responsibleUserId"] } },
    { name: "supervisor, responsável the admin (in no segment of theirs)", viewer: "supervisor", segments: ["s1"], responsible: "admin", expected: { error: ["responsibleUserId"] } },
    { name: "supervisor, bad segment and bad responsável: both errors", viewer: "supervisor", segments: ["s3"], responsible: "otherOperator", expected: { error: ["responsibleUserId", "segmentIds"] } },
    { name: "admin, any segment and any user", viewer: "admin", segments: ["s3"], responsible: "otherOperator", expected: { segments: ["s3"], responsible: "otherOperator" } },
    { name: "admin, every segment and no responsável", viewer: "admin", segments: ["s1", "s2", "s3"], responsible: null, expected: { segments: ["s1", "s2", "s3"], responsible: null } },
    { name: "admin, no segment stays unassigned", viewer: "admin", segments: [], responsible: null, expected: { segments: [], responsible: null } },
    { name: "admin, organization B's segment (forged)", viewer: "admin", segments: ["sB"], responsible: null, expected: { error: ["segmentIds"] } },
    { name: "admin, organization B's user (forged)", viewer: "admin", segments: ["s1"], responsible: "adminB", expected: { error: ["responsibleUserId"] } },
  ];

  it.each(cases)("$name", async ({ viewer: viewerKey, segments, responsible, expected }) => {
    const viewer = world.viewers[viewerKey];
    const data = input({
      segmentIds: segments.map((s) => world.segments[s]),
      responsibleUserId: responsible ? world.viewers[responsible].userId : null,
    });
    const linksBefore = await segmentLinkCount(world.orgA);

    const result = await createContact(viewer, data, "form");

    if ("error" in expected) {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.code).toBe("forbidden");
      expect(Object.keys(result.fieldErrors).sort()).toEqual(expected.error);
      for (const field of expected.error) expect(result.fieldErrors[field]?.length).toBeGreaterThan(0);
      expect(await rowsWithCode(world.orgA, data.customerCode)).toEqual([]);
      expect(await rowsWithCode(world.orgB, data.customerCode)).toEqual([]);
      expect(await segmentLinkCount(world.orgA)).toBe(linksBefore);
    } else {
      expect(result).toEqual({ ok: true, id: expect.any(String) });
      if (!result.ok) return;
      const row = await storedRow(result.id);
      expect(row.responsibleUserId).toBe(expected.responsible ? world.viewers[expected.responsible].userId : null);
      expect(await storedSegments(result.id)).toEqual(expected.segments.map((s) => world.segments[s]).sort());
      // The creator keeps seeing what they created.
      expect((await getContact(viewer, result.id))?.customerCode).toBe(data.customerCode);
      expect((await findContacts(viewer, { q: data.customerCode })).items.map((c) => c.id)).toEqual([result.id]);
    }
  });
});

describe("updateContact, segments and responsável per the matrix", () => {
  it("a supervisor adds and removes only their own segments; the contact's other segments are kept", async () => {
    const w = await createWorld();
    const { supervisor } = w.viewers;
    const id = w.contacts.inS1andS3;

    // The form shows the supervisor S1 (S3 is not theirs); they add S2.
    const add = await editPayload(supervisor, id, { segmentIds: [w.segments.s1, w.segments.s2] });
    expect(await updateContact(supervisor, id, add.current.version, add.input, "form")).toEqual({ ok: true, id });
    expect(await storedSegments(id)).toEqual([w.segments.s1, w.segments.s2, w.segments.s3].sort());

    // …then take S1 away, keeping S2: S3 stays.
    const remove = await editPayload(supervisor, id, { segmentIds: [w.segments.s2] });
    expect(await updateContact(supervisor, id, remove.current.version, remove.input, "form")).toEqual({ ok: true, id });
    expect(await storedSegments(id)).toEqual([w.segments.s2, w.segments.s3].sort());
    expect(await segmentMirrorDrift()).toEqual([]);
  });

  it("an operator's edit keeps the segments that are not theirs", async () => {
    const w = await createWorld();
    const { otherOperator } = w.viewers;
    const id = w.contacts.inS1andS3;
    const { current, input: data } = await editPayload(otherOperator, id, { name: "Renomeado pelo S3" });
    expect(data.segmentIds).toEqual([w.segments.s3]);
    expect(await updateContact(otherOperator, id, current.version, data, "form")).toEqual({ ok: true, id });
    expect(await storedSegments(id)).toEqual([w.segments.s1, w.segments.s3].sort());
    expect((await storedRow(id)).name).toBe("Renomeado pelo S3");
  });

  it("an operator puts a contact they are responsável for into their segment", async () => {
    const w = await createWorld();
    const { operator } = w.viewers;
    const id = w.contacts.operatorResponsible;
    const { current, input: data } = await editPayload(operator, id, { segmentIds: [w.segments.s1] });
    expect(await updateContact(operator, id, current.version, data, "form")).toEqual({ ok: true, id });
    expect(await storedSegments(id)).toEqual([w.segments.s1]);
    expect((await storedRow(id)).responsibleUserId).toBe(operator.userId);
  });

  type Refusal = {
    name: string;
    viewer: keyof World["viewers"];
    contact: keyof World["contacts"];
    overrides: (w: World) => Partial<RawContactInput>;
    field: string;
  };
  const refusals: Refusal[] = [
    { name: "operator adds a segment not theirs", viewer: "operator", contact: "inS1", overrides: (w) => ({ segmentIds: [w.segments.s1, w.segments.s2] }), field: "segmentIds" },
    { name: "operator changes the responsável", viewer: "operator", contact: "inS1", overrides: (w) => ({ responsibleUserId: w.viewers.supervisor.userId }), field: "responsibleUserId" },
    { name: "operator removes their only segment (the contact would leave their carteira)", viewer: "operator", contact: "inS1", overrides: () => ({ segmentIds: [] }), field: "segmentIds" },
    { name: "operator removes S1 from inS1andS3 (only S3, not theirs, would remain)", viewer: "operator", contact: "inS1andS3", overrides: () => ({ segmentIds: [] }), field: "segmentIds" },
    { name: "supervisor removes every segment of theirs", viewer: "supervisor", contact: "inS1", overrides: () => ({ segmentIds: [] }), field: "segmentIds" },
    { name: "supervisor hands the contact to a member and removes their segment (invisible to them)", viewer: "supervisor", contact: "inS1", overrides: (w) => ({ segmentIds: [], responsibleUserId: w.viewers.operator.userId }), field: "segmentIds" },
    { name: "supervisor makes responsável a user outside their segments", viewer: "supervisor", contact: "inS1", overrides: (w) => ({ responsibleUserId: w.viewers.otherOperator.userId }), field: "responsibleUserId" },
    { name: "supervisor sends a segment not theirs", viewer: "supervisor", contact: "inS1andS3", overrides: (w) => ({ segmentIds: [w.segments.s1, w.segments.s3] }), field: "segmentIds" },
    { name: "admin sends organization B's segment", viewer: "admin", contact: "inS1", overrides: (w) => ({ segmentIds: [w.segments.sB] }), field: "segmentIds" },
    { name: "admin sends organization B's user", viewer: "admin", contact: "inS1", overrides: (w) => ({ responsibleUserId: w.viewers.adminB.userId }), field: "responsibleUserId" },
  ];

  it.each(refusals)("refused: $name → fieldErrors.$field, nothing written", async ({ viewer: viewerKey, contact, overrides, field }) => {
    const w = await createWorld();
    const viewer = w.viewers[viewerKey];
    const id = w.contacts[contact];
    const { current, input: data } = await editPayload(viewer, id, { name: "Não deveria gravar", ...overrides(w) });
    const rowBefore = await storedRow(id);
    const segmentsBefore = await storedSegments(id);
    const historyBefore = await getContactHistory(w.viewers.admin, id);

    const result = await updateContact(viewer, id, current.version, data, "form");

    expect(result).toMatchObject({ ok: false, code: "forbidden" });
    if (result.ok) return;
    expect(result.fieldErrors[field]?.length).toBeGreaterThan(0);
    expect(await storedRow(id)).toEqual(rowBefore);
    expect(await storedSegments(id)).toEqual(segmentsBefore);
    expect(await getContactHistory(w.viewers.admin, id)).toEqual(historyBefore);
  });

  it("a supervisor makes a member of their segment responsável; an admin any user, and may leave no segment", async () => {
    const w = await createWorld();
    const id = w.contacts.inS1;
    const sup = await editPayload(w.viewers.supervisor, id, { responsibleUserId: w.viewers.operator.userId });
    expect(await updateContact(w.viewers.supervisor, id, sup.current.version, sup.input, "form")).toEqual({ ok: true, id });
    expect((await storedRow(id)).responsibleUserId).toBe(w.viewers.operator.userId);

    const adm = await editPayload(w.viewers.admin, id, { responsibleUserId: w.viewers.otherOperator.userId, segmentIds: [] });
    expect(await updateContact(w.viewers.admin, id, adm.current.version, adm.input, "form")).toEqual({ ok: true, id });
    expect((await storedRow(id)).responsibleUserId).toBe(w.viewers.otherOperator.userId);
    expect(await storedSegments(id)).toEqual([]);
    // Now the operator and the supervisor no longer see it; the new responsável does.
    expect(await getContact(w.viewers.supervisor, id)).toBeNull();
    expect(await getContact(w.viewers.operator, id)).toBeNull();
    expect((await getContact(w.viewers.otherOperator, id))?.id).toBe(id);
  });
});

describe("uniqueness", () => {
  const inUse = ["Este código do cliente já está em uso."];

  it("the same customerCode in the organization is refused even when the existing contact is invisible, without naming it", async () => {
    const { supervisor } = world.viewers;
    // codeInA is in S3: the supervisor cannot see it.
    expect(await getContact(supervisor, world.contacts.codeInA)).toBeNull();
    const existing = (await loadVisibleContact(world.viewers.admin, world.contacts.codeInA))!;

    const result = await createContact(supervisor, input({ customerCode: world.sharedCode, segmentIds: [world.segments.s1] }), "form");

    expect(result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { customerCode: inUse } });
    expect(Object.keys(result.ok ? {} : result.fieldErrors)).toEqual(["customerCode"]);
    const text = JSON.stringify(result);
    expect(text).not.toContain(existing.id);
    expect(text).not.toContain(existing.name);
    expect(text).not.toContain(existing.document);
    expect(await rowsWithCode(world.orgA, world.sharedCode)).toEqual([{ id: world.contacts.codeInA }]);
  });

  it("the same document (typed with a mask) is refused", async () => {
    const existing = (await loadVisibleContact(world.viewers.admin, world.contacts.inS2))!;
    const data = input({ document: formatDocument(existing.document, existing.documentType).toLowerCase(), segmentIds: [world.segments.s1] });
    expect(data.document).toBe(existing.document);

    const result = await createContact(world.viewers.operator, data, "form");

    expect(result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { document: ["Este CPF/CNPJ já está em uso."] } });
    const text = JSON.stringify(result);
    expect(text).not.toContain(existing.id);
    expect(text).not.toContain(existing.name);
    expect(await rowsWithCode(world.orgA, data.customerCode)).toEqual([]);
  });

  it("an update to another contact's code is refused and writes nothing", async () => {
    const w = await createWorld();
    const id = w.contacts.inS1;
    const { current, input: data } = await editPayload(w.viewers.supervisor, id, { customerCode: w.sharedCode, name: "Outro nome" });
    const before = await storedRow(id);

    const result = await updateContact(w.viewers.supervisor, id, current.version, data, "form");

    expect(result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { customerCode: inUse } });
    expect(await storedRow(id)).toEqual(before);
  });

  it("códigos are unique per organization: the shared code exists in both, again in B fails, A's code is new in B", async () => {
    expect(await rowsWithCode(world.orgA, world.sharedCode)).toHaveLength(1);
    expect(await rowsWithCode(world.orgB, world.sharedCode)).toHaveLength(1);

    const again = await createContact(world.viewers.adminB, input({ customerCode: world.sharedCode }), "form");
    expect(again).toMatchObject({ ok: false, code: "invalid", fieldErrors: { customerCode: inUse } });

    const codeOnlyInA = (await getContact(world.viewers.admin, world.contacts.inS1))!.customerCode;
    expect(await rowsWithCode(world.orgB, codeOnlyInA)).toEqual([]);
    const created = await createContact(world.viewers.adminB, input({ customerCode: codeOnlyInA, segmentIds: [world.segments.sB] }), "form");
    expect(created).toMatchObject({ ok: true });
    expect(await rowsWithCode(world.orgB, codeOnlyInA)).toHaveLength(1);
    expect(await rowsWithCode(world.orgA, codeOnlyInA)).toEqual([{ id: world.contacts.inS1 }]);
  });

  it("the same document in another organization is accepted", async () => {
    const existing = (await loadVisibleContact(world.viewers.admin, world.contacts.inS3))!;
    const created = await createContact(world.viewers.adminB, input({ document: existing.document }), "form");
    expect(created).toMatchObject({ ok: true });
  });
});

describe("optimistic concurrency", () => {
  it("the second save from the same version is refused with who and when, and the first one's values stay", async () => {
    const w = await createWorld();
    const id = w.contacts.inS1;
    const first = w.viewers.supervisor;
    const second = w.viewers.admin;
    const loadedByFirst = await editPayload(first, id, { name: "Nome do supervisor", priority: "high" });
    const loadedBySecond = await editPayload(second, id, { name: "Nome do admin", priority: "low" });
    const v = loadedByFirst.current.version;
    expect(loadedBySecond.current.version).toBe(v);

    expect(await updateContact(first, id, v, loadedByFirst.input, "form")).toEqual({ ok: true, id });
    const result = await updateContact(second, id, v, loadedBySecond.input, "form");

    expect(result).toMatchObject({ ok: false, code: "conflict", currentVersion: v + 1 });
    if (result.ok) return;
    expect(result.message).toMatch(/^Este contato foi alterado por Supervisor às \d{2}:\d{2}\. Revise e salve novamente\.$/);
    expect(result.message).toMatch(/às \d{2}:\d{2}\./);
    expect(await storedRow(id)).toMatchObject({ name: "Nome do supervisor", priority: "high", version: v + 1 });
    const history = await getContactHistory(second, id);
    expect(history.filter((h) => h.action === "update").map((h) => h.actorName)).toEqual(["Supervisor"]);

    // After review, saving with the current version works.
    expect(await updateContact(second, id, result.currentVersion!, loadedBySecond.input, "form")).toEqual({ ok: true, id });
    expect(await storedRow(id)).toMatchObject({ name: "Nome do admin", priority: "low", version: v + 2 });
  });

  it("two saves sent at the same moment from the same version: exactly one wins, the other is a conflict", async () => {
    const w = await createWorld();
    const id = w.contacts.inS1;
    const a = await editPayload(w.viewers.admin, id, { name: "Versão A", segmentIds: [w.segments.s1, w.segments.s2] });
    const b = await editPayload(w.viewers.supervisor, id, { name: "Versão B", segmentIds: [w.segments.s2] });
    const v = a.current.version;

    const results = await Promise.all([
      updateContact(w.viewers.admin, id, v, a.input, "form"),
      updateContact(w.viewers.supervisor, id, v, b.input, "form"),
    ]);

    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ code: "conflict", currentVersion: v + 1 })]);
    const winner = results[0].ok ? a : b;
    expect(await storedRow(id)).toMatchObject({ name: winner.input.name, version: v + 1 });
    expect(await storedSegments(id)).toEqual([...winner.input.segmentIds].sort());
    expect((await getContactHistory(w.viewers.admin, id)).filter((h) => h.action === "update")).toHaveLength(1);
  });

  it("two creates of the same código at the same moment: one contact, one customerCode error", async () => {
    const w = await createWorld();
    const code = uniqueCode();
    const results = await Promise.all([
      createContact(w.viewers.admin, input({ customerCode: code, segmentIds: [w.segments.s1] }), "form"),
      createContact(w.viewers.supervisor, input({ customerCode: code, segmentIds: [w.segments.s2] }), "form"),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([
      expect.objectContaining({ code: "invalid", fieldErrors: { customerCode: ["Este código do cliente já está em uso."] } }),
    ]);
    expect(await rowsWithCode(w.orgA, code)).toHaveLength(1);
  });

  it("a conflict on a segment change leaves the segments of the first save", async () => {
    const w = await createWorld();
    const id = w.contacts.inS1;
    const a = await editPayload(w.viewers.admin, id, { segmentIds: [w.segments.s1, w.segments.s2] });
    const b = await editPayload(w.viewers.supervisor, id, { segmentIds: [w.segments.s2] });
    expect(await updateContact(w.viewers.admin, id, a.current.version, a.input, "form")).toEqual({ ok: true, id });
    expect(await updateContact(w.viewers.supervisor, id, b.current.version, b.input, "form")).toMatchObject({
      ok: false,
      code: "conflict",
      currentVersion: a.current.version + 1,
    });
    expect(await storedSegments(id)).toEqual([w.segments.s1, w.segments.s2].sort());
  });
});

describe("nothing half-written", () => {
  // A history insert that fails makes the whole write fail: the contact, its segments and its
  // history are one transaction.
  const installFailingHistoryTrigger = async () => {
    const db = getDb();
    await db.execute(sql.raw(`create or replace function carteira_test_boom() returns trigger language plpgsql as $$ begin raise exception 'boom'; end $$`));
    await db.execute(sql.raw(`create trigger carteira_test_boom before insert on contact_history for each row execute function carteira_test_boom()`));
  };
  afterEach(async () => {
    const db = getDb();
    await db.execute(sql.raw(`drop trigger if exists carteira_test_boom on contact_history`));
    await db.execute(sql.raw(`drop function if exists carteira_test_boom()`));
  });

  it("createContact with segments, tags, phones and e-mails rejects and leaves no contact nor contact_segments row", async () => {
    const w = await createWorld();
    const data = input({
      segmentIds: [w.segments.s1, w.segments.s2],
      tags: ["#VIP", "novo"],
      phones: ["(11) 98765-4321"],
      emails: ["Maria@Exemplo.com.br"],
      responsibleUserId: w.viewers.operator.userId,
    });
    const linksBefore = await segmentLinkCount(w.orgA);
    await installFailingHistoryTrigger();

    await expect(createContact(w.viewers.admin, data, "form")).rejects.toThrow();

    expect(await rowsWithCode(w.orgA, data.customerCode)).toEqual([]);
    expect(await segmentLinkCount(w.orgA)).toBe(linksBefore);
  });

  it("updateContact rejects and the row keeps its old version, values and segments", async () => {
    const w = await createWorld();
    const id = w.contacts.inS1;
    const { current, input: data } = await editPayload(w.viewers.admin, id, {
      name: "Meio gravado",
      priority: "high",
      segmentIds: [w.segments.s2, w.segments.s3],
    });
    const before = await storedRow(id);
    await installFailingHistoryTrigger();

    await expect(updateContact(w.viewers.admin, id, current.version, data, "form")).rejects.toThrow();

    expect(await storedRow(id)).toEqual(before);
    expect(before).toMatchObject({ version: current.version, name: current.name });
    expect(await storedSegments(id)).toEqual([w.segments.s1]);
  });

  it("with the trigger gone the same writes go through (the trigger was what refused them)", async () => {
    const w = await createWorld();
    const created = await createContact(w.viewers.admin, input({ segmentIds: [w.segments.s1] }), "form");
    expect(created).toMatchObject({ ok: true });
  });
});

describe("history", () => {
  it("create records action create with every filled field", async () => {
    const w = await createWorld();
    const document = generateCnpj(Math.random, true);
    const data = input({
      name: "  Comercial Exemplo Ltda ",
      document: formatDocument(document, "cnpj").toLowerCase(),
      tags: ["#VIP"],
      priority: "high",
      segmentIds: [w.segments.s2, w.segments.s1],
      responsibleUserId: w.viewers.operator.userId,
      phones: ["(11) 98765-4321"],
      emails: ["Contato@Exemplo.com.br"],
    });

    const result = await createContact(w.viewers.admin, data, "form");
    expect(result.ok).toBe(true);
    if (!result.ok) return;

    const history = await getContactHistory(w.viewers.admin, result.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: "create", source: "form", actorName: "Admin" });
    const byField = Object.fromEntries(history[0].changes.map((c) => [c.field, c]));
    expect(byField).toEqual({
      name: { field: "name", from: null, to: "Comercial Exemplo Ltda" },
      // The history shows the document masked; seeing it whole is a recorded reveal.
      document: { field: "document", from: null, to: maskDocument(document, "cnpj") },
      customerCode: { field: "customerCode", from: null, to: data.customerCode },
      responsible: { field: "responsible", from: null, to: "Operator" },
      tags: { field: "tags", from: null, to: ["vip"] },
      priority: { field: "priority", from: null, to: "high" },
      segments: { field: "segments", from: null, to: ["S1", "S2"] },
      phones: { field: "phones", from: null, to: ["+5511987654321"] },
      emails: { field: "emails", from: null, to: ["contato@exemplo.com.br"] },
    });
  });

  it("create leaves out the fields left empty", async () => {
    const w = await createWorld();
    const data = input({ segmentIds: [w.segments.s1] });
    const result = await createContact(w.viewers.operator, data, "form");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [entry] = await getContactHistory(w.viewers.operator, result.id);
    expect(entry.changes.map((c) => c.field).sort()).toEqual(["customerCode", "document", "name", "priority", "segments"].sort());
  });

  it("update records only the changed fields, from → to (segments and responsável by name)", async () => {
    const w = await createWorld();
    const id = w.contacts.inS1;
    const { current, input: data } = await editPayload(w.viewers.supervisor, id, {
      priority: "high",
      segmentIds: [w.segments.s1, w.segments.s2],
      responsibleUserId: w.viewers.operator.userId,
    });
    expect(current.priority).toBe("medium");

    expect(await updateContact(w.viewers.supervisor, id, current.version, data, "import")).toEqual({ ok: true, id });

    const [latest] = await getContactHistory(w.viewers.supervisor, id);
    expect(latest).toMatchObject({ action: "update", source: "import", actorName: "Supervisor" });
    expect([...latest.changes].sort((a, b) => a.field.localeCompare(b.field))).toEqual([
      { field: "priority", from: "medium", to: "high" },
      { field: "responsible", from: null, to: "Operator" },
      { field: "segments", from: ["S1"], to: ["S1", "S2"] },
    ]);
  });

  it("an update that removes a segment and the responsável records their names going away", async () => {
    const w = await createWorld();
    const id = w.contacts.inS1andS3;
    const first = await editPayload(w.viewers.admin, id, { responsibleUserId: w.viewers.otherOperator.userId });
    expect(await updateContact(w.viewers.admin, id, first.current.version, first.input, "form")).toMatchObject({ ok: true });
    const second = await editPayload(w.viewers.admin, id, { responsibleUserId: null, segmentIds: [w.segments.s3] });
    expect(await updateContact(w.viewers.admin, id, second.current.version, second.input, "form")).toMatchObject({ ok: true });

    const [latest] = await getContactHistory(w.viewers.admin, id);
    expect([...latest.changes].sort((a, b) => a.field.localeCompare(b.field))).toEqual([
      { field: "responsible", from: "Other", to: null },
      { field: "segments", from: ["S1", "S3"], to: ["S3"] },
    ]);
  });

  it("saving without changes records no history entry", async () => {
    const w = await createWorld();
    const id = w.contacts.inS2;
    const before = await getContactHistory(w.viewers.admin, id);
    const { current, input: data } = await editPayload(w.viewers.supervisor, id);
    expect(await updateContact(w.viewers.supervisor, id, current.version, data, "form")).toEqual({ ok: true, id });
    expect(await getContactHistory(w.viewers.admin, id)).toEqual(before);
    // Nor a new version, which would refuse someone else's save for a change nobody made.
    expect((await getContactForEdit(w.viewers.admin, id))!.version).toBe(current.version);
  });

  it("revealContactDocument returns the formatted document and records action reveal_document", async () => {
    const w = await createWorld();
    for (const id of [w.contacts.inS1, w.contacts.inS2]) {
      const stored = (await loadVisibleContact(w.viewers.admin, id))!;
      const result = await revealContactDocument(w.viewers.supervisor, id);
      expect(result).toEqual({ ok: true, document: formatDocument(stored.document, stored.documentType) });
      if (!result.ok) continue;
      expect(result.document.replace(/[.\-/]/g, "")).toBe(stored.document);
      expect(result.document).toMatch(stored.documentType === "cpf" ? /^\d{3}\.\d{3}\.\d{3}-\d{2}$/ : /^\w{2}\.\w{3}\.\w{3}\/\w{4}-\d{2}$/);
      const [latest] = await getContactHistory(w.viewers.admin, id);
      expect(latest).toMatchObject({ action: "reveal_document", actorName: "Supervisor", changes: [] });
    }
    // One row per reveal, recorded in the database with the actor's id.
    const rows = await getDb()
      .select({ actorUserId: contactHistory.actorUserId })
      .from(contactHistory)
      .where(and(eq(contactHistory.organizationId, w.orgA), eq(contactHistory.action, "reveal_document")));
    expect(rows).toEqual([{ actorUserId: w.viewers.supervisor.userId }, { actorUserId: w.viewers.supervisor.userId }]);
  });
});
