import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rowsOf, type Transaction } from "@/db/client";
import type { AttendanceOutcome, AttendanceStatus, Channel, MessageDirection, MessageStatus } from "@/db/schema";
import { failure, invalidInputMessage, type ActionResult } from "@/lib/actions/result";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { getContact, type ContactDetail } from "@/lib/contacts/queries";
import { queueMessage, requestDelivery } from "@/lib/messages/outbox";
import { parseId } from "@/lib/sql/ids";
import type { TransferInput } from "./attendance-actions-input";
import { requestDistribution } from "./distribute";
import { attendanceOpenTo } from "./scope";

// One attendance: what its screen shows, and what the operator does in it.

export type AttendanceMessage = {
  id: string;
  direction: MessageDirection;
  body: string;
  status: MessageStatus;
  authorName: string | null;
  createdAt: Date;
  /** Outbound: when delivery sent it. */
  sentAt: Date | null;
  /** Outbound: why it failed, or why its last attempt did while it waits for the next. */
  error: string | null;
};

export type AttendanceView = {
  id: string;
  channel: Channel;
  address: string;
  status: AttendanceStatus;
  outcome: AttendanceOutcome | null;
  segmentId: string | null;
  queueName: string;
  operator: { id: string; name: string } | null;
  /** The viewer holds it: they answer, transfer and close it. */
  mine: boolean;
  arrivedAt: Date;
  takenAt: Date | null;
  closedAt: Date | null;
  /** The contact's card, when there is a contact and the viewer sees it. */
  contact: ContactDetail | null;
  /** There is a contact, outside the viewer's carteira: its card is not shown. */
  contactHidden: boolean;
  messages: AttendanceMessage[];
};

const notFound = () => failure("not_found", "Atendimento não encontrado.");

/** The attendance if the viewer may open it (see attendanceOpenTo); null otherwise, or for a malformed id. */
export async function getAttendance(viewer: Viewer, rawId: string): Promise<AttendanceView | null> {
  const id = parseId(rawId);
  if (!id) return null;
  const [row] = rowsOf<{
    id: string; channel: Channel; address: string; status: AttendanceStatus; outcome: AttendanceOutcome | null; segment_id: string | null;
    queue_name: string | null; operator_user_id: string | null; operator_name: string | null; contact_id: string | null;
    arrived_at: Date | string; taken_at: Date | string | null; closed_at: Date | string | null;
  }>(
    await getDb().execute(sql`
      select a.id, a.channel, a.address, a.status, a.outcome, a.segment_id, s.name as queue_name, a.operator_user_id, u.name as operator_name,
        a.contact_id, a.arrived_at, a.taken_at, a.closed_at
      from attendances a
      left join segments s on s.organization_id = a.organization_id and s.id = a.segment_id
      left join users u on u.organization_id = a.organization_id and u.id = a.operator_user_id
      where a.organization_id = ${viewer.organizationId}::uuid and a.id = ${id}::uuid and ${attendanceOpenTo(viewer)}`),
  );
  if (!row) return null;
  const [contact, messages] = await Promise.all([
    row.contact_id ? getContact(viewer, row.contact_id) : null,
    getDb().execute(sql`
      select m.id, m.direction, m.body, m.status, u.name as author_name, m.created_at, m.sent_at, m.error from messages m
      left join users u on u.organization_id = m.organization_id and u.id = m.author_user_id
      where m.organization_id = ${viewer.organizationId}::uuid and m.attendance_id = ${id}::uuid
      order by m.created_at, m.id`),
  ]);
  const date = (value: Date | string | null) => (value === null ? null : new Date(value));
  return {
    id: row.id,
    channel: row.channel,
    address: row.address,
    status: row.status,
    outcome: row.outcome,
    segmentId: row.segment_id,
    queueName: row.queue_name ?? "Sem segmento",
    operator: row.operator_user_id ? { id: row.operator_user_id, name: row.operator_name ?? "" } : null,
    mine: row.operator_user_id === viewer.userId && row.status === "open",
    arrivedAt: new Date(row.arrived_at),
    takenAt: date(row.taken_at),
    closedAt: date(row.closed_at),
    contact,
    contactHidden: row.contact_id !== null && contact === null,
    messages: rowsOf<{
      id: string; direction: MessageDirection; body: string; status: MessageStatus; author_name: string | null;
      created_at: Date | string; sent_at: Date | string | null; error: string | null;
    }>(messages).map((m) => ({
      id: m.id,
      direction: m.direction,
      body: m.body,
      status: m.status,
      authorName: m.author_name,
      createdAt: new Date(m.created_at),
      sentAt: date(m.sent_at),
      error: m.error,
    })),
  };
}

/**
 * Locks the attendance for a change by the viewer: the one holding it, or whoever supervises its
 * queue (`supervised`). Null when the viewer may not, or it is not in a state to change.
 */
