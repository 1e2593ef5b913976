import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { stringify } from "csv-stringify/sync";
import { getDb, rowsOf } from "@/db/client";
import type { AttendanceOutcome, AttendanceStatus, Channel, Priority } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { priorityLabels } from "@/lib/contacts/priority";
import { contactVisibleTo } from "@/lib/contacts/visibility";
import { spreadsheetSafe } from "@/lib/csv/spreadsheet-safe";
import { formatPhone } from "@/lib/phones/phone";
import { startOfDay, startOfNextDay } from "@/lib/sql/brasilia-days";
import { decodeCursor, encodeCursor } from "@/lib/sql/keyset-cursor";
import { channelLabels } from "@/lib/messages/channels";
import { outcomeLabels } from "./attendance-actions-input";
import { attendanceStatusLabels } from "./attendance-status";
import { joinContact } from "./queue-order";
import type { ReportFilters, ReportPeriod } from "./report-filters";
import { queuesOf } from "./scope";

// "Relatórios de atendimento": attendances that arrived in a period, in the queues the viewer
// watches (an admin: all), counted per day and by segment, operator, priority and channel, with
// the average and 90th percentile of waiting (arrival → taken) and handling (taken → closed).

export type ReportRow = {
  key: string;
  label: string;
  attendances: number;
  avgWaitSeconds: number | null;
  p90WaitSeconds: number | null;
  avgHandleSeconds: number | null;
  p90HandleSeconds: number | null;
};

export type AttendanceReport = {
  period: ReportPeriod;
  total: ReportRow;
  days: ReportRow[];
  bySegment: ReportRow[];
  byOperator: ReportRow[];
  byPriority: ReportRow[];
  byChannel: ReportRow[];
};

const dimensions = {
  day: sql`to_char(a.arrived_at at time zone 'America/Sao_Paulo', 'YYYY-MM-DD')`,
  segment: sql`coalesce(a.segment_id::text, 'none')`,
  operator: sql`a.operator_user_id::text`,
  // The priority the attendance was served at (its copy stops following the contact once closed).
  priority: sql`(case a.priority_rank when 3 then 'high' when 1 then 'low' else 'medium' end)`,
  channel: sql`a.channel`,
} as const;

/** The attendances of the report: the viewer's queues, the period, the clicked slice. */
function matching(viewer: Viewer, period: ReportPeriod, filters: ReportFilters): SQL {
  const conditions = [
    queuesOf(viewer),
    sql`a.arrived_at >= ${startOfDay(period.from)} and a.arrived_at < ${startOfNextDay(period.to)}`,
    filters.segment === "none" ? sql`a.segment_id is null` : filters.segment ? sql`a.segment_id = ${filters.segment}::uuid` : null,
    filters.operator ? sql`a.operator_user_id = ${filters.operator}::uuid` : null,
    filters.priority ? sql`${dimensions.priority} = ${filters.priority}` : null,
    filters.channel ? sql`a.channel = ${filters.channel}` : null,
  ].filter((c): c is SQL => c !== null);
  return sql.join(conditions, sql` and `);
}

