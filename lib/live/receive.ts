import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { getDb, rowsOf, type Transaction } from "@/db/client";
import { failure, invalidInputMessage, type ActionResult } from "@/lib/actions/result";
import { violatedUniqueConstraint } from "@/lib/actions/unique-violation";
import type { AttendanceInput, ReceivedAttendanceAnswer } from "./attendance-input";
import { requestDistribution } from "./distribute";

// A customer's message arriving from an integration (POST /api/v1/attendances). The contact is
// found by código, then by the address, only among the organization's contacts; the attendance
// enters the queue of the given segment, else of the contact's first segment, else "Sem
// segmento". A customer who writes again while their attendance on the channel still waits or is
// open continues it. A replay with the same Idempotency-Key answers the first result.

export type ReceivedAttendance = ReceivedAttendanceAnswer & {
  /** True when this answers again an earlier request with the same Idempotency-Key. */
  replayed: boolean;
};

/** The integration the request came through (an authenticated API key). */
export type ApiCaller = { organizationId: string; keyId: string };

type Received = ActionResult<{ attendance: ReceivedAttendance }>;

const keyReused = () => failure("conflict", "Esta Idempotency-Key já foi usada com outro conteúdo.");

export async function receiveAttendance(caller: ApiCaller, input: AttendanceInput, idempotencyKey: string | null): Promise<Received> {
  const digest = createHash("sha256").update(JSON.stringify(input)).digest("hex");
  try {
    const received = await getDb().transaction((tx) => receive(tx, caller, input, idempotencyKey, digest));
    if (received.ok && !received.attendance.continued && !received.attendance.replayed) await requestDistribution(caller.organizationId);
    return received;
  } catch (error) {
    // The same key at the same instant for another customer (the same customer's requests wait for each other).
    if (violatedUniqueConstraint(error) === "messages_idempotency_key") return keyReused();
    throw error;
  }
}

async function receive(tx: Transaction, caller: ApiCaller, input: AttendanceInput, idempotencyKey: string | null, digest: string): Promise<Received> {
  const org = caller.organizationId;
  // One customer on one channel at a time: two messages at once do not open two attendances,
  // and a replay waits for the request it repeats.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`attendance:${org}:${input.channel}:${input.address}`}, 0))`);
  if (idempotencyKey) {
    const [earlier] = rowsOf<Row & { request_digest: string; continued: boolean }>(
      await tx.execute(sql`
        select a.id, a.status, a.contact_id, a.segment_id, m.request_digest,
          exists (select 1 from messages o where o.organization_id = m.organization_id and o.attendance_id = m.attendance_id and o.created_at < m.created_at) as continued
        from messages m join attendances a on a.organization_id = m.organization_id and a.id = m.attendance_id
        where m.organization_id = ${org}::uuid and m.api_key_id = ${caller.keyId}::uuid and m.idempotency_key = ${idempotencyKey}`),
    );
    if (earlier) {
      if (earlier.request_digest !== digest) return keyReused();
      return { ok: true, attendance: { ...fromRow(earlier), continued: earlier.continued, replayed: true } };
    }
  }

  const [active] = rowsOf<Row>(
    await tx.execute(sql`
      select id, status, contact_id, segment_id from attendances
      where organization_id = ${org}::uuid and channel = ${input.channel} and address = ${input.address} and status in ('waiting', 'open')
      order by arrived_at limit 1`),
  );
  let row = active;
  if (!row) {
    const placed = await placeInQueue(tx, org, input);
    if (!placed.ok) return placed;
    [row] = rowsOf<Row>(
      await tx.execute(sql`
        insert into attendances (organization_id, channel, address, contact_id, priority_rank, segment_id, api_key_id)
        values (${org}::uuid, ${input.channel}, ${input.address}, ${placed.contactId}::uuid, ${placed.priorityRank}, ${placed.segmentId}::uuid, ${caller.keyId}::uuid)
        returning id, status, contact_id, segment_id`),
    );
  }
  await tx.execute(sql`
    insert into messages (organization_id, attendance_id, channel, address, direction, body, status, api_key_id, idempotency_key, request_digest)
    values (${org}::uuid, ${row.id}::uuid, ${input.channel}, ${input.address}, 'inbound', ${input.message}, 'received',
      ${caller.keyId}::uuid, ${idempotencyKey}, ${idempotencyKey ? digest : null})`);
  return { ok: true, attendance: { ...fromRow(row), continued: active !== undefined, replayed: false } };
}

type Row = { id: string; status: ReceivedAttendance["status"]; contact_id: string | null; segment_id: string | null };

const fromRow = (row: Row) => ({ id: row.id, status: row.status, contactId: row.contact_id, segmentId: row.segment_id });

/** The new attendance's contact and queue: the given segment, else the contact's first (by name), else none. */
async function placeInQueue(
  tx: Transaction,
  org: string,
  input: AttendanceInput,
): Promise<ActionResult<{ contactId: string | null; priorityRank: number; segmentId: string | null }>> {
  if (input.segmentId) {
    const [segment] = rowsOf(
      await tx.execute(sql`select 1 from segments where organization_id = ${org}::uuid and id = ${input.segmentId}::uuid and archived_at is null`),
    );
    if (!segment) return failure("invalid", invalidInputMessage, { segmentId: ["Segmento não encontrado."] });
  }
  const contact = await findContact(tx, org, input);
  return { ok: true, contactId: contact?.id ?? null, priorityRank: contact?.priority_rank ?? 2, segmentId: input.segmentId ?? contact?.segment_id ?? null };
}

/** By código first; else the contact with that phone or e-mail updated last. */
async function findContact(tx: Transaction, org: string, input: AttendanceInput) {
  const firstSegment = sql`(select s.id from segments s where s.organization_id = contacts.organization_id and s.id = any(contacts.segment_ids)
    and s.archived_at is null order by s.name limit 1) as segment_id`;
  type Found = { id: string; priority_rank: number; segment_id: string | null };
  if (input.customerCode) {
    const [byCode] = rowsOf<Found>(
      await tx.execute(sql`select contacts.id, contacts.priority_rank, ${firstSegment} from contacts where organization_id = ${org}::uuid and customer_code = ${input.customerCode}`),
    );
    if (byCode) return byCode;
  }
  const list = input.channel === "email" ? sql`emails` : sql`phones`;
  const [byAddress] = rowsOf<Found>(
    await tx.execute(sql`
      select contacts.id, contacts.priority_rank, ${firstSegment} from contacts
      where organization_id = ${org}::uuid and ${list} @> array[${input.address}]::text[]
      order by updated_at desc limit 1`),
  );
  return byAddress ?? null;
}
