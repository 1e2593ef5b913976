import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import type { Channel, Priority } from "@/db/schema";
import { createWorld, type World } from "@/db/testing/world";
import type { Viewer } from "@/lib/auth/viewer";
import { generateCpf } from "@/lib/documents/document";
import { mulberry32 } from "@/db/seed";
import { closeAttendance, getAttendance, transferAttendance } from "./attendance";
import { setPresence } from "./presence";
import { listQueues, takeNextAttendance } from "./queues";
import { addAttendance, saveLiveSettings } from "@/db/testing/live";

// The rules of issue 13 on queues: the serving order, who sees and takes what, the cap and pauses.

let world: World;
beforeEach(async () => {
  world = await createWorld();
});

const rank: Record<Priority, number> = { high: 3, medium: 2, low: 1 };

async function contactWithPriority(priority: Priority) {
  const [row] = rowsOf<{ id: string }>(
    await getDb().execute(sql`
      insert into contacts (organization_id, name, document, document_type, customer_code, priority)
      values (${world.orgA}::uuid, 'Cliente', ${generateCpf(world.random)}, 'cpf', ${`P-${crypto.randomUUID()}`}, ${priority})
      returning id`),
  );
  return row.id;
}

/** Takes attendances as `viewer` until none is left, with a cap that never stops it. */
async function takeAll(viewer: Viewer) {
  const taken: string[] = [];
  for (;;) {
    const next = await takeNextAttendance(viewer);
    if (!next.ok) return taken;
    taken.push(next.id);
    await closeAttendance(viewer, next.id, "resolved");
  }
}

const queueOf = async (viewer: Viewer, segmentId: string | null) => (await listQueues(viewer)).find((q) => q.segmentId === segmentId)!;

describe("the serving order", () => {
  it("is channel priority, then Alta → Média → Baixa (no contact counts as Média), then the oldest, for any mix", async () => {
    const random = mulberry32(13);
    const channelPriorities = { whatsapp: 2, sms: 0, email: 1 };
    await saveLiveSettings(world.orgA, { channelPriorities, maxOpenPerOperator: 100 });
    const byPriority = { high: await contactWithPriority("high"), medium: await contactWithPriority("medium"), low: await contactWithPriority("low") };
    const expected: { id: string; channel: number; rank: number; minutesAgo: number }[] = [];
    const minutes = Array.from({ length: 30 }, (_, i) => i * 3 + 1).sort(() => random() - 0.5);
    for (const minutesAgo of minutes) {
      const channel = (["whatsapp", "sms", "email"] as Channel[])[Math.floor(random() * 3)];
      const priority = ([null, "high", "medium", "low"] as (Priority | null)[])[Math.floor(random() * 4)];
      const id = await addAttendance(world.orgA, { segmentId: world.segments.s1, contactId: priority ? byPriority[priority] : null, channel, minutesAgo });
      expected.push({ id, channel: channelPriorities[channel], rank: priority ? rank[priority] : 2, minutesAgo });
    }
    expected.sort((a, b) => b.channel - a.channel || b.rank - a.rank || b.minutesAgo - a.minutesAgo);

    const queue = await queueOf(world.viewers.operator, world.segments.s1);
    expect(queue.entries.map((e) => e.id)).toEqual(expected.map((e) => e.id));
    expect(queue.waiting).toBe(30);
    expect(await takeAll(world.viewers.operator)).toEqual(expected.map((e) => e.id));
  });

  it("serves an attendance one level higher after the aging minutes, and only then", async () => {
    await saveLiveSettings(world.orgA, { agingMinutes: 10 });
    const low = await contactWithPriority("low");
    const medium = await contactWithPriority("medium");
    const high = await contactWithPriority("high");
    const agedLow = await addAttendance(world.orgA, { segmentId: world.segments.s1, contactId: low, minutesAgo: 15 });
    const freshMedium = await addAttendance(world.orgA, { segmentId: world.segments.s1, contactId: medium, minutesAgo: 5 });
    const agedMedium = await addAttendance(world.orgA, { segmentId: world.segments.s1, contactId: medium, minutesAgo: 12 });
    const freshHigh = await addAttendance(world.orgA, { segmentId: world.segments.s1, contactId: high, minutesAgo: 1 });
    const freshLow = await addAttendance(world.orgA, { segmentId: world.segments.s1, contactId: low, minutesAgo: 2 });

    const queue = await queueOf(world.viewers.operator, world.segments.s1);
    // The aged Média ties with Alta and arrived first; the aged Baixa ties with the fresh Média and arrived first.
    expect(queue.entries.map((e) => e.id)).toEqual([agedMedium, freshHigh, agedLow, freshMedium, freshLow]);
    expect(queue.entries.map((e) => [e.priority, e.aged])).toEqual([["medium", true], ["high", false], ["low", true], ["medium", false], ["low", false]]);

    await saveLiveSettings(world.orgA, { agingMinutes: null });
    expect((await queueOf(world.viewers.operator, world.segments.s1)).entries.map((e) => e.id)).toEqual([freshHigh, agedMedium, freshMedium, agedLow, freshLow]);
  });

  it("follows a change of the contact's priority at once", async () => {
    const first = await contactWithPriority("medium");
    const second = await contactWithPriority("medium");
    const older = await addAttendance(world.orgA, { segmentId: world.segments.s1, contactId: first, minutesAgo: 5 });
    const newer = await addAttendance(world.orgA, { segmentId: world.segments.s1, contactId: second, minutesAgo: 1 });
    expect((await queueOf(world.viewers.operator, world.segments.s1)).entries.map((e) => e.id)).toEqual([older, newer]);
    await getDb().execute(sql`update contacts set priority = 'high' where id = ${second}::uuid`);
    expect((await queueOf(world.viewers.operator, world.segments.s1)).entries.map((e) => e.id)).toEqual([newer, older]);
  });
});

