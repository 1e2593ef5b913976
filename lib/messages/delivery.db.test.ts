import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import type { Channel } from "@/db/enums";
import { addAttendance } from "@/db/testing/live";
import { createWorld, type World } from "@/db/testing/world";
import { queues, workReadyJobs } from "@/lib/jobs/engine";
import { until } from "@/lib/jobs/testing/worker-processes";
import { getAttendance, replySubject, replyToAttendance } from "@/lib/live/attendance";
import { claimStatement, deliverQueued, MAX_ATTEMPTS, runDeliveryJob } from "./delivery";
import { queueMessage, requestDelivery } from "./outbox";
import { providerStatus } from "./providers";
import { closeEmailTransport } from "./providers/email";
import { startSmtpServer, type SmtpTestServer } from "./testing/smtp-server";

// Delivery against a real SMTP server on a free port: what arrives, what the outbox records, and
// how it retries, fails and hands over. Delivery works across organizations by design.

const from = "Carteira <no-reply@carteira.example>";
let smtp: SmtpTestServer;
let world: World;

beforeAll(async () => {
  smtp = await startSmtpServer();
  world = await createWorld();
});
afterAll(async () => {
  closeEmailTransport();
  await smtp.close();
});
beforeEach(async () => {
  process.env.SMTP_URL = smtp.url;
  process.env.SMTP_FROM = from;
  smtp.received.length = 0;
  smtp.answer(() => null);
  await getDb().execute(sql`delete from messages`);
  await getDb().execute(sql`delete from pgboss.job where name = ${queues.messageDelivery}`);
});

type Stored = { status: string; attempts: number; next_in_seconds: number | null; sent: boolean; error: string | null };

async function queue(message: { organizationId?: string; channel?: Channel; address?: string; subject?: string | null; body?: string } = {}) {
  const { id } = await getDb().transaction((tx) =>
    queueMessage(tx, { organizationId: world.orgA, channel: "email", address: "cliente@example.com", subject: "Seu pedido", body: "Olá!", ...message }),
  );
  return id;
}

async function stored(id: string): Promise<Stored> {
  const [row] = rowsOf<Stored & { attempts: number | string; next_in_seconds: number | string | null }>(
    await getDb().execute(sql`
      select status, attempts, extract(epoch from next_attempt_at - now()) as next_in_seconds, sent_at is not null as sent, error
      from messages where id = ${id}::uuid`),
  );
  return { ...row, attempts: Number(row.attempts), next_in_seconds: row.next_in_seconds === null ? null : Number(row.next_in_seconds) };
}

const waitingRuns = async () =>
  rowsOf(await getDb().execute(sql`select 1 from pgboss.job where name = ${queues.messageDelivery} and state = 'created'`)).length;

const makeDue = (id: string) => getDb().execute(sql`update messages set next_attempt_at = now() - interval '1 second' where id = ${id}::uuid`);