export async function getAttendanceReport(viewer: Viewer, period: ReportPeriod, filters: ReportFilters): Promise<AttendanceReport | null> {
  if (!can(viewer.role, "reports.attendances")) return null;
  const wait = sql`extract(epoch from a.taken_at - a.arrived_at)`;
  const handle = sql`extract(epoch from a.closed_at - a.taken_at)`;
  // One pass over the period's attendances, aggregated by each dimension at once, and in all (grouping sets).
  const dimensionNames = Object.keys(dimensions) as (keyof typeof dimensions)[];
  const whichGroup = (then: (name: keyof typeof dimensions) => SQL) =>
    sql`case ${sql.join(dimensionNames.map((name) => sql`when grouping(${sql.raw(name)}) = 0 then ${then(name)}`), sql` `)} else 'total' end`;
  const grouped = sql`
    select ${whichGroup((name) => sql`${name}`)} as dimension, ${whichGroup((name) => sql.raw(name))} as key, count(*) as attendances,
      avg(wait) as avg_wait, percentile_cont(0.9) within group (order by wait) as p90_wait,
      avg(handle) as avg_handle, percentile_cont(0.9) within group (order by handle) as p90_handle
    from (
      select ${sql.join(dimensionNames.map((name) => sql`${dimensions[name]} as ${sql.raw(name)}`), sql`, `)}, ${wait} as wait, ${handle} as handle
      from attendances a where ${matching(viewer, period, filters)}) d
    group by grouping sets (${sql.join(dimensionNames.map((name) => sql`(${sql.raw(name)})`), sql`, `)}, ())`;
  const [rows, names] = await Promise.all([
    getDb().execute(grouped),
    getDb().execute(sql`
      select 'segment' as kind, id::text, name from segments where organization_id = ${viewer.organizationId}::uuid
      union all select 'operator', id::text, name from users where organization_id = ${viewer.organizationId}::uuid`),
  ]);
  const nameOf = new Map(rowsOf<{ kind: string; id: string; name: string }>(names).map((n) => [`${n.kind}:${n.id}`, n.name]));
  const label = (dimension: string, key: string) => {
    if (dimension === "segment") return key === "none" ? "Sem segmento" : (nameOf.get(`segment:${key}`) ?? "Segmento removido");
    if (dimension === "operator") return nameOf.get(`operator:${key}`) ?? "Usuário removido";
    if (dimension === "priority") return priorityLabels[key as Priority];
    if (dimension === "channel") return channelLabels[key as Channel];
    return key;
  };
  const seconds = (value: unknown) => (value === null || value === undefined ? null : Math.round(Number(value)));
  const by = new Map<string, ReportRow[]>();
  type Row = { dimension: string; key: string | null; attendances: number | string; avg_wait: unknown; p90_wait: unknown; avg_handle: unknown; p90_handle: unknown };
  for (const row of rowsOf<Row>(rows)) {
    // Attendances still waiting have no operator: not an operator's row.
    if (row.key === null) continue;
    const list = by.get(row.dimension) ?? [];
    list.push({
      key: row.key,
      label: label(row.dimension, row.key),
      attendances: Number(row.attendances),
      avgWaitSeconds: seconds(row.avg_wait),
      p90WaitSeconds: seconds(row.p90_wait),
      avgHandleSeconds: seconds(row.avg_handle),
      p90HandleSeconds: seconds(row.p90_handle),
    });
    by.set(row.dimension, list);
  }
  const sorted = (dimension: string, order: (a: ReportRow, b: ReportRow) => number) => (by.get(dimension) ?? []).sort(order);
  const byCount = (a: ReportRow, b: ReportRow) => b.attendances - a.attendances || a.label.localeCompare(b.label, "pt-BR");
  const priorityOrder: Record<string, number> = { high: 0, medium: 1, low: 2 };
  return {
    period,
    total: by.get("total")?.[0] ?? { key: "total", label: "total", attendances: 0, avgWaitSeconds: null, p90WaitSeconds: null, avgHandleSeconds: null, p90HandleSeconds: null },
    days: everyDay(period).map((day) => by.get("day")?.find((d) => d.key === day) ?? emptyRow(day)),
    bySegment: sorted("segment", byCount),
    byOperator: sorted("operator", byCount),
    byPriority: sorted("priority", (a, b) => priorityOrder[a.key] - priorityOrder[b.key]),
    byChannel: sorted("channel", byCount),
  };
}

const emptyRow = (key: string): ReportRow => ({ key, label: key, attendances: 0, avgWaitSeconds: null, p90WaitSeconds: null, avgHandleSeconds: null, p90HandleSeconds: null });

function everyDay({ from, to }: ReportPeriod): string[] {
  const days: string[] = [];
  for (let day = new Date(`${from}T12:00:00Z`); day.toISOString().slice(0, 10) <= to; day.setUTCDate(day.getUTCDate() + 1)) {
    days.push(day.toISOString().slice(0, 10));
  }
  return days;
}

export type ReportAttendance = {
  id: string;
  arrivedAt: Date;
  channel: Channel;
  address: string;
  /** Null for an unknown customer, or a contact the viewer does not see. */
  contactName: string | null;
  priority: Priority;
  queueName: string;
  operatorName: string | null;
  status: AttendanceStatus;
  outcome: AttendanceOutcome | null;
  waitSeconds: number | null;
  handleSeconds: number | null;
};

export const REPORT_PAGE_SIZE = 50;

