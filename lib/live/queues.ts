import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import type { Channel, Priority } from "@/db/schema";
import { failure, type ActionResult } from "@/lib/actions/result";
import { can, refuseWithout } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { contactVisibleTo } from "@/lib/contacts/visibility";
import { uuidArray } from "@/lib/sql/arrays";
import { loadPresence } from "./presence";
import { queueHeads } from "./queue-heads";
import { aged, joinContact, queueOrder } from "./queue-order";
import { queuesOf } from "./scope";
import { loadLiveSettings, type LiveSettings } from "./settings";

// The queues on /live and "Atender próximo".

/** How many attendances of each queue the page lists (the counts are whole). */
export const QUEUE_LIST_LIMIT = 50;
/** Candidates per queue, channel and priority for a pull: more than the operators pulling at once skip. */
const PULL_HEADS_PER_GROUP = 16;

export type QueueEntry = {
  id: string;
  channel: Channel;
  address: string;
  /** The contact's name when the viewer sees the contact; null for an unknown customer or an invisible contact. */
  contactName: string | null;
  /** The contact's priority (Média for an unknown customer). */
  priority: Priority;
  /** Served one level higher by aging. */
  aged: boolean;
  arrivedAt: Date;
  position: number;
};

export type Queue = {
  /** Null: the organization's "Sem segmento" queue. */
  segmentId: string | null;
  name: string;
  waiting: number;
  oldestArrivedAt: Date | null;
  entries: QueueEntry[];
};

const rankPriority: Record<number, Priority> = { 3: "high", 2: "medium", 1: "low" };

/** The viewer's queues, each in serving order: their segments' and "Sem segmento" (an admin: all), even the empty ones. */
export async function listQueues(viewer: Viewer): Promise<Queue[]> {
  if (!can(viewer.role, "live.attend") && !can(viewer.role, "live.supervise")) return [];
  const settings = await loadLiveSettings(viewer.organizationId);
  const all = can(viewer.role, "live.allQueues");
  const [segmentRows, countRows, entryRows] = await Promise.all([
    // An archived segment's queue is listed while someone still waits in it (to admins: it has no members).
    getDb().execute(sql`
      select s.id, s.name || case when s.archived_at is null then '' else ' (arquivado)' end as name from segments s
      where s.organization_id = ${viewer.organizationId}::uuid
        and (s.archived_at is null or exists (select 1 from attendances a where a.organization_id = s.organization_id and a.segment_id = s.id and a.status = 'waiting'))
        ${all ? sql`` : sql`and s.id = any(${uuidArray(viewer.segmentIds)})`}
      order by s.archived_at nulls first, s.name`),
    getDb().execute(sql`
      select a.segment_id, count(*) as waiting, min(a.arrived_at) as oldest from attendances a
      where ${queuesOf(viewer)} and a.status = 'waiting' group by a.segment_id`),
    // The first of each queue among its heads; then the names of only those.
    getDb().execute(sql`
      select a.id, a.segment_id, a.channel, a.address, a.arrived_at, a.priority_rank as rank, q.aged, q.position,
        case when ${contactVisibleTo(viewer)} then contacts.name end as contact_name
      from (
        select a.id, ${aged(settings)} as aged, row_number() over (partition by a.segment_id order by ${queueOrder(settings)}) as position
        from attendances a
        where a.organization_id = ${viewer.organizationId}::uuid and a.status = 'waiting' and a.id in (${queueHeads(viewer, QUEUE_LIST_LIMIT)})) q
      join attendances a on a.organization_id = ${viewer.organizationId}::uuid and a.id = q.id
      ${joinContact}
      where q.position <= ${QUEUE_LIST_LIMIT}
      order by a.segment_id, q.position`),
  ]);
  type EntryRow = {
    id: string; segment_id: string | null; channel: Channel; address: string; arrived_at: Date | string; rank: number; aged: boolean;
    contact_name: string | null; position: number | string;
  };
  const queues: Queue[] = [
    ...rowsOf<{ id: string; name: string }>(segmentRows).map((s) => ({ segmentId: s.id, name: s.name, waiting: 0, oldestArrivedAt: null, entries: [] })),
    { segmentId: null, name: "Sem segmento", waiting: 0, oldestArrivedAt: null, entries: [] },
  ];
  const bySegment = new Map(queues.map((q) => [q.segmentId, q]));
  for (const row of rowsOf<{ segment_id: string | null; waiting: number | string; oldest: Date | string }>(countRows)) {
    const queue = bySegment.get(row.segment_id);
    if (!queue) continue;
    queue.waiting = Number(row.waiting);
    queue.oldestArrivedAt = new Date(row.oldest);
  }
  for (const row of rowsOf<EntryRow>(entryRows)) {
    bySegment.get(row.segment_id)?.entries.push({
      id: row.id,
      channel: row.channel,
      address: row.address,
      contactName: row.contact_name,
      priority: rankPriority[Number(row.rank)],
      aged: row.aged,
      arrivedAt: new Date(row.arrived_at),
      position: Number(row.position),
    });
  }
  return queues;
}