describe("delivery by e-mail", () => {
  it("sends a queued e-mail with its sender, recipient, subject, text and the text as escaped HTML, and records it sent", async () => {
    const id = await queue({ subject: "Seu pedido nº 12 saiu", body: "Olá, João!\n<script>alert('x')</script>\nAté logo & obrigado." });

    expect(await deliverQueued()).toEqual({ sent: 1, retrying: 0, failed: 0 });

    expect(smtp.received).toEqual([
      {
        envelopeFrom: "no-reply@carteira.example",
        envelopeTo: ["cliente@example.com"],
        from,
        to: "cliente@example.com",
        subject: "Seu pedido nº 12 saiu",
        messageId: `<${id}@carteira.example>`,
        text: "Olá, João!\n<script>alert('x')</script>\nAté logo & obrigado.",
        html: "Olá, João!<br>\n&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;<br>\nAté logo &amp; obrigado.",
      },
    ]);
    expect(await stored(id)).toEqual({ status: "sent", attempts: 1, next_in_seconds: null, sent: true, error: null });
    // Nothing left: the next run sends nothing.
    expect(await deliverQueued()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it("a message of organization A and one of B are both delivered, each to its own address", async () => {
    const a = await queue({ organizationId: world.orgA, address: "a@example.com", body: "De A" });
    const b = await queue({ organizationId: world.orgB, address: "b@example.com", body: "De B" });
    expect(await deliverQueued()).toEqual({ sent: 2, retrying: 0, failed: 0 });
    expect(smtp.received.map((m) => [m.to, m.text]).sort()).toEqual([["a@example.com", "De A"], ["b@example.com", "De B"]]);
    expect((await stored(a)).status).toBe("sent");
    expect((await stored(b)).status).toBe("sent");
  });

  it("a server answering 4xx: the attempt is counted and the next one scheduled a minute later, with the server's answer", async () => {
    const id = await queue();
    smtp.answer(() => ({ code: 451, message: "4.3.0 Tente mais tarde" }));
    expect(await deliverQueued()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const retrying = await stored(id);
    expect(retrying).toMatchObject({ status: "queued", attempts: 1, sent: false, error: "O servidor de e-mail respondeu: 451 4.3.0 Tente mais tarde" });
    expect(retrying.next_in_seconds).toBeGreaterThan(50);
    expect(retrying.next_in_seconds).toBeLessThanOrEqual(60);

    // Not due yet: a run leaves it.
    expect(await deliverQueued()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    // Due, and the server accepts now: sent at the second attempt, the error cleared.
    smtp.answer(() => null);
    await makeDue(id);
    expect(await deliverQueued()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await stored(id)).toEqual({ status: "sent", attempts: 2, next_in_seconds: null, sent: true, error: null });
  });

  it("waits longer after each failed attempt, and fails the message after the last one", async () => {
    const id = await queue();
    smtp.answer(() => ({ code: 421, message: "4.7.0 Muitas conexões" }));
    const waits: number[] = [];
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect(await deliverQueued()).toEqual({ sent: 0, retrying: 1, failed: 0 });
      const { attempts, next_in_seconds } = await stored(id);
      expect(attempts).toBe(attempt);
      waits.push(Math.round(next_in_seconds! / 60));
      await makeDue(id);
    }
    expect(waits).toEqual([1, 5, 30, 120]);
    expect(await deliverQueued()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await stored(id)).toEqual({ status: "failed", attempts: MAX_ATTEMPTS, next_in_seconds: null, sent: false, error: "O servidor de e-mail respondeu: 421 4.7.0 Muitas conexões" });
    expect(smtp.received).toHaveLength(0);
  });

  it("a server answering 5xx: failed at once, with the server's answer; the other recipients are sent", async () => {
    const unknown = await queue({ address: "ninguem@example.com" });
    const known = await queue({ address: "alguem@example.com" });
    smtp.answer((address) => (address === "ninguem@example.com" ? { code: 550, message: "5.1.1 Caixa postal inexistente" } : null));
    expect(await deliverQueued()).toEqual({ sent: 1, retrying: 0, failed: 1 });
    expect(await stored(unknown)).toEqual({ status: "failed", attempts: 1, next_in_seconds: null, sent: false, error: "O servidor de e-mail respondeu: 550 5.1.1 Caixa postal inexistente" });
    expect((await stored(known)).status).toBe("sent");
  });

  it("a refused login is our configuration, not the message: retried", async () => {
    const id = await queue();
    process.env.SMTP_URL = smtp.url.replace("s3gredo", "errado");
    expect(await deliverQueued()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await stored(id)).toMatchObject({ status: "queued", attempts: 1, error: expect.stringMatching(/^O servidor de e-mail recusou o login: 535/) });
  });

  it("an address holding a comma reaches nobody else: it is one invalid recipient", async () => {
    const id = await queue({ address: "cliente@example.com, intruso@example.com" });
    expect(await deliverQueued()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(smtp.received).toHaveLength(0);
    expect((await stored(id)).status).toBe("failed");
  });
});

describe("channels without a provider", () => {
  it("leaves WhatsApp and SMS messages queued, untouched, while e-mail is sent", async () => {
    const whatsapp = await queue({ channel: "whatsapp", address: "+5511987654321", subject: null });
    const sms = await queue({ channel: "sms", address: "+5511987654321", subject: null });
    const email = await queue();
    expect(providerStatus()).toEqual({ whatsapp: false, sms: false, email: true });
    expect(await deliverQueued()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    for (const id of [whatsapp, sms]) expect(await stored(id)).toMatchObject({ status: "queued", attempts: 0, sent: false, error: null });
    expect((await stored(email)).status).toBe("sent");
  });

  it("without SMTP settings nothing is connected: e-mail stays queued and no run is asked for", async () => {
    delete process.env.SMTP_URL;
    const id = await queue();
    expect(providerStatus()).toEqual({ whatsapp: false, sms: false, email: false });
    await requestDelivery();
    expect(await waitingRuns()).toBe(0);
    expect(await deliverQueued()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await stored(id)).toMatchObject({ status: "queued", attempts: 0 });
  });
});

describe("runs", () => {
  it("are asked for once however many messages are queued meanwhile", async () => {
    await requestDelivery();
    await requestDelivery();
    expect(await waitingRuns()).toBe(1);
  });

  it("a run past its time budget sends what it claimed and asks for the next run, which sends the rest", async () => {
    for (let i = 0; i < 3; i++) await queue({ address: `c${i}@example.com` });
    expect(await deliverQueued({ budgetMs: 0, batchSize: 2 })).toEqual({ sent: 2, retrying: 0, failed: 0 });
    expect(await waitingRuns()).toBe(1);
    expect(await workReadyJobs(queues.messageDelivery, () => runDeliveryJob())).toEqual([]);
    expect(smtp.received.map((m) => m.to).sort()).toEqual(["c0@example.com", "c1@example.com", "c2@example.com"]);
  });

  it("a run whose lease ran out records nothing: the run that took the message over does (sent at least once)", async () => {
    const id = await queue();
    const release = smtp.hold();
    const first = deliverQueued();
    await until("the first run's claim", 10, async () => ((await stored(id)).attempts === 1 ? true : null));
    // The first run is stuck sending; its lease ends (as after a crash) and another run takes the message.
    await makeDue(id);
    const second = deliverQueued();
    await until("the second run's claim", 10, async () => ((await stored(id)).attempts === 2 ? true : null));
    release();
    expect(await first).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await second).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await stored(id)).toMatchObject({ status: "sent", attempts: 2 });
    // Both sends reached the server, as one message to mail systems.
    expect(new Set(smtp.received.map((m) => m.messageId))).toEqual(new Set([`<${id}@carteira.example>`]));
  });

  it("a message whose run died during its last attempt is failed, not sent again", async () => {
    const id = await queue();
    await getDb().execute(sql`update messages set attempts = ${MAX_ATTEMPTS} where id = ${id}::uuid`);
    expect(await deliverQueued()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await stored(id)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS + 1, error: `Envio não confirmado após ${MAX_ATTEMPTS} tentativas.` });
    expect(smtp.received).toHaveLength(0);
  });

  it("take due messages in the order of messages_delivery_idx, from the index, without sorting them", async () => {
    // A campaign's worth of queued messages among received ones: a batch is the index's first rows.
    await getDb().execute(sql`
      insert into messages (organization_id, channel, address, direction, body, status, next_attempt_at)
      select ${world.orgA}::uuid, (array['whatsapp', 'sms', 'email'])[1 + i % 3], 'x@example.com',
        case when i % 4 = 0 then 'inbound' else 'outbound' end, 'x',
        case when i % 4 = 0 then 'received' else 'queued' end, case when i % 4 <> 0 then now() - i * interval '1 second' end
      from generate_series(1, 30000) i`);
    await getDb().execute(sql`analyze messages`);
    const plan = rowsOf<Record<string, string>>(await getDb().execute(sql`explain (costs off) ${claimStatement("email", 20)}`))
      .map((row) => Object.values(row)[0])
      .join("\n");
    expect(plan).toMatch(/Index Scan using messages_delivery_idx on messages/);
    expect(plan).not.toMatch(/Sort/);
  });
});

describe("Live's reply", () => {
  it("is queued with its subject and contact, asks for a run, and shows as sent once delivered", async () => {
    const { operator } = world.viewers;
    const attendance = await addAttendance(world.orgA, {
      channel: "email",
      address: "cliente@example.com",
      segmentId: world.segments.s1,
      contactId: world.contacts.inS1,
      operatorUserId: operator.userId,
    });
    expect(await replyToAttendance(operator, attendance, "Já verifiquei seu pedido.")).toEqual({ ok: true });
    const [queued] = rowsOf<{ subject: string; contact_id: string; author_user_id: string; status: string }>(
      await getDb().execute(sql`select subject, contact_id, author_user_id, status from messages where attendance_id = ${attendance}::uuid`),
    );
    expect(queued).toEqual({ subject: replySubject, contact_id: world.contacts.inS1, author_user_id: operator.userId, status: "queued" });
    expect((await getAttendance(operator, attendance))!.messages).toMatchObject([{ status: "queued", sentAt: null, error: null }]);

    expect(await waitingRuns()).toBe(1);
    expect(await workReadyJobs(queues.messageDelivery, () => runDeliveryJob())).toEqual([]);
    expect(smtp.received).toMatchObject([{ to: "cliente@example.com", subject: replySubject, text: "Já verifiquei seu pedido." }]);
    const [message] = (await getAttendance(operator, attendance))!.messages;
    expect(message).toMatchObject({ status: "sent", error: null });
    expect(message.sentAt).toBeInstanceOf(Date);
  });
});
