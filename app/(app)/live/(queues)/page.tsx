import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/live/auto-refresh";
import { MyAttendances } from "@/components/live/my-attendances";
import { PresenceControl } from "@/components/live/presence-control";
import { QueueCard } from "@/components/live/queue-card";
import { TakeNextButton } from "@/components/live/take-next-button";
import { Toast } from "@/components/ui/toast";
import { capabilitiesOf } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import { plural } from "@/lib/format/number";
import { loadPresence } from "@/lib/live/presence";
import { listMyOpenAttendances, listQueues } from "@/lib/live/queues";
import { attendancesWithoutContact } from "@/lib/live/unknown-customers";
import { setPresenceAction, takeNextAttendanceAction } from "../actions";

export const metadata: Metadata = { title: "Live" };

const toasts: Record<string, string> = { closed: "Atendimento encerrado.", transferred: "Atendimento transferido." };

export default async function LivePage({ searchParams }: { searchParams: Promise<{ toast?: string }> }) {
  const viewer = await requireViewer();
  const capabilities = capabilitiesOf(viewer.role);
  const attends = capabilities["live.attend"];
  if (!attends && !capabilities["live.supervise"]) notFound();
  const [queues, mine, presence] = await Promise.all([
    listQueues(viewer),
    attends ? listMyOpenAttendances(viewer) : [],
    attends ? loadPresence(viewer) : null,
  ]);
  const unnamed = [...queues.flatMap((q) => q.entries), ...mine].filter((a) => a.contactName === null).map((a) => a.id);
  const withoutContact = await attendancesWithoutContact(viewer, unnamed);
  const { toast } = await searchParams;
  // One instant for every wait on the page, so two entries never disagree by a refresh.
  const now = new Date();
  const waiting = queues.reduce((sum, q) => sum + q.waiting, 0);

  return (
    <div className="space-y-6">
      <AutoRefresh />
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Live</h1>
        <p className="mt-1 text-sm text-slate-600">
          {capabilities["live.allQueues"] ? "Todas as filas da organização" : "As filas das suas carteiras e a fila Sem segmento"}, em ordem de atendimento:
          canal, prioridade do contato e tempo de espera. A página se atualiza sozinha.
        </p>
      </header>

      {attends && presence && (
        <div className="grid gap-4 lg:grid-cols-3">
          <section aria-labelledby="live-status" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <h2 id="live-status" className="sr-only">Status</h2>
            <PresenceControl presence={presence} action={setPresenceAction} />
          </section>
          <section aria-labelledby="live-next" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <h2 id="live-next" className="mb-1 text-sm font-semibold">Próximo da fila</h2>
            <p className="mb-3 text-sm text-slate-600">O primeiro que aguarda nas suas filas passa a ser seu.</p>
            <TakeNextButton action={takeNextAttendanceAction} paused={presence.status === "paused"} />
          </section>
          <section aria-labelledby="live-mine" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <h2 id="live-mine" className="mb-2 text-sm font-semibold">
              Meus atendimentos {mine.length > 0 && <span className="font-normal text-slate-500">({mine.length})</span>}
            </h2>
            <MyAttendances attendances={mine} now={now} withoutContact={withoutContact} />
          </section>
        </div>
      )}

      <section aria-labelledby="live-queues" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="live-queues" className="text-lg font-semibold">Filas</h2>
          <p className="text-sm text-slate-600">{plural(waiting, "atendimento aguardando", "atendimentos aguardando")}</p>
        </div>
        <div className="grid items-start gap-4 lg:grid-cols-2 2xl:grid-cols-3">
          {queues.map((queue) => (
            <QueueCard key={queue.segmentId ?? "none"} queue={queue} now={now} linkEntries={capabilities["live.supervise"]} withoutContact={withoutContact} />
          ))}
        </div>
      </section>
      {toast && toasts[toast] && <Toast message={toasts[toast]} />}
    </div>
  );
}
