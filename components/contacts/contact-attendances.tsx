import { channelLabels } from "@/lib/messages/channels";
import { outcomeLabels } from "@/lib/live/attendance-actions-input";
import type { ContactAttendance } from "@/lib/live/contact-attendances";
import { formatDateTime } from "@/lib/format/date";
import { formatDuration } from "@/lib/format/size";

const statusLabels = { waiting: "Aguardando", open: "Em atendimento" } as const;

/** The contact's attendances on its page: when, channel, operator, outcome, waiting and handling time. */
export function ContactAttendances({ attendances }: { attendances: ContactAttendance[] }) {
  if (attendances.length === 0) return <p className="text-sm text-slate-500">Nenhum atendimento deste contato.</p>;
  return (
    // Wider than a phone: the table scrolls inside its own region, which the keyboard can reach.
    <div className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-indigo-600" tabIndex={0} role="region" aria-label="Atendimentos do contato">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Atendimentos do contato, do mais recente ao mais antigo</caption>
        <thead className="text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">Quando</th>
            <th scope="col" className="py-2 pr-4 font-medium">Canal</th>
            <th scope="col" className="py-2 pr-4 font-medium">Operador</th>
            <th scope="col" className="py-2 pr-4 font-medium">Resultado</th>
            <th scope="col" className="py-2 pr-4 font-medium">Espera</th>
            <th scope="col" className="py-2 font-medium">Atendimento</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {attendances.map((a) => (
            <tr key={a.id}>
              <td className="py-2 pr-4 whitespace-nowrap">{formatDateTime(a.arrivedAt)}</td>
              <td className="py-2 pr-4">{channelLabels[a.channel]}</td>
              <td className="py-2 pr-4">{a.operatorName ?? "—"}</td>
              <td className="py-2 pr-4">{a.status === "closed" ? (a.outcome ? outcomeLabels[a.outcome] : "Encerrado") : statusLabels[a.status]}</td>
              <td className="py-2 pr-4 tabular-nums">{a.waitingSeconds === null ? "—" : formatDuration(a.waitingSeconds)}</td>
              <td className="py-2 tabular-nums">{a.handlingSeconds === null ? "—" : formatDuration(a.handlingSeconds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
