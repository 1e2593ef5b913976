import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/live/auto-refresh";
import { ChannelBadge } from "@/components/live/channel-badge";
import { CloseAttendanceButton } from "@/components/live/close-attendance-button";
import { ContactPanel } from "@/components/live/contact-panel";
import { CreateContactPanel } from "@/components/live/create-contact-panel";
import { Conversation } from "@/components/live/conversation";
import { ReplyForm } from "@/components/live/reply-form";
import { TransferAttendanceButton } from "@/components/live/transfer-attendance-button";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Toast } from "@/components/ui/toast";
import { capabilitiesOf } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format/date";
import { formatAddress } from "@/lib/live/address-format";
import { getAttendance, type AttendanceView } from "@/lib/live/attendance";
import { outcomeLabels } from "@/lib/live/attendance-actions-input";
import { waitedSince } from "@/lib/live/reason";
import { contactsMatchingAttendance } from "@/lib/live/attendance-contact";
import { listTransferOptions } from "@/lib/live/transfer-options";
import { deliveryNote } from "@/lib/messages/delivery-note";
import { providerStatus } from "@/lib/messages/providers";
import { customerCodeField } from "@/lib/contacts/contact-input";
import { listAssignableSegments } from "@/lib/segments/queries";
import { listAssignableResponsibles } from "@/lib/users/queries";
import { closeAttendanceAction, replyToAttendanceAction, transferAttendanceAction } from "../actions";
import { createContactForAttendanceAction, linkContactAction } from "./contact-actions";
import { DetailItem } from "@/components/ui/detail-item";

export const metadata: Metadata = { title: "Atendimento" };

const statusBadges: Record<AttendanceView["status"], { label: string; tone: BadgeTone }> = {
  waiting: { label: "Aguardando", tone: "amber" },
  open: { label: "Em atendimento", tone: "green" },
  closed: { label: "Encerrado", tone: "slate" },
};

/** Why the composer is off for this viewer; null when they hold the attendance. */
function replyDisabledReason(attendance: AttendanceView): string | null {
  if (attendance.mine) return null;
  if (attendance.status === "closed") return "Atendimento encerrado: não recebe mais respostas.";
  if (attendance.status === "waiting") return "Aguardando na fila: só quem o atender responde.";
  return `Com ${attendance.operator?.name ?? "outra pessoa"}: só quem está com o atendimento responde.`;
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ codigo?: string | string[]; toast?: string }> };

const toasts: Record<string, string> = { "contact-created": "Contato criado e ligado a este atendimento.", "contact-linked": "Contato ligado a este atendimento." };

export default async function AttendancePage({ params, searchParams }: Props) {
  const viewer = await requireViewer();
  const capabilities = capabilitiesOf(viewer.role);
  if (!capabilities["live.attend"] && !capabilities["live.supervise"]) notFound();
  const { id } = await params;
  // Both answer nothing for a malformed id or an attendance the viewer may not open.
  const [attendance, transferOptions] = await Promise.all([getAttendance(viewer, id), listTransferOptions(viewer, id)]);
  if (!attendance) notFound();
  const now = new Date();
  const address = formatAddress(attendance.channel, attendance.address);
  const customer = attendance.contact?.name ?? address;
  const canClose = attendance.status !== "closed" && (attendance.mine || capabilities["live.supervise"]);
  const status = statusBadges[attendance.status];
  // "Criar contato" for a customer with no contact, by whoever serves or supervises it while it is not closed.
  const offerContact = !attendance.contact && !attendance.contactHidden && canClose && capabilities["contacts.create"];
  // After a create refused for a código in use by a contact the viewer sees: that contact, to link.
  const { codigo, toast } = await searchParams;
  const typedCode = customerCodeField.safeParse(codigo).data;
  const [matches, segmentOptions, responsibleOptions] = offerContact
    ? await Promise.all([contactsMatchingAttendance(viewer, attendance.id, typedCode), listAssignableSegments(viewer), listAssignableResponsibles(viewer)])
    : [[], [], null];

  return (
    <div className="space-y-6">
      <AutoRefresh />
      <nav aria-label="Trilha" className="text-sm text-slate-500">
        <Link href="/live" className="hover:underline">Live</Link> / <span>{customer}</span>
      </nav>

      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="truncate text-2xl font-semibold tracking-tight">{customer}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            <ChannelBadge channel={attendance.channel} />
            {attendance.contact && <span>{address}</span>}
            <span aria-hidden="true">·</span>
            <span>Fila {attendance.queueName}</span>
            <Badge tone={status.tone}>{status.label}</Badge>
          </p>
        </div>
        {canClose && (
          <div className="flex items-center gap-2">
            {transferOptions && <TransferAttendanceButton attendanceId={attendance.id} options={transferOptions} action={transferAttendanceAction} />}
            <CloseAttendanceButton attendanceId={attendance.id} customer={customer} action={closeAttendanceAction} />
          </div>
        )}
      </header>

      <dl className={`grid gap-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 ${attendance.closedAt ? "lg:grid-cols-4" : "lg:grid-cols-3"}`}>
        <DetailItem label="Chegou">{formatDateTime(attendance.arrivedAt)}</DetailItem>
        <DetailItem label="Espera">{waitedSince(attendance.arrivedAt, attendance.takenAt ?? attendance.closedAt ?? now)}</DetailItem>
        <DetailItem label="Em atendimento">
          {attendance.takenAt ? waitedSince(attendance.takenAt, attendance.closedAt ?? now) : "Ainda não"}
          {attendance.operator && <span className="text-slate-500"> · com {attendance.mine ? "você" : attendance.operator.name}</span>}
        </DetailItem>
        {attendance.closedAt && (
          <DetailItem label="Encerrado">
            {formatDateTime(attendance.closedAt)}
            {attendance.outcome && <span className="text-slate-500"> · {outcomeLabels[attendance.outcome]}</span>}
          </DetailItem>
        )}
      </dl>

      <div className="grid items-start gap-6 lg:grid-cols-3">
        <section aria-labelledby="conversa" className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200 lg:col-span-2">
          <h2 id="conversa" className="border-b border-slate-200 px-4 py-3 text-base font-semibold">Conversa</h2>
          <Conversation messages={attendance.messages} customerName={attendance.contact?.name ?? "Cliente"} />
          <div className="border-t border-slate-200 p-4">
            <ReplyForm
              attendanceId={attendance.id}
              action={replyToAttendanceAction}
              disabledReason={replyDisabledReason(attendance)}
              deliveryNote={deliveryNote(attendance.channel, providerStatus()[attendance.channel])}
            />
          </div>
        </section>
        <ContactPanel
          contact={attendance.contact}
          hidden={attendance.contactHidden}
          createContactSlot={
            offerContact && (
              <CreateContactPanel
                attendanceId={attendance.id}
                channel={attendance.channel}
                address={attendance.address}
                matches={matches}
                startOpen={typedCode !== undefined && matches.length > 0}
                create={createContactForAttendanceAction}
                link={linkContactAction.bind(null, attendance.id)}
                segmentOptions={segmentOptions}
                responsibleOptions={responsibleOptions}
              />
            )
          }
        />
      </div>
      {toast && toasts[toast] && <Toast message={toasts[toast]} />}
    </div>
  );
}
