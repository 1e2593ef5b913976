import Link from "next/link";
import { plural } from "@/lib/format/number";
import { formatAddress } from "@/lib/live/address-format";
import type { Queue } from "@/lib/live/queues";
import { queueReason, waitedSince } from "@/lib/live/reason";
import { ChannelBadge } from "./channel-badge";

export type QueueCardProps = {
  queue: Queue;
  /** The instant the page renders at: every wait on it is measured to the same moment. */
  now: Date;
  /** Whoever supervises the queue may open a waiting attendance (lib/live/scope.ts); an operator takes the next one. */
  linkEntries: boolean;
  /** Entries with no contact at all (attendancesWithoutContact); any other without a name has a contact the viewer does not see. */
  withoutContact: ReadonlySet<string>;
};

/** One queue: its size, its longest wait, and who waits in serving order, each with why they stand there. */
export function QueueCard({ queue, now, linkEntries, withoutContact }: QueueCardProps) {
  const headingId = `fila-${queue.segmentId ?? "sem-segmento"}`;
  const hidden = queue.waiting - queue.entries.length;
  return (
    <section aria-labelledby={headingId} className="flex flex-col rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <header className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 border-b border-slate-200 px-4 py-3">
        <h3 id={headingId} className="text-base font-semibold text-slate-900">{queue.name}</h3>
        <p className="text-sm text-slate-600">
          <span className="font-medium text-slate-900 tabular-nums">{queue.waiting} aguardando</span>
          {queue.oldestArrivedAt && <> · maior espera {waitedSince(queue.oldestArrivedAt, now)}</>}
        </p>
      </header>
      {queue.entries.length === 0 ? (
        <p className="px-4 py-8 text-center text-sm text-slate-500">Ninguém aguardando</p>
      ) : (
        <ol className="divide-y divide-slate-100" aria-label={`Fila ${queue.name}, em ordem de atendimento`}>
          {queue.entries.map((entry) => {
            const who = entry.contactName ?? formatAddress(entry.channel, entry.address);
            return (
              <li key={entry.id} className="flex items-start gap-3 px-4 py-3">
                <span className="mt-0.5 w-7 shrink-0 text-right text-sm font-semibold text-slate-500 tabular-nums">{entry.position}º</span>
                <div className="min-w-0 flex-1">
                  <p className="flex flex-wrap items-center gap-2">
                    <ChannelBadge channel={entry.channel} />
                    {linkEntries ? (
                      <Link href={`/live/${entry.id}`} className="truncate text-sm font-medium text-indigo-700 hover:underline">{who}</Link>
                    ) : (
                      <span className="truncate text-sm font-medium text-slate-900">{who}</span>
                    )}
                    {entry.contactName === null && <CustomerHint unknown={withoutContact.has(entry.id)} />}
                  </p>
                  <p className="mt-1 text-sm text-slate-600">{queueReason(entry, now)}</p>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {hidden > 0 && <p className="border-t border-slate-200 px-4 py-2 text-xs text-slate-500">e mais {plural(hidden, "atendimento", "atendimentos")} na fila</p>}
    </section>
  );
}

/** Why a customer is named by their address: nobody registered it, or the contact is outside the viewer's carteira. */
export function CustomerHint({ unknown }: { unknown: boolean }) {
  return <span className="text-xs text-slate-500">{unknown ? "Cliente sem cadastro" : "Contato fora da sua carteira"}</span>;
}
