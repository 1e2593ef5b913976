import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Transaction } from "@/db/client";
import type { Channel } from "@/db/enums";
import { logFailure } from "@/lib/actions/log-failure";
import { queues, requestJob } from "@/lib/jobs/engine";
import { connectedChannels } from "./providers";

// The outbox: outbound messages wait in `messages`, `queued`, until delivery (delivery.ts) sends
// them. Whatever writes one (Live's reply, the API's Send Message, a campaign) writes the columns
// below with the values below, then asks for delivery once its transaction has committed.
//
// Why after commit, and not inside the writer's transaction: a request is a row of pg-boss's
// stately queue under one key, and its unique index would make every transaction writing messages
// wait for the one before it to commit (a campaign writing a million rows would hold up every
// operator's reply); and a failed request must not undo a message. The message is safe once
// committed: should the request be lost (a crash right after the commit, the engine unreachable),
// the delivery schedule finds the message within a minute.

/** The delivery columns of a new outbound message, and their values, for set-based writers:
 * `insert into messages (organization_id, …, ${outboxColumns}) select …, ${outboxValues} from …`,
 * then `requestDelivery()` after the transaction. queueMessage writes the same. */
export const outboxColumns = sql.raw("direction, status, attempts, next_attempt_at");
export const outboxValues = sql.raw("'outbound', 'queued', 0, now()");

export type OutboundMessage = {
  organizationId: string;
  channel: Channel;
  /** E.164 phone or lower-case e-mail, already validated by the caller's schema. */
  address: string;
  body: string;
  /** E-mail only. */
  subject?: string | null;
  attendanceId?: string | null;
  contactId?: string | null;
  templateId?: string | null;
  campaignId?: string | null;
  authorUserId?: string | null;
  /** A message an integration sent, with its Idempotency-Key and the request's digest. */
  apiKeyId?: string | null;
  idempotencyKey?: string | null;
  requestDigest?: string | null;
};

/** Puts one outbound message in the outbox, in the caller's transaction. Call requestDelivery() after it commits. */
export async function queueMessage(tx: Transaction, m: OutboundMessage): Promise<{ id: string }> {
  const [row] = rowsOf<{ id: string }>(
    await tx.execute(sql`
      insert into messages (organization_id, channel, address, subject, body, attendance_id, contact_id, template_id, campaign_id,
        author_user_id, api_key_id, idempotency_key, request_digest, ${outboxColumns})
      values (${m.organizationId}::uuid, ${m.channel}, ${m.address}, ${m.subject ?? null}, ${m.body}, ${m.attendanceId ?? null}::uuid,
        ${m.contactId ?? null}::uuid, ${m.templateId ?? null}::uuid, ${m.campaignId ?? null}::uuid, ${m.authorUserId ?? null}::uuid,
        ${m.apiKeyId ?? null}::uuid, ${m.idempotencyKey ?? null}, ${m.requestDigest ?? null}, ${outboxValues})
      returning id`),
  );
  return row;
}

/** The one key of delivery's stately queue: one run waiting however many messages are queued meanwhile. */
const deliveryKey = "outbox";

/**
 * Asks the job engine for a delivery run, after messages were queued (and by a run that leaves
 * work behind). Never throws: the messages are already committed, and the schedule takes them up
 * should this request fail. Nothing is asked while no channel is connected.
 */
export async function requestDelivery(): Promise<void> {
  if (connectedChannels().length === 0) return;
  try {
    await requestJob(queues.messageDelivery, {}, deliveryKey);
  } catch (error) {
    logFailure("Delivery request", error);
  }
}
