import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import { createWorld, type World } from "@/db/testing/world";
import { contactInput } from "@/lib/contacts/contact-input";
import { generateCpf } from "@/lib/documents/document";
import { getAttendance } from "./attendance";
import { contactsMatchingAttendance, createContactForAttendance, linkContactToAttendance } from "./attendance-contact";
import { listContactAttendances } from "./contact-attendances";
import { listQueues, takeNextAttendance } from "./queues";
import { updateLiveSettings } from "./settings";
import { liveSettingsInput } from "./settings-input";
import { addAttendance } from "@/db/testing/live";

// Creating or linking a contact in the middle of an attendance; a contact's attendances; the settings.

let world: World;
beforeEach(async () => {
  world = await createWorld();
});

const phone = "+5511912345678";
const form = (raw: Record<string, unknown>) =>
  contactInput.parse({ name: "Joana Prado", document: generateCpf(world.random), customerCode: `LIVE-${crypto.randomUUID()}`, phones: [phone], ...raw });

describe("Criar contato (Live)", () => {
  it("creates the contact with the form's rules, source Live, and links the attendance in the same write", async () => {
    const { operator } = world.viewers;
    const id = await addAttendance(world.orgA, { segmentId: world.segments.s1, address: phone });
    await takeNextAttendance(operator);
    const created = await createContactForAttendance(operator, id, form({ priority: "high", segmentIds: [world.segments.s1] }));
    expect(created).toMatchObject({ ok: true });
    if (!created.ok) return;
    expect(await getAttendance(operator, id)).toMatchObject({ contact: { id: created.id, priority: "high", name: "Joana Prado" } });
    const history = rowsOf<{ source: string; action: string }>(await getDb().execute(sql`select source, action from contact_history where contact_id = ${created.id}::uuid`));
    expect(history).toEqual([{ source: "live", action: "create" }]);
    expect(await createContactForAttendance(operator, id, form({}))).toMatchObject({ ok: false, message: "Este atendimento já tem um contato." });
  });

  it("refuses what the form refuses and leaves nothing behind", async () => {
    const { operator } = world.viewers;
    const id = await addAttendance(world.orgA, { segmentId: world.segments.s1, address: phone });
    await takeNextAttendance(operator);
    const before = rowsOf<{ count: number | string }>(await getDb().execute(sql`select count(*) from contacts where organization_id = ${world.orgA}::uuid`))[0].count;
    expect(await createContactForAttendance(operator, id, form({ segmentIds: [world.segments.s3] }))).toMatchObject({ ok: false, fieldErrors: { segmentIds: expect.any(Array) } });
    expect(await createContactForAttendance(world.viewers.otherOperator, id, form({}))).toMatchObject({ ok: false, code: "not_found" });
    expect(await createContactForAttendance(operator, "not-an-id", form({}))).toMatchObject({ ok: false, code: "not_found" });
    const after = rowsOf<{ count: number | string }>(await getDb().execute(sql`select count(*) from contacts where organization_id = ${world.orgA}::uuid`))[0].count;
    expect(after).toBe(before);
    expect(await getAttendance(operator, id)).toMatchObject({ contact: null, contactHidden: false });
  });

  it("offers the visible contacts with that phone or código, and links one; never an invisible one", async () => {
    const { operator } = world.viewers;
    await getDb().execute(sql`update contacts set phones = array[${phone}] where id in (${world.contacts.inS1}::uuid, ${world.contacts.inS3}::uuid)`);
    const id = await addAttendance(world.orgA, { segmentId: world.segments.s1, address: phone });
    await takeNextAttendance(operator);
    expect((await contactsMatchingAttendance(operator, id)).map((c) => c.id)).toEqual([world.contacts.inS1]);
    const [matched] = rowsOf<{ customer_code: string }>(await getDb().execute(sql`select customer_code from contacts where id = ${world.contacts.inS1}::uuid`));
    expect((await contactsMatchingAttendance(operator, id, matched.customer_code)).map((c) => c.id)).toEqual([world.contacts.inS1]);
    expect(await linkContactToAttendance(operator, id, world.contacts.inS3)).toMatchObject({ ok: false, code: "not_found" });
    expect(await linkContactToAttendance(operator, id, world.contacts.inS1)).toEqual({ ok: true });
    expect(await getAttendance(operator, id)).toMatchObject({ contact: { id: world.contacts.inS1 } });
  });
});

describe("a contact's attendances", () => {
  it("lists them with waiting and handling time, for whoever sees the contact", async () => {
    const id = await addAttendance(world.orgA, { segmentId: world.segments.s1, contactId: world.contacts.inS1, minutesAgo: 10 });
    await getDb().execute(sql`
      update attendances set status = 'closed', outcome = 'resolved', operator_user_id = ${world.viewers.operator.userId}::uuid,
        taken_at = arrived_at + interval '3 minutes', closed_at = arrived_at + interval '8 minutes' where id = ${id}::uuid`);
    expect(await listContactAttendances(world.viewers.operator, world.contacts.inS1)).toEqual([
      expect.objectContaining({ id, outcome: "resolved", operatorName: "Operator", waitingSeconds: 180, handlingSeconds: 300 }),
    ]);
    expect(await listContactAttendances(world.viewers.otherOperator, world.contacts.inS1)).toEqual([]);
    expect(await listContactAttendances(world.viewers.adminB, world.contacts.inS1)).toEqual([]);
  });
});

describe("the Live settings", () => {
  it("are the admin's, validated, and reorder the queues", async () => {
    const input = liveSettingsInput.parse({ channelPriorities: { whatsapp: "0", sms: "0", email: "5" }, autoDistribution: false, maxOpenPerOperator: "4", agingMinutes: "" });
    expect(input).toEqual({ channelPriorities: { whatsapp: 0, sms: 0, email: 5 }, autoDistribution: false, maxOpenPerOperator: 4, agingMinutes: null });
    expect(liveSettingsInput.safeParse({ ...input, maxOpenPerOperator: 0 }).error?.issues[0].message).toBe("Ao menos 1 atendimento por operador.");
    expect(await updateLiveSettings(world.viewers.supervisor, input)).toMatchObject({ ok: false, code: "forbidden" });

    const whatsapp = await addAttendance(world.orgA, { segmentId: world.segments.s1, minutesAgo: 5 });
    const email = await addAttendance(world.orgA, { segmentId: world.segments.s1, channel: "email", address: "a@b.com", minutesAgo: 1 });
    expect(await updateLiveSettings(world.viewers.admin, input)).toEqual({ ok: true });
    const [s1] = await listQueues(world.viewers.operator);
    expect(s1.entries.map((e) => e.id)).toEqual([email, whatsapp]);
  });
});
