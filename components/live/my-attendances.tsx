import Link from "next/link";
import { formatAddress } from "@/lib/live/address-format";
import type { OpenAttendance } from "@/lib/live/queues";
import { waitedSince } from "@/lib/live/reason";
import { ChannelBadge } from "./channel-badge";
import { CustomerHint } from "./queue-card";

/** "Meus atendimentos": the attendances the viewer holds now, each a way back into it. */
export function MyAttendances({ attendances, now, withoutContact }: { attendances: OpenAttendance[]; now: Date; withoutContact: ReadonlySet<string> }) {
  if (attendances.length === 0) return <p className="text-sm text-slate-500">Nenhum atendimento aberto com você.</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {attendances.map((a) => (
        <li key={a.id} className="flex items-start gap-2 py-2">
          <ChannelBadge channel={a.channel} />
          <div className="min-w-0 flex-1">
            <Link href={`/live/${a.id}`} className="block truncate text-sm font-medium text-indigo-700 hover:underline">
              {a.contactName ?? formatAddress(a.channel, a.address)}
            </Link>
            {a.contactName === null && <CustomerHint unknown={withoutContact.has(a.id)} />}
          </div>
          <span className="shrink-0 text-xs text-slate-500">há {waitedSince(a.takenAt, now)}</span>
        </li>
      ))}
    </ul>
  );
}