describe("who sees and takes what", () => {
  it("an operator works their segments' queues and Sem segmento, never another segment's", async () => {
    const { operator, otherOperator, admin, supervisor } = world.viewers;
    const inS3 = await addAttendance(world.orgA, { segmentId: world.segments.s3, minutesAgo: 30 });
    const inS1 = await addAttendance(world.orgA, { segmentId: world.segments.s1, minutesAgo: 1 });
    const unassigned = await addAttendance(world.orgA, { minutesAgo: 2 });

    expect((await listQueues(operator)).map((q) => q.name)).toEqual(["S1", "Sem segmento"]);
    expect((await listQueues(supervisor)).map((q) => q.name)).toEqual(["S1", "S2", "Sem segmento"]);
    expect((await listQueues(admin)).map((q) => q.name)).toEqual(["S1", "S2", "S3", "Sem segmento"]);
    // Another organization's admin: its own queues, with nothing of A's waiting in them.
    expect((await listQueues(world.viewers.adminB)).map((q) => [q.name, q.waiting])).toEqual([["SB", 0], ["Sem segmento", 0]]);

    expect(await takeAll(operator)).toEqual([unassigned, inS1]);
    expect(await getAttendance(operator, inS3)).toBeNull();
    expect(await getAttendance(otherOperator, inS1)).toBeNull();
    expect(await takeAll(otherOperator)).toEqual([inS3]);
  });

  it("shows the contact's card only to who sees the contact", async () => {
    const { operator } = world.viewers;
    // A customer of S3 who wrote to the general queue: the S1 operator serves them without seeing the contact.
    const hidden = await addAttendance(world.orgA, { contactId: world.contacts.inS3 });
    const shown = await addAttendance(world.orgA, { segmentId: world.segments.s1, contactId: world.contacts.inS1, minutesAgo: 1 });
    const queue = await queueOf(operator, null);
    expect(queue.entries[0]).toMatchObject({ id: hidden, contactName: null });
    await takeAll(operator);
    expect(await getAttendance(operator, hidden)).toMatchObject({ contact: null, contactHidden: true });
    expect(await getAttendance(operator, shown)).toMatchObject({ contact: { id: world.contacts.inS1 }, contactHidden: false });
    expect(await getAttendance(world.viewers.admin, hidden)).toMatchObject({ contact: { id: world.contacts.inS3 } });
  });

  it("a supervisor opens the attendances of their queues, not of others or of another organization", async () => {
    const inS2 = await addAttendance(world.orgA, { segmentId: world.segments.s2 });
    const inS3 = await addAttendance(world.orgA, { segmentId: world.segments.s3 });
    expect(await getAttendance(world.viewers.supervisor, inS2)).toMatchObject({ id: inS2, queueName: "S2", mine: false });
    expect(await getAttendance(world.viewers.supervisor, inS3)).toBeNull();
    expect(await getAttendance(world.viewers.adminB, inS2)).toBeNull();
    expect(await getAttendance(world.viewers.admin, "not-an-id")).toBeNull();
  });

  it("a transfer stays within the attendance's segment unless an admin makes it", async () => {
    const { operator, otherOperator, supervisor, admin } = world.viewers;
    const id = await addAttendance(world.orgA, { segmentId: world.segments.s1 });
    await takeNextAttendance(operator);
    expect(await transferAttendance(operator, id, { to: "operator", userId: otherOperator.userId })).toMatchObject({ ok: false, fieldErrors: { userId: expect.any(Array) } });
    expect(await transferAttendance(operator, id, { to: "queue", segmentId: world.segments.s3 })).toMatchObject({ ok: false, fieldErrors: { segmentId: expect.any(Array) } });
    expect(await transferAttendance(operator, id, { to: "operator", userId: supervisor.userId })).toEqual({ ok: true });
    expect(await getAttendance(supervisor, id)).toMatchObject({ operator: { id: supervisor.userId }, mine: true, status: "open" });
    // Back to a queue: it waits again where it was, for whoever serves that queue.
    expect(await transferAttendance(supervisor, id, { to: "queue", segmentId: world.segments.s2 })).toEqual({ ok: true });
    expect(await getAttendance(supervisor, id)).toMatchObject({ status: "waiting", operator: null, queueName: "S2" });
    expect(await transferAttendance(admin, id, { to: "operator", userId: otherOperator.userId })).toEqual({ ok: true });
    expect(await getAttendance(otherOperator, id)).toMatchObject({ mine: true });
    expect(await transferAttendance(world.viewers.adminB, id, { to: "queue", segmentId: "" })).toMatchObject({ ok: false });
  });
});

