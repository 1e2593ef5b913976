import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import { contactHistory, contacts, type ContactConsent } from "@/db/schema";
import { editInput } from "@/db/testing/edit-input";
import { createWorld, type World } from "@/db/testing/world";
import { formatDocument, generateCpf } from "@/lib/documents/document";
import type { Channel } from "@/lib/messages/channels";
import { contactInput, type RawContactInput } from "./contact-input";
import { consentGranted, reachableBy } from "./consent";
import { createContact, updateContact } from "./mutations";
import { getContactForEdit, getContactHistory } from "./queries";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

let counter = 0;
const input = (overrides: Partial<RawContactInput> = {}) =>
  contactInput.parse({ name: "Maria Consentimento", document: formatDocument(generateCpf(), "cpf"), customerCode: `CONS-${++counter}-${randomUUID().slice(0, 8)}`, ...overrides });

async function stored(id: string) {
  const [row] = await getDb().select({ consent: contacts.consent, version: contacts.version }).from(contacts).where(eq(contacts.id, id));
  return row;
}

async function created(overrides: Partial<RawContactInput>, source: "form" | "api" | "live" = "form") {
  const result = await createContact(world.viewers.admin, input(overrides), source);
  if (!result.ok) throw new Error(result.message);
  return result.id;
}

/** The edit form's payload for the stored contact, with overrides (consent left out unless given: kept). */
async function edit(id: string, overrides: Partial<RawContactInput>, viewer = world.viewers.admin) {
  const current = (await getContactForEdit(viewer, id))!;
  const editable = (segmentId: string) => viewer.role === "admin" || viewer.segmentIds.includes(segmentId);
  return updateContact(viewer, id, current.version, editInput(current, editable, overrides), "form");
}

const consentChanges = async (id: string) =>
  (await getContactHistory(world.viewers.admin, id)).map((entry) => entry.changes.filter((change) => change.field.startsWith("consent.")));

