import { z } from "zod";
import { attendanceStatuses, channels } from "@/db/enums";
import { customerCodeField, emailAddress } from "@/lib/contacts/contact-input";
import { parsePhone } from "@/lib/phones/phone";
import { idField } from "@/lib/sql/ids";
import { hasControlCharacters } from "@/lib/sql/values";

// What an integration sends when a customer writes (POST /api/v1/attendances). Client-safe: the
// API reference is generated from it. Unknown fields are refused, so a typo is not silently lost.

export const MESSAGE_MAX_LENGTH = 4_000;

export const messageBody = z
  .string({ error: "Informe a mensagem." })
  .trim()
  .min(1, { error: "Informe a mensagem." })
  .max(MESSAGE_MAX_LENGTH, { error: `A mensagem pode ter até ${MESSAGE_MAX_LENGTH} caracteres.` })
  .refine((value) => !hasControlCharacters(value), { error: "A mensagem tem caracteres de controle." });

export const attendanceInput = z
  .strictObject(
    {
      channel: z.enum(channels, { error: "Canal inválido: use whatsapp, sms ou email." }).meta({ description: "Por onde o cliente escreveu." }),
      address: z
        .string({ error: "Informe o telefone ou e-mail do cliente." })
        .trim()
        .min(1, { error: "Informe o telefone ou e-mail do cliente." })
        .max(254)
        .meta({ description: "O telefone (WhatsApp, SMS) ou o e-mail do cliente, como o canal o dá.", example: "+55 11 98765-4321" }),
      customerCode: customerCodeField
        .optional()
        .meta({ description: "O código do cliente, se o seu sistema o conhece: o contato é procurado por ele antes do endereço.", example: "CLI-000123" }),
      segmentId: idField("Segmento inválido.")
        .optional()
        .meta({ description: 'A fila (segmento); sem ela, a do primeiro segmento do contato, senão "Sem segmento".' }),
      message: messageBody.meta({ description: `O texto da mensagem, até ${MESSAGE_MAX_LENGTH.toLocaleString("pt-BR")} caracteres.`, example: "Olá, quero saber do meu pedido." }),
    },
    // Unknown fields keep zod's own issue: the API's problem details name each one (lib/http/problem.ts).
    { error: (issue) => (issue.code === "unrecognized_keys" ? undefined : "Envie um objeto JSON.") },
  )
  .transform((input, ctx) => {
    const address = input.channel === "email" ? normalizedEmail(input.address) : parsePhone(input.address);
    if (address === null || hasControlCharacters(input.address)) {
      ctx.addIssue({
        code: "custom",
        path: ["address"],
        message: input.channel === "email" ? "E-mail do cliente inválido." : "Telefone do cliente inválido.",
        input: input.address,
      });
      return z.NEVER;
    }
    return { ...input, address };
  });

function normalizedEmail(raw: string): string | null {
  const email = raw.toLowerCase();
  return emailAddress.safeParse(email).success ? email : null;
}

export type AttendanceInput = z.output<typeof attendanceInput>;

/** What POST /api/v1/attendances answers: the attendance the message entered (lib/live/receive.ts). */
export const receivedAttendance = z
  .object({
    id: z.uuid().meta({ description: "O atendimento." }),
    status: z.enum(attendanceStatuses).meta({ description: "waiting: na fila; open: com um operador; closed: encerrado." }),
    contactId: z.uuid().nullable().meta({ description: "O contato encontrado pelo código, telefone ou e-mail; null quando nenhum." }),
    segmentId: z.uuid().nullable().meta({ description: 'A fila (segmento); null para "Sem segmento".' }),
    continued: z.boolean().meta({ description: "true quando a mensagem entrou num atendimento que já esperava ou estava aberto." }),
  })
  .meta({ id: "Attendance" });
export type ReceivedAttendanceAnswer = z.output<typeof receivedAttendance>;
