import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import type { Channel, Priority } from "@/db/schema";
import { failure, type ActionResult } from "@/lib/actions/result";
import { can, refuseWithout } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { contactVisibleTo } from "@/lib/contacts/visibility";
import { uuidArray } from "@/lib/sql/arrays";
import { loadPresence } from "./presence";
import { aged, contactRank, joinContact, queueOrder } from "./queue-order";
import { queuesOf } from "./scope";
import { loadLiveSettings, type LiveSettings } from "./settings";

// The queues on /live and "Atender próximo".

/** How many attendances of each queue the page lists (the counts are whole). */
export const QUEUE_LIST_LIMIT = 50;

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
  const [segmentRows, entryRows] = await Promise.all([
    getDb().execute(sql`
      select id, name from segments where organization_id = ${viewer.organizationId}::uuid and archived_at is null
        ${all ? sql`` : sql`and id = any(${uuidArray(viewer.segmentIds)})`}
      order by name`),
    getDb().execute(sql`
      select * from (
        select a.id, a.segment_id, a.channel, a.address, a.arrived_at, ${contactRank} as rank, ${aged(settings)} as aged,
          case when ${contactVisibleTo(viewer)} then contacts.name end as contact_name,
          row_number() over (partition by a.segment_id order by ${queueOrder(settings)}) as position,
          count(*) over (partition by a.segment_id) as waiting,
          min(a.arrived_at) over (partition by a.segment_id) as oldest
        from attendances a ${joinContact}
        where ${queuesOf(viewer)} and a.status = 'waiting') q
      where position <= ${QUEUE_LIST_LIMIT}
      order by segment_id, position`),
  ]);
  type EntryRow = {
    id: string; segment_id: string | null; channel: Channel; address: string; arrived_at: Date | string; rank: number; aged: boolean;
    contact_name: string | null; position: number | string; waiting: number | string; oldest: Date | string;
  };
  const queues: Queue[] = [
    ...rowsOf<{ id: string; name: string }>(segmentRows).map((s) => ({ segmentId: s.id, name: s.name, waiting: 0, oldestArrivedAt: null, entries: [] })),
    { segmentId: null, name: "Sem segmento", waiting: 0, oldestArrivedAt: null, entries: [] },
  ];
  const bySegment = new Map(queues.map((q) => [q.segmentId, q]));
  for (const row of rowsOf<EntryRow>(entryRows)) {
    const queue = bySegment.get(row.segment_id);
    // A queue of an archived segment still listed by an admin's "all": shown under its own id would need its name; skip it.
    if (!queue) continue;
    queue.waiting = Number(row.waiting);
    queue.oldestArrivedAt = new Date(row.oldest);
    queue.entries.push({
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
    const [taken] = rowsOf<{ id: string }>(
      await tx.execute(sql`
        with next as (
          select a.id from attendances a ${joinContact}
          where ${queuesOf(operator)} and a.status = 'waiting'
          order by ${queueOrder(settings)}
          limit 1
          for update of a skip locked)
        update attendances a set status = 'open', operator_user_id = ${operator.userId}::uuid, taken_at = now()
        from next where a.organization_id = ${operator.organizationId}::uuid and a.id = next.id
        returning a.id`),
    );
    return taken ?? "none";
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