async function lockForChange(tx: Transaction, viewer: Viewer, id: string, { supervised }: { supervised: boolean }) {
  const who = supervised ? attendanceOpenTo(viewer) : sql`a.operator_user_id = ${viewer.userId}::uuid and a.status = 'open'`;
  const [row] = rowsOf<{ id: string; channel: Channel; address: string; status: AttendanceStatus; segment_id: string | null; contact_id: string | null }>(
    await tx.execute(sql`
      select a.id, a.channel, a.address, a.status, a.segment_id, a.contact_id from attendances a
      where a.organization_id = ${viewer.organizationId}::uuid and a.id = ${id}::uuid and a.status <> 'closed' and ${who}
      for update`),
  );
  return row ?? null;
}

/** The subject of an operator's reply by e-mail (the customer's own subject is not kept). */
export const replySubject = "Resposta ao seu atendimento";

/** The operator's reply: an outbound message in the outbox, "na fila de envio" until delivery sends it. */
export async function replyToAttendance(viewer: Viewer, rawId: string, body: string): Promise<ActionResult> {
  const id = parseId(rawId);
  if (!id) return notFound();
  const replied = await getDb().transaction(async (tx): Promise<ActionResult> => {
    const attendance = await lockForChange(tx, viewer, id, { supervised: false });
    if (!attendance) return failure("conflict", "Só quem está com o atendimento responde por ele.");
    await queueMessage(tx, {
      organizationId: viewer.organizationId,
      attendanceId: id,
      contactId: attendance.contact_id,
      channel: attendance.channel,
      address: attendance.address,
      subject: attendance.channel === "email" ? replySubject : null,
      body,
      authorUserId: viewer.userId,
    });
    return { ok: true };
  });
  if (replied.ok) await requestDelivery();
  return replied;
}

/** "Encerrar": by whoever holds it, or by a supervisor of its queue (also while it waits: spam, a duplicate). */
export async function closeAttendance(viewer: Viewer, rawId: string, outcome: AttendanceOutcome): Promise<ActionResult> {
  const id = parseId(rawId);
  if (!id) return notFound();
  const closed = await getDb().transaction(async (tx): Promise<ActionResult> => {
    const attendance = await lockForChange(tx, viewer, id, { supervised: can(viewer.role, "live.supervise") });
    if (!attendance) return failure("conflict", "Este atendimento não está com você ou já foi encerrado.");
    await tx.execute(sql`
      update attendances set status = 'closed', outcome = ${outcome}, closed_at = now(), taken_at = coalesce(taken_at, now())
      where organization_id = ${viewer.organizationId}::uuid and id = ${id}::uuid`);
    return { ok: true };
  });
  // Its operator has room for one more.
  if (closed.ok) await requestDistribution(viewer.organizationId);
  return closed;
}

/**
 * Hands the attendance to another operator (it stays open, now theirs) or to a queue (it waits
 * there again, keeping its arrival so it does not lose its place). Within its segment only —
 * the operator must be a member of the attendance's segment, the queue one of the viewer's — but
 * for an admin.
 */
export async function transferAttendance(viewer: Viewer, rawId: string, input: TransferInput): Promise<ActionResult> {
  const id = parseId(rawId);
  if (!id) return notFound();
  const anywhere = can(viewer.role, "live.transferAnywhere");
  const transferred = await getDb().transaction(async (tx): Promise<ActionResult> => {
    const attendance = await lockForChange(tx, viewer, id, { supervised: can(viewer.role, "live.supervise") });
    if (!attendance) return failure("conflict", "Este atendimento não está com você ou já foi encerrado.");
    if (input.to === "operator") {
      const [target] = rowsOf(
        await tx.execute(sql`
          select 1 from users u where u.organization_id = ${viewer.organizationId}::uuid and u.id = ${input.userId}::uuid and u.active
            and u.role in ('operator', 'supervisor')
            ${anywhere ? sql`` : attendance.segment_id === null
              ? sql``
              : sql`and exists (select 1 from segment_members m where m.organization_id = u.organization_id and m.user_id = u.id and m.segment_id = ${attendance.segment_id}::uuid)`}`),
      );
      if (!target) return failure("invalid", invalidInputMessage, { userId: ["Escolha um operador da fila deste atendimento."] });
      await tx.execute(sql`
        update attendances set status = 'open', operator_user_id = ${input.userId}::uuid, taken_at = coalesce(taken_at, now())
        where organization_id = ${viewer.organizationId}::uuid and id = ${id}::uuid`);
      return { ok: true };
    }
    if (input.segmentId !== null) {
      const mayUse = anywhere || viewer.segmentIds.includes(input.segmentId);
      const [segment] = mayUse
        ? rowsOf(await tx.execute(sql`select 1 from segments where organization_id = ${viewer.organizationId}::uuid and id = ${input.segmentId}::uuid and archived_at is null`))
        : [];
      if (!segment) return failure("invalid", invalidInputMessage, { segmentId: ["Escolha uma das suas filas."] });
    }
    await tx.execute(sql`
      update attendances set status = 'waiting', operator_user_id = null, segment_id = ${input.segmentId}::uuid
      where organization_id = ${viewer.organizationId}::uuid and id = ${id}::uuid`);
    return { ok: true };
  });
  if (transferred.ok && input.to === "queue") await requestDistribution(viewer.organizationId);
  return transferred;
}