/** The attendances behind a number, newest first, a keyset page at a time. */
export async function listReportAttendances(
  viewer: Viewer,
  period: ReportPeriod,
  filters: ReportFilters,
  limit = REPORT_PAGE_SIZE,
): Promise<{ rows: ReportAttendance[]; next: string | null } | null> {
  if (!can(viewer.role, "reports.attendances")) return null;
  const cursor = decodeCursor(filters.before, ["timestamptz", "uuid"]);
  const rows = await reportRows(viewer, period, filters, cursor, limit + 1);
  const page = rows.slice(0, limit);
  const last = rows.length > limit ? page[page.length - 1] : null;
  return { rows: page.map((r) => r.attendance), next: last ? encodeCursor([last.arrivedAtText, last.attendance.id]) : null };
}

async function reportRows(viewer: Viewer, period: ReportPeriod, filters: ReportFilters, cursor: string[] | null, limit: number) {
  type Row = {
    id: string; arrived_at: Date | string; arrived_at_text: string; channel: Channel; address: string; contact_name: string | null; priority: Priority;
    queue_name: string | null; operator_name: string | null; status: AttendanceStatus; outcome: AttendanceOutcome | null; wait: unknown; handle: unknown;
  };
  const rows = rowsOf<Row>(
    await getDb().execute(sql`
      select a.id, a.arrived_at, a.arrived_at::text as arrived_at_text, a.channel, a.address,
        case when ${contactVisibleTo(viewer)} then contacts.name end as contact_name,
        ${dimensions.priority} as priority, s.name as queue_name, u.name as operator_name, a.status, a.outcome,
        extract(epoch from a.taken_at - a.arrived_at) as wait, extract(epoch from a.closed_at - a.taken_at) as handle
      from attendances a ${joinContact}
      left join segments s on s.organization_id = a.organization_id and s.id = a.segment_id
      left join users u on u.organization_id = a.organization_id and u.id = a.operator_user_id
      where ${matching(viewer, period, filters)}
        ${cursor ? sql`and (a.arrived_at, a.id) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)` : sql``}
      order by a.arrived_at desc, a.id desc
      limit ${limit}`),
  );
  const seconds = (value: unknown) => (value === null ? null : Math.round(Number(value)));
  return rows.map((r) => ({
    arrivedAtText: r.arrived_at_text,
    attendance: {
      id: r.id,
      arrivedAt: new Date(r.arrived_at),
      channel: r.channel,
      address: r.address,
      contactName: r.contact_name,
      priority: r.priority,
      queueName: r.queue_name ?? "Sem segmento",
      operatorName: r.operator_name,
      status: r.status,
      outcome: r.outcome,
      waitSeconds: seconds(r.wait),
      handleSeconds: seconds(r.handle),
    } satisfies ReportAttendance,
  }));
}

const csvHeader = ["Chegada", "Canal", "Cliente", "Contato", "Prioridade", "Fila", "Operador", "Situação", "Resultado", "Espera (s)", "Atendimento (s)"];

/** The report's attendances as CSV (UTF-8 with BOM, ";"), streamed page by page. Null when the viewer may not see reports. */
export function exportReportCsv(viewer: Viewer, period: ReportPeriod, filters: ReportFilters): ReadableStream<Uint8Array> | null {
  if (!can(viewer.role, "reports.attendances")) return null;
  const encoder = new TextEncoder();
  let cursor: string[] | null = null;
  let started = false;
  const time = new Intl.DateTimeFormat("pt-BR", { timeZone: "America/Sao_Paulo", dateStyle: "short", timeStyle: "short" });
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${stringify([csvHeader], { delimiter: ";", record_delimiter: "\r\n" })}`));
        return;
      }
      const rows = await reportRows(viewer, period, filters, cursor, 1_000);
      if (rows.length === 0) return controller.close();
      const last = rows[rows.length - 1];
      cursor = [last.arrivedAtText, last.attendance.id];
      const lines = rows.map(({ attendance: a }) => [
        time.format(a.arrivedAt), channelLabels[a.channel], a.channel === "email" ? a.address : formatPhone(a.address), a.contactName ?? "",
        priorityLabels[a.priority], a.queueName, a.operatorName ?? "", attendanceStatusLabels[a.status], a.outcome ? outcomeLabels[a.outcome] : "",
        a.waitSeconds ?? "", a.handleSeconds ?? "",
      ].map((cell) => (typeof cell === "string" ? spreadsheetSafe(cell) : cell)));
      controller.enqueue(encoder.encode(stringify(lines, { delimiter: ";", record_delimiter: "\r\n" })));
    },
  });
}
