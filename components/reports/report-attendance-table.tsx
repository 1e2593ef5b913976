import { Badge, PriorityBadge, type BadgeTone } from "@/components/ui/badge";
import { Cell, TableCard } from "@/components/ui/table-card";
import { formatDateTime } from "@/lib/format/date";
import { channelLabels } from "@/lib/live/attendance-input";
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

const th = "px-4 py-3";
const td = "px-4 py-3";
const num = "px-4 py-3 text-right tabular-nums max-lg:text-left";

/** The attendances behind a number of the report, newest first. */
export function ReportAttendanceTable({ attendances }: { attendances: ReportAttendance[] }) {
  return (
    <TableCard
      caption="Atendimentos"
      cards
      head={
        <>
          <th scope="col" className={th}>Chegada</th>
          <th scope="col" className={th}>Canal</th>
          <th scope="col" className={th}>Cliente</th>
          <th scope="col" className={th}>Prioridade</th>
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
          <Cell label="Chegada" className={`${td} whitespace-nowrap text-slate-600`}>
            <time dateTime={a.arrivedAt.toISOString()}>{formatDateTime(a.arrivedAt)}</time>
          </Cell>
          <Cell label="Canal" className={td}>{channelLabels[a.channel]}</Cell>
          <Cell label="Cliente" className={td}>
            {a.contactName ? (
              <>
                <span className="font-medium">{a.contactName}</span>
                <span className="block text-xs text-slate-500 max-lg:inline max-lg:before:content-['_·_']">{customerAddress(a)}</span>
              </>
            ) : (
              <span className="whitespace-nowrap">{customerAddress(a)}</span>
            )}
          </Cell>
          <Cell label="Prioridade" className={td}><PriorityBadge priority={a.priority} /></Cell>
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
