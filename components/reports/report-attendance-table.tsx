import { Badge, PriorityBadge, type BadgeTone } from "@/components/ui/badge";
import { Cell, TableCard } from "@/components/ui/table-card";
import { formatDate, formatTime } from "@/lib/format/date";
import { channelLabels } from "@/lib/messages/channels";
import { outcomeLabels } from "@/lib/live/attendance-actions-input";
import { attendanceStatusLabels } from "@/lib/live/attendance-status";
import type { ReportAttendance } from "@/lib/live/reports";
import { formatPhone } from "@/lib/phones/phone";
import { durationText } from "./report-format";

const statusTones: Record<ReportAttendance["status"], BadgeTone> = { waiting: "amber", open: "indigo", closed: "slate" };

/** The customer as the channel gave them: an e-mail as is, a phone as Brazilians write it. */
export function customerAddress(attendance: Pick<ReportAttendance, "channel" | "address">): string {
  return attendance.channel === "email" ? attendance.address : formatPhone(attendance.address);
}

// The columns must fit beside the sidebar from lg up (TableCard's cards): compact cells, and the
// customer's channel and contact priority shown with them rather than in columns of their own.
const th = "px-3 py-3";
const td = "px-3 py-2.5";
const num = "px-3 py-2.5 text-right tabular-nums max-lg:text-left";

/** The attendances behind a number of the report, newest first. */
export function ReportAttendanceTable({ attendances }: { attendances: ReportAttendance[] }) {
  return (
    <TableCard
      caption="Atendimentos"
      cards
      head={
        <>
          <th scope="col" className={th}>Chegada</th>
          <th scope="col" className={th}>Cliente</th>
          <th scope="col" className={th}>Fila</th>
          <th scope="col" className={th}>Operador</th>
          <th scope="col" className={th}>Situação</th>
          <th scope="col" className={`${th} text-right`}>Espera</th>
          <th scope="col" className={`${th} text-right`}>Atendimento</th>
        </>
      }
    >
      {attendances.map((a) => (
        <tr key={a.id} className="hover:bg-slate-50">
          <Cell label="Chegada" className={`${td} text-slate-600 tabular-nums`}>
            <time dateTime={a.arrivedAt.toISOString()}>
              {formatDate(a.arrivedAt)} <span className="block text-xs max-lg:inline">{formatTime(a.arrivedAt)}</span>
            </time>
          </Cell>
          {/* An e-mail address has no space to wrap at. */}
          <Cell label="Cliente" className={`${td} [overflow-wrap:anywhere]`}>
            <span className="mr-1.5 font-medium">{a.contactName ?? customerAddress(a)}</span>
            <PriorityBadge priority={a.priority} />
            <span className="block text-xs text-slate-500">
              {channelLabels[a.channel]}
              {a.contactName && <> · {customerAddress(a)}</>}
            </span>
          </Cell>
          <Cell label="Fila" className={td}>{a.queueName}</Cell>
          <Cell label="Operador" className={td}>{a.operatorName ?? "—"}</Cell>
          <Cell label="Situação" className={td}>
            <Badge tone={statusTones[a.status]}>{attendanceStatusLabels[a.status]}</Badge>
            {a.outcome && <span className="block text-xs text-slate-600 max-lg:ml-1 max-lg:inline">{outcomeLabels[a.outcome]}</span>}
          </Cell>
          <Cell label="Espera" className={num}>{durationText(a.waitSeconds)}</Cell>
          <Cell label="Atendimento" className={num}>{durationText(a.handleSeconds)}</Cell>
        </tr>
      ))}
    </TableCard>
  );
}