describe("writing consent through the contact writer", () => {
  it("a creation stamps each answered channel with when, through what and by whom, and records it in the history", async () => {
    const id = await created({ phones: ["(11) 98765-4321"], consent: { whatsapp: "granted", sms: "denied", email: null } }, "api");
    const { consent } = await stored(id);
    expect(Object.keys(consent).sort()).toEqual(["sms", "whatsapp"]);
    expect(consent.whatsapp).toEqual({ status: "granted", at: expect.any(String), source: "api", by: "Admin" });
    expect(consent.sms).toMatchObject({ status: "denied", source: "api", by: "Admin" });
    // Stamped by the database in the write's transaction: the creation's own moment.
    const [creation] = await getDb()
      .select({ createdAt: contactHistory.createdAt })
      .from(contactHistory)
      .where(and(eq(contactHistory.contactId, id), eq(contactHistory.action, "create")));
    expect(new Date(consent.whatsapp!.at).toISOString()).toBe(consent.whatsapp!.at);
    expect(Math.trunc(creation.createdAt.getTime())).toBe(Date.parse(consent.whatsapp!.at));
    expect(await consentChanges(id)).toEqual([
      [
        { field: "consent.whatsapp", from: null, to: "granted" },
        { field: "consent.sms", from: null, to: "denied" },
      ],
    ]);
  });

  it("a creation without consent records none: every channel não informado", async () => {
    const id = await created({ emails: ["maria@exemplo.com.br"] });
    expect((await stored(id)).consent).toEqual({});
    expect(await consentChanges(id)).toEqual([[]]);
  });

  it("an edit that leaves a channel out, or gives it its stored status, keeps its record; a changed one is stamped again", async () => {
    const id = await created({ consent: { whatsapp: "granted", sms: "granted", email: "denied" } }, "live");
    const before = (await stored(id)).consent;

    // The form always sends every channel: WhatsApp as it was, e-mail changed; SMS left out by an API client.
    expect(await edit(id, { name: "Maria Editada", consent: { whatsapp: "granted", email: "granted" } })).toEqual({ ok: true, id });
    const after = await stored(id);
    expect(after.consent.whatsapp).toEqual(before.whatsapp);
    expect(after.consent.sms).toEqual(before.sms);
    expect(after.consent.email).toEqual({ status: "granted", at: expect.any(String), source: "form", by: "Admin" });
    expect(Date.parse(after.consent.email!.at)).toBeGreaterThanOrEqual(Date.parse(before.email!.at));
    expect(after.version).toBe(2);
    expect((await consentChanges(id))[0]).toEqual([{ field: "consent.email", from: "denied", to: "granted" }]);
  });

  it("null clears a channel (não informado), recorded as such", async () => {
    const id = await created({ consent: { whatsapp: "granted", sms: "denied" } });
    expect(await edit(id, { consent: { sms: null } })).toEqual({ ok: true, id });
    expect((await stored(id)).consent).toEqual({ whatsapp: expect.objectContaining({ status: "granted" }) });
    expect((await consentChanges(id))[0]).toEqual([{ field: "consent.sms", from: "denied", to: null }]);
  });

  it("a consent-only edit is a change like any other: new version, one history row, by its editor", async () => {
    const id = await created({ segmentIds: [world.segments.s1] });
    const supervisor = world.viewers.supervisor;
    expect(await edit(id, { consent: { whatsapp: "denied" } }, supervisor)).toEqual({ ok: true, id });
    const row = await stored(id);
    expect(row.version).toBe(2);
    expect(row.consent.whatsapp).toMatchObject({ status: "denied", source: "form", by: "Supervisor" });
    const history = await getContactHistory(world.viewers.admin, id);
    expect(history.map((h) => [h.action, h.actorName])).toEqual([
      ["update", "Supervisor"],
      ["create", "Admin"],
    ]);
  });

  it("an edit that gives every channel its stored status writes nothing (no new version)", async () => {
    const id = await created({ consent: { whatsapp: "granted", sms: "denied" } });
    expect(await edit(id, { consent: { whatsapp: "granted", sms: "denied", email: null } })).toEqual({ ok: true, id });
    expect((await stored(id)).version).toBe(1);
  });

  it("an edit from a stale version is refused and leaves the consent as the first save left it", async () => {
    const id = await created({ consent: { email: "granted" } });
    const stale = (await getContactForEdit(world.viewers.admin, id))!;
    expect(await edit(id, { consent: { email: "denied" } })).toEqual({ ok: true, id });
    const late = await updateContact(world.viewers.admin, id, stale.version, editInput(stale, () => true, { consent: { email: null } }), "form");
    expect(late).toMatchObject({ ok: false, code: "conflict" });
    expect((await stored(id)).consent.email).toMatchObject({ status: "denied" });
  });
});

