import { z } from "zod";
import { attendanceOutcomes, type AttendanceOutcome } from "@/db/enums";
import { idField } from "@/lib/sql/ids";
import { messageBody } from "./attendance-input";

// The forms of the attendance screen. Client-safe.

export const outcomeLabels: Record<AttendanceOutcome, string> = {
  resolved: "Resolvido",
  unresolved: "Não resolvido",
  no_reply: "Cliente não respondeu",
  wrong_contact: "Contato errado ou spam",
};

export const replyInput = z.object({ body: messageBody });

export const closeInput = z.object({ outcome: z.enum(attendanceOutcomes, { error: "Escolha o resultado do atendimento." }) });

/** To an operator (it stays open, now theirs) or to a queue (it waits there again, keeping its place). */
export const transferInput = z.discriminatedUnion(
  "to",
  [
    z.object({ to: z.literal("operator"), userId: idField("Escolha um operador.") }),
    // "" is the organization's "Sem segmento" queue.
    z.object({
      to: z.literal("queue"),
      segmentId: z.union([idField("Escolha uma fila."), z.literal("")], { error: "Escolha uma fila." }).transform((id) => id || null),
    }),
  ],
  { error: "Escolha para quem transferir." },
);

export type TransferInput = z.output<typeof transferInput>;