describe("Atender próximo", () => {
  it("stops at the cap of open attendances, and takes nothing while the operator is on pause", async () => {
    const { operator } = world.viewers;
    await saveLiveSettings(world.orgA, { maxOpenPerOperator: 2 });
    for (let i = 0; i < 3; i++) await addAttendance(world.orgA, { segmentId: world.segments.s1, minutesAgo: i });
    expect(await takeNextAttendance(operator)).toMatchObject({ ok: true });
    expect(await takeNextAttendance(operator)).toMatchObject({ ok: true });
    expect(await takeNextAttendance(operator)).toMatchObject({ ok: false, message: "Você já tem 2 atendimentos abertos: encerre um para atender o próximo." });
    await setPresence(operator, { status: "paused", pauseReason: "Almoço" });
    const [first] = (await listQueues(operator)).flatMap((q) => q.entries);
    expect(first).toBeDefined();
    expect(await takeNextAttendance(operator)).toMatchObject({ ok: false, message: "Você está em pausa: fique disponível para atender." });
    expect(await takeNextAttendance(world.viewers.admin)).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("N operators pulling at once from one queue take each attendance exactly once", async () => {
    await saveLiveSettings(world.orgA, { maxOpenPerOperator: 1000 });
    const operators = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const email = `puller${i}.${crypto.randomUUID()}@test.local`;
        const [user] = rowsOf<{ id: string }>(
          await getDb().execute(sql`insert into users (organization_id, name, email, role, password_hash) values (${world.orgA}::uuid, ${`Puller ${i}`}, ${email}, 'operator', 'x') returning id`),
        );
        await getDb().execute(sql`insert into segment_members (organization_id, segment_id, user_id) values (${world.orgA}::uuid, ${world.segments.s2}::uuid, ${user.id}::uuid)`);
        return { userId: user.id, organizationId: world.orgA, role: "operator" as const, name: `Puller ${i}`, email, segmentIds: [world.segments.s2] };
      }),
    );
    const waiting = new Set<string>();
    for (let i = 0; i < 60; i++) waiting.add(await addAttendance(world.orgA, { segmentId: world.segments.s2, minutesAgo: i }));
    const pulled = await Promise.all(
      operators.map(async (viewer) => {
        const mine: string[] = [];
        for (let next = await takeNextAttendance(viewer); next.ok; next = await takeNextAttendance(viewer)) mine.push(next.id);
        return mine;
      }),
    );
    const all = pulled.flat();
    expect(all.length).toBe(60);
    expect(new Set(all)).toEqual(waiting);
  });
});