describe("consentGranted and reachableBy", () => {
  const granted = { status: "granted", at: "2026-03-12T17:05:00.000Z", source: "import", by: "Ana" } as const;
  const denied = { ...granted, status: "denied" } as const;
  let ids: Record<string, string>;

  beforeAll(async () => {
    const people: Record<string, { phones: string[]; emails: string[]; consent: ContactConsent }> = {
      everything: { phones: ["+5511987650001"], emails: ["a@exemplo.com.br"], consent: { whatsapp: granted, sms: granted, email: granted } },
      grantedNoAddress: { phones: [], emails: [], consent: { whatsapp: granted, sms: granted, email: granted } },
      denied: { phones: ["+5511987650002"], emails: ["b@exemplo.com.br"], consent: { whatsapp: denied, sms: denied, email: denied } },
      notRecorded: { phones: ["+5511987650003"], emails: ["c@exemplo.com.br"], consent: {} },
      whatsappOnly: { phones: ["+5511987650004"], emails: ["d@exemplo.com.br"], consent: { whatsapp: granted, email: denied } },
      emailOnly: { phones: [], emails: ["e@exemplo.com.br"], consent: { email: granted, sms: granted } },
    };
    ids = {};
    for (const [key, person] of Object.entries(people)) {
      const [row] = await getDb()
        .insert(contacts)
        .values({
          organizationId: world.orgA,
          name: key,
          document: generateCpf(world.random),
          documentType: "cpf",
          customerCode: `REACH-${key}-${randomUUID().slice(0, 8)}`,
          ...person,
        })
        .returning({ id: contacts.id });
      ids[key] = row.id;
    }
  });

  async function matching(condition: ReturnType<typeof reachableBy>) {
    const rows = await getDb()
      .select({ name: contacts.name })
      .from(contacts)
      .where(and(inArray(contacts.id, Object.values(ids)), condition));
    return rows.map((r) => r.name).sort();
  }

  it.each<[Channel, string[]]>([
    ["whatsapp", ["everything", "whatsappOnly"]],
    ["sms", ["everything"]],
    ["email", ["emailOnly", "everything"]],
  ])("reachableBy(%s) counts exactly the contacts with consent granted and an address there", async (channel, expected) => {
    expect(await matching(reachableBy(channel))).toEqual(expected);
    const [count] = await getDb()
      .select({ n: sql<number>`count(*)::int` })
      .from(contacts)
      .where(and(inArray(contacts.id, Object.values(ids)), reachableBy(channel)));
    expect(count.n).toBe(expected.length);
  });

  it.each<[Channel, string[]]>([
    ["whatsapp", ["everything", "grantedNoAddress", "whatsappOnly"]],
    ["sms", ["emailOnly", "everything", "grantedNoAddress"]],
    ["email", ["emailOnly", "everything", "grantedNoAddress"]],
  ])("consentGranted(%s) asks the answer only: denied and não informado are out", async (channel, expected) => {
    expect(await matching(consentGranted(channel))).toEqual(expected);
  });

  it("gets the planner's estimate right, so a count that answers with the estimate past a limit answers the truth", async () => {
    // 3,000 contacts of their own organization: 60 % granted WhatsApp (each record its own time and
    // author, as real ones are), 80 % with a phone; 1,500 reachable.
    const [org] = rowsOf<{ id: string }>(await getDb().execute(sql`insert into organizations (name) values ('Estimativa') returning id`));
    await getDb().execute(sql`
      insert into contacts (organization_id, name, document, document_type, customer_code, phones, consent)
      select ${org.id}::uuid, 'Contato ' || i, lpad(i::text, 11, '0'), 'cpf', 'EST-' || i,
        case when i % 5 < 4 then array['+55119' || lpad(i::text, 8, '0')] else '{}' end,
        case when i % 10 < 6 then jsonb_build_object('whatsapp', jsonb_build_object('status', 'granted',
            'at', to_char(timestamp '2026-01-01' + i * interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'source', 'import', 'by', 'Pessoa ' || i % 37))
          when i % 10 < 8 then jsonb_build_object('whatsapp', jsonb_build_object('status', 'denied',
            'at', to_char(timestamp '2026-01-01' + i * interval '1 minute', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'source', 'form', 'by', 'Pessoa ' || i % 37))
          else '{}'::jsonb end
      from generate_series(1, 3000) i`);
    await getDb().execute(sql`analyze contacts`);
    const audience = sql`select 1 from contacts where contacts.organization_id = ${org.id}::uuid and ${reachableBy("whatsapp")}`;
    const [{ n }] = rowsOf<{ n: number }>(await getDb().execute(sql`select count(*)::int as n from (${audience}) a`));
    expect(n).toBe(1500);
    const plan = rowsOf<{ "QUERY PLAN": { Plan: { "Plan Rows": number } }[] }>(await getDb().execute(sql`explain (format json) ${audience}`));
    const estimate = Number(plan[0]["QUERY PLAN"][0].Plan["Plan Rows"]);
    expect(estimate).toBeGreaterThan(1500 * 0.75);
    expect(estimate).toBeLessThan(1500 * 1.25);
  });
});
