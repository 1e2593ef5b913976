import { sql } from "drizzle-orm";
import { afterAll, afterEach, expect, it } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import { createWorld } from "@/db/testing/world";
import { exited, startProcess, startWorker, stopAllWorkers, until } from "@/lib/jobs/testing/worker-processes";
import { deliverQueued } from "./delivery";
import { queueMessage, requestDelivery } from "./outbox";
import { closeEmailTransport } from "./providers/email";
import { startSmtpServer } from "./testing/smtp-server";

// Delivery with several workers on one PostgreSQL: two other processes and two runs in this one
// deliver the same outbox at the same instant; every message reaches the server exactly once. And
// a worker process (`npm run worker`) sends a message once it is asked for.

const smtp = await startSmtpServer();
afterEach(stopAllWorkers);
afterAll(async () => {
  closeEmailTransport();
  await smtp.close();
});

it("four runs at once, in three processes, send each message once", { timeout: 90_000 }, async () => {
  const world = await createWorld();
  const total = 300;
  await getDb().transaction(async (tx) => {
    for (let i = 0; i < total; i++) {
      const organizationId = i % 2 ? world.orgA : world.orgB;
      await queueMessage(tx, { organizationId, channel: "email", address: `c${i}@example.com`, subject: `Mensagem ${i}`, body: `Olá ${i}` });
    }
  });
  process.env.SMTP_URL = smtp.url;
  // Each process signs its e-mails with its own name: the server can tell who sent what.
  const senders = ["Worker 1", "Worker 2", "Carteira"].map((name) => `${name} <no-reply@carteira.example>`);
  // The server holds every message until each run has claimed a batch and is sending it.
  const release = smtp.hold();
  const at = Date.now() + 6_000;
  const workers = senders.slice(0, 2).map((from) => {
    process.env.SMTP_FROM = from;
    return startProcess("lib/messages/testing/deliver-at.ts", [String(at)]);
  });
  process.env.SMTP_FROM = senders[2];
  await new Promise((resolve) => setTimeout(resolve, at - Date.now()));
  const here = [deliverQueued({ budgetMs: 60_000 }), deliverQueued({ budgetMs: 60_000 })];
  const claimed = async () => {
    const [row] = rowsOf<{ n: number | string }>(await getDb().execute(sql`select count(*) as n from messages where attempts > 0`));
    return Number(row.n);
  };
  // Four batches of 20, none shared: all four runs hold messages at the same time.
  await until("four claimed batches", 30, async () => ((await claimed()) >= 80 ? true : null));
  release();
  const done = await Promise.all(here);
  expect(await Promise.all(workers.map(exited))).toEqual([0, 0]);

  const ids = smtp.received.map((m) => m.messageId);
  expect(ids).toHaveLength(total);
  expect(new Set(ids).size).toBe(total);
  expect(new Set(smtp.received.map((m) => m.from))).toEqual(new Set(senders));
  expect(done.reduce((sum, run) => sum + run.sent, 0)).toBe(smtp.received.filter((m) => m.from === senders[2]).length);
  const outcomes = rowsOf<{ status: string; attempts: number | string; n: number | string }>(
    await getDb().execute(sql`select status, attempts, count(*) as n from messages group by status, attempts`),
  );
  expect(outcomes.map((r) => [r.status, Number(r.attempts), Number(r.n)])).toEqual([["sent", 1, total]]);
});

it("a worker process sends a queued message once delivery is asked for", { timeout: 90_000 }, async () => {
  const world = await createWorld();
  process.env.SMTP_URL = smtp.url;
  process.env.SMTP_FROM = "Carteira <no-reply@carteira.example>";
  smtp.received.length = 0;
  startWorker();
  const { id } = await getDb().transaction((tx) =>
    queueMessage(tx, { organizationId: world.orgA, channel: "email", address: "cliente@example.com", subject: "Pedido", body: "Saiu para entrega." }),
  );
  await requestDelivery();
  const status = await until("the worker's delivery", 60, async () => {
    const [row] = rowsOf<{ status: string }>(await getDb().execute(sql`select status from messages where id = ${id}::uuid`));
    return row.status === "queued" ? null : row.status;
  });
  expect(status).toBe("sent");
  expect(smtp.received).toMatchObject([{ to: "cliente@example.com", subject: "Pedido", text: "Saiu para entrega.", messageId: `<${id}@carteira.example>` }]);
});
