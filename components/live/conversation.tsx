import { Badge } from "@/components/ui/badge";
import { formatDateTime, formatTime } from "@/lib/format/date";
import type { AttendanceMessage } from "@/lib/live/attendance";
import { ConversationScroll } from "./conversation-scroll";

export type ConversationProps = {
  messages: Pick<AttendanceMessage, "id" | "direction" | "body" | "status" | "authorName" | "createdAt" | "sentAt" | "error">[];
  /** How the customer's messages are signed: the contact's name, or "Cliente". */
  customerName: string;
};

/** The messages in order: the customer's on the left, the team's on the right with their delivery status. */
export function Conversation({ messages, customerName }: ConversationProps) {
  if (messages.length === 0) return <p className="px-4 py-8 text-center text-sm text-slate-500">Nenhuma mensagem ainda.</p>;
  return (
    <ConversationScroll count={messages.length} label="Mensagens">
      <ol className="space-y-3">
        {messages.map((m) => {
          const outbound = m.direction === "outbound";
          const author = outbound ? (m.authorName ?? "Equipe") : customerName;
          return (
            <li key={m.id} className={`flex ${outbound ? "justify-end" : "justify-start"}`}>
              <div className={`max-w-[85%] rounded-lg px-3 py-2 text-sm shadow-sm ring-1 sm:max-w-[70%] ${outbound ? "bg-indigo-50 ring-indigo-100" : "bg-white ring-slate-200"}`}>
                <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-500">
                  <span className="font-medium text-slate-700">{author}</span>
                  <time dateTime={m.createdAt.toISOString()} title={formatDateTime(m.createdAt)}>{formatTime(m.createdAt)}</time>
                  {outbound && m.status === "queued" && <Badge tone="amber">na fila de envio</Badge>}
                  {outbound && m.status === "sent" && (
                    <span title={m.sentAt ? `Enviada em ${formatDateTime(m.sentAt)}` : undefined}>
                      <Badge tone="green">enviada</Badge>
                    </span>
                  )}
                  {outbound && m.status === "failed" && <Badge tone="red">falhou</Badge>}
                </p>
                <p className="mt-1 break-words whitespace-pre-wrap text-slate-900">{m.body}</p>
                {outbound && m.status === "failed" && m.error && <p className="mt-1 break-words text-xs text-red-700">Motivo: {m.error}</p>}
                {outbound && m.status === "queued" && m.error && (
                  <p className="mt-1 break-words text-xs text-amber-800">A última tentativa falhou ({m.error}); o envio será tentado de novo.</p>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </ConversationScroll>
  );
}