/**
 * "Atender próximo": the first waiting attendance of the viewer's queues becomes theirs. Rows
 * another operator is taking are skipped (FOR UPDATE SKIP LOCKED), so two operators at the same
 * instant never get the same one.
 */
export async function takeNextAttendance(viewer: Viewer): Promise<ActionResult<{ id: string }>> {
  const refused = refuseWithout(viewer, "live.attend");
  if (refused) return refused;
  const presence = await loadPresence(viewer);
  if (presence.status === "paused") return failure("conflict", "Você está em pausa: fique disponível para atender.");
  const settings = await loadLiveSettings(viewer.organizationId);
  const taken = await takeNextFor(viewer, settings);
  if (taken === "atCap") return failure("conflict", `Você já tem ${settings.maxOpenPerOperator} atendimentos abertos: encerre um para atender o próximo.`);
  if (taken === "none") return failure("not_found", "Nenhum atendimento aguardando nas suas filas.");
  return { ok: true, id: taken.id };
}

/**
 * Gives `operator` the first waiting attendance of their queues, unless they already hold the
 * cap. An operator's takes are serialized (a lock per operator), whoever asks — their own click,
 * a double click, automatic distribution on any app server — so the count of open attendances
 * read here is still true when the new one is added: the cap is never passed.
 */
export async function takeNextFor(operator: Viewer, settings: LiveSettings): Promise<{ id: string } | "atCap" | "none"> {
  return getDb().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`operator:${operator.organizationId}:${operator.userId}`}, 0))`);
    const [open] = rowsOf<{ count: number | string }>(
      await tx.execute(sql`
        select count(*) from attendances
        where organization_id = ${operator.organizationId}::uuid and operator_user_id = ${operator.userId}::uuid and status = 'open'`),
    );
    if (Number(open.count) >= settings.maxOpenPerOperator) return "atCap";
    const pull = (candidates: SQL) =>
      tx.execute(sql`
        with next as (
          select a.id from attendances a
          where ${queuesOf(operator)} and a.status = 'waiting' and ${candidates}
          order by ${queueOrder(settings)}
          limit 1
          for update of a skip locked)
        update attendances a set status = 'open', operator_user_id = ${operator.userId}::uuid, taken_at = now()
        from next where a.organization_id = ${operator.organizationId}::uuid and a.id = next.id
        returning a.id`);
    // The heads of the queues hold the first unless others are taking every one of them at this
    // instant; then the whole queues are read.
    const [taken] = rowsOf<{ id: string }>(await pull(sql`a.id in (${queueHeads(operator, PULL_HEADS_PER_GROUP)})`));
    if (taken) return taken;
    const [fromAll] = rowsOf<{ id: string }>(await pull(sql`true`));
    return fromAll ?? "none";
  });
}

export type OpenAttendance = { id: string; channel: Channel; address: string; contactName: string | null; takenAt: Date };

/** The attendances the viewer holds now, oldest taken first. */
export async function listMyOpenAttendances(viewer: Viewer): Promise<OpenAttendance[]> {
  const rows = rowsOf<{ id: string; channel: Channel; address: string; contact_name: string | null; taken_at: Date | string }>(
    await getDb().execute(sql`
      select a.id, a.channel, a.address, a.taken_at, case when ${contactVisibleTo(viewer)} then contacts.name end as contact_name
      from attendances a ${joinContact}
      where a.organization_id = ${viewer.organizationId}::uuid and a.operator_user_id = ${viewer.userId}::uuid and a.status = 'open'
      order by a.taken_at`),
  );
  return rows.map((r) => ({ id: r.id, channel: r.channel, address: r.address, contactName: r.contact_name, takenAt: new Date(r.taken_at) }));
}
