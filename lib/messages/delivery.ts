import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import type { Channel } from "@/db/enums";
import { logFailure } from "@/lib/actions/log-failure";
import { requestDelivery } from "./outbox";
import { connectedChannels, providerFor } from "./providers";
import { SENDS_AT_ONCE, type MessageProvider, type OutgoingMessage, type SendResult } from "./providers/provider";

// Delivery sends the outbox's due messages through their channel's provider, on the job engine: a
// stately queue (`message-delivery`, one run waiting however often it is asked for), asked for when
// messages are queued (requestDelivery) and scheduled every minute for retries and for requests
// that were lost. It works across organizations by design: it is the platform sending for all of
// them, each message with its own address and body, and nothing of one organization reaches another.
//
// A run claims a batch of one channel's due messages (`FOR UPDATE SKIP LOCKED`, in the order of
// `messages_delivery_idx`) and, in the claim's statement, leases them: `attempts + 1` and
// `next_attempt_at` moved past the time a send can take. Then it sends them, a few at a time, and
// records each outcome only if the message is still the one it claimed (queued, same attempts).
// So two runs never send one message at once, and a run that crashes mid-send loses nothing: when
// the lease ends the message is due again and sent then, counted as an attempt. That is
// at-least-once: should the crash fall between the server's acceptance and the record, the
// customer gets the e-mail twice (with the same Message-ID, which mail systems use to spot it),
// rather than a reply silently never sent. There is no "sending" status to mark a claim with,
// and one would need its own sweep to find what a crash left in it; the lease is the sweep.

/** Attempts before a message that keeps failing for a reason that may pass (4xx, a timeout) is failed. */
export const MAX_ATTEMPTS = 5;
/** The wait after the nth failed attempt: 1 min, 5 min, 30 min, 2 h. */
const RETRY_DELAYS_SECONDS = [60, 300, 1_800, 7_200];
/** A claimed message waits this long before another run may take it: far beyond a batch's sends (see email.ts' timeouts). */
const LEASE_SECONDS = 300;
/** Messages claimed at once per channel: a few rounds of SENDS_AT_ONCE, so a lease is never outlived. */
const BATCH_SIZE = 4 * SENDS_AT_ONCE;
/** One run sends this long, then hands over to the next: far inside the engine's expiry. */
const RUN_BUDGET_MS = 10_000;

type Claimed = OutgoingMessage & { attempts: number };
type Outcome = "sent" | "retrying" | "failed" | "lost";
export type DeliveryRun = Record<Exclude<Outcome, "lost">, number>;

/** The job engine's handler: a run of deliverQueued, whose failures reach the engine (which retries it) by code only. */
export async function runDeliveryJob(): Promise<void> {
  try {
    await deliverQueued();
  } catch (error) {
    logFailure("Message delivery", error);
    throw new Error(`A delivery run failed (${(error as { code?: string }).code ?? "no code"}); the engine retries it.`);
  }
}

/**
 * Sends the due messages of the connected channels, a batch of each in turn, until none is due or
 * the time budget is spent; then, with work left, asks for the next run. Answers what it did.
 */
export async function deliverQueued({ budgetMs = RUN_BUDGET_MS, batchSize = BATCH_SIZE } = {}): Promise<DeliveryRun> {
  const started = Date.now();
  const done: DeliveryRun = { sent: 0, retrying: 0, failed: 0 };
  let busy = connectedChannels();
  while (busy.length > 0) {
    const stillBusy: Channel[] = [];
    for (const channel of busy) {
      const provider = providerFor(channel);
      const claimed = await claimDue(channel, batchSize);
      await inParallel(claimed, SENDS_AT_ONCE, async (message) => {
        const outcome = await record(message, await attempt(provider, message));
        if (outcome !== "lost") done[outcome]++;
      });
      if (claimed.length === batchSize) stillBusy.push(channel);
    }
    busy = stillBusy;
    if (busy.length > 0 && Date.now() - started >= budgetMs) {
      await requestDelivery();
      break;
    }
  }
  return done;
}

/** Claims and leases a batch of the channel's due messages, across organizations, skipping those another run holds. */
async function claimDue(channel: Channel, batchSize: number): Promise<Claimed[]> {
  const rows = rowsOf<{ organization_id: string; id: string; channel: Channel; address: string; subject: string | null; body: string; attempts: number }>(
    await getDb().execute(claimStatement(channel, batchSize)),
  );
  return rows.map((r) => ({ organizationId: r.organization_id, id: r.id, channel: r.channel, address: r.address, subject: r.subject, body: r.body, attempts: Number(r.attempts) }));
}

/** The claim: due messages of one channel, oldest due first, straight from `messages_delivery_idx` (exported for the test of its plan). */
export function claimStatement(channel: Channel, batchSize: number): SQL {
  return sql`
    with due as (
      select organization_id, id from messages
      where status = 'queued' and channel = ${channel} and next_attempt_at <= now()
      order by next_attempt_at
      limit ${batchSize}
      for update skip locked
    )
    update messages m set attempts = m.attempts + 1, next_attempt_at = now() + ${LEASE_SECONDS} * interval '1 second'
    from due where m.organization_id = due.organization_id and m.id = due.id
    returning m.organization_id, m.id, m.channel, m.address, m.subject, m.body, m.attempts`;
}

async function attempt(provider: MessageProvider, message: Claimed): Promise<SendResult> {
  // Leased past the last attempt: a run died sending it, and whether it went out is unknown.
  if (message.attempts > MAX_ATTEMPTS) return { ok: false, error: `Envio não confirmado após ${MAX_ATTEMPTS} tentativas.`, permanent: true };
  try {
    return await provider.send(message);
  } catch (error) {
    // A provider answers failures; one that throws anyway is retried like a transient failure.
    logFailure(`Send (${provider.channel})`, error);
    return { ok: false, error: "Erro inesperado ao enviar.", permanent: false };
  }
}

/** Records the attempt, if the message is still as this run claimed it (another run may have taken it after the lease). */
async function record(message: Claimed, result: SendResult): Promise<Outcome> {
  const outcome = result.ok ? "sent" : result.permanent || message.attempts >= MAX_ATTEMPTS ? "failed" : "retrying";
  const set =
    result.ok ? sql`status = 'sent', sent_at = now(), next_attempt_at = null, error = null`
    : outcome === "failed" ? sql`status = 'failed', next_attempt_at = null, error = ${result.error}`
    : sql`next_attempt_at = now() + ${RETRY_DELAYS_SECONDS[message.attempts - 1]} * interval '1 second', error = ${result.error}`;
  const updated = rowsOf(
    await getDb().execute(sql`
      update messages set ${set}
      where organization_id = ${message.organizationId}::uuid and id = ${message.id}::uuid and status = 'queued' and attempts = ${message.attempts}
      returning 1`),
  );
  return updated.length > 0 ? outcome : "lost";
}

/** Runs `work` on every item, at most `limit` at once; after a failure it starts no more, lets those under way finish, and throws it. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const failures: unknown[] = [];
  const worker = async () => {
    while (failures.length === 0 && next < items.length) {
      try {
        await work(items[next++]);
      } catch (error) {
        failures.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failures.length > 0) throw failures[0];
}
