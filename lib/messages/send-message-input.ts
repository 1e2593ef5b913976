import { z } from "zod";
import { channels } from "@/db/enums";
import { phoneLookup } from "@/lib/contacts/api-contact-input";
import { customerCodeField, emailAddress } from "@/lib/contacts/contact-input";
import { messageBody } from "@/lib/live/attendance-input";
import { idField } from "@/lib/sql/ids";
import { refuseUnknownVariables, TEMPLATE_SUBJECT_MAX } from "@/lib/templates/template-input";
import { variableKeys } from "@/lib/templates/variables";
import { channelLabels } from "./channels";

// POST /api/v1/messages ("Send Message"): one message to one contact, from a template or a free
// text, found by código (or phone, or e-mail). Client-safe: the OpenAPI document is generated from it.

const PARAMETER_MAX_LENGTH = 500;

export const sendMessageInput = z
  .strictObject(
    {
      channel: z.enum(channels, { error: `Canal inválido: use ${channels.join(", ")}.` }).meta({ example: "whatsapp" }),
      customerCode: customerCodeField.optional().meta({ description: "O código do cliente: a forma preferida de achar o contato.", example: "CLI-000123" }),
      phone: phoneLookup
        .optional()
        .meta({ description: "Sem código: o contato que tem este telefone (e a mensagem vai para ele)." }),
      email: z
        .string({ error: "Informe o e-mail como texto." })
        .trim()
        .toLowerCase()
        .pipe(emailAddress)
        .optional()
        .meta({ description: "Sem código: o contato que tem este e-mail (e a mensagem vai para ele)." }),
      templateId: idField("Modelo inválido.").optional().meta({ description: "Um modelo de mensagem do mesmo canal." }),
      text: messageBody.superRefine(refuseUnknownVariables).optional().meta({ description: "Um texto livre, em vez de um modelo; aceita as mesmas variáveis.", example: "Olá {{contactfirstname}}, seu código é @ChaveCliente." }),
      subject: z
        .string({ error: "Informe o assunto como texto." })
        .trim()
        .min(1, { error: "Informe o assunto do e-mail." })
        .max(TEMPLATE_SUBJECT_MAX, { error: `O assunto pode ter até ${TEMPLATE_SUBJECT_MAX} caracteres.` })
        .refine((value) => !/[\r\n]/.test(value), { error: "O assunto deve ter uma linha só." })
        .superRefine(refuseUnknownVariables)
        .optional()
        .meta({ description: "O assunto de um e-mail de texto livre (um modelo de e-mail traz o seu)." }),
      parameters: z
        .partialRecord(
          z.enum(variableKeys, { error: `Variável desconhecida: use ${variableKeys.join(", ")}.` }),
          z.string({ error: "Informe o valor como texto." }).max(PARAMETER_MAX_LENGTH, { error: `Use até ${PARAMETER_MAX_LENGTH} caracteres.` }),
        )
        .optional()
        .meta({ description: "Valores para as variáveis que o contato não tem (por exemplo responsavel): o do contato, quando existe, prevalece." }),
      attendantEmail: emailAddress
        .optional()
        .meta({ description: "O e-mail de um usuário da organização, que passa a ser o responsável pelo contato." }),
    },
    { error: "Envie um objeto JSON." },
  )
  .superRefine((input, ctx) => {
    const lookups = [input.customerCode, input.phone, input.email].filter((value) => value !== undefined).length;
    if (lookups !== 1) ctx.addIssue({ code: "custom", path: ["customerCode"], message: "Informe um, e só um, de customerCode, phone ou email." });
    if ((input.templateId === undefined) === (input.text === undefined)) {
      ctx.addIssue({ code: "custom", path: ["templateId"], message: "Informe um modelo (templateId) ou um texto livre (text), não os dois." });
    }
    if (input.phone !== undefined && input.channel === "email") {
      ctx.addIssue({ code: "custom", path: ["phone"], message: `Por ${channelLabels.email}, ache o contato por customerCode ou email.` });
    }
    if (input.email !== undefined && input.channel !== "email") {
      ctx.addIssue({ code: "custom", path: ["email"], message: `Por ${channelLabels[input.channel]}, ache o contato por customerCode ou phone.` });
    }
    if (input.subject !== undefined && (input.channel !== "email" || input.text === undefined)) {
      ctx.addIssue({ code: "custom", path: ["subject"], message: "Só um e-mail de texto livre leva subject (um modelo de e-mail traz o seu)." });
    }
    if (input.channel === "email" && input.text !== undefined && input.subject === undefined) {
      ctx.addIssue({ code: "custom", path: ["subject"], message: "Informe o assunto do e-mail." });
    }
  })
  .meta({ id: "SendMessage" });
export type SendMessageInput = z.output<typeof sendMessageInput>;

/** A message as the API answers it (POST /messages, GET /messages/{id}). */
export const apiMessage = z
  .object({
    id: z.uuid(),
    status: z.enum(["queued", "sent", "failed"]).meta({ description: "queued: na fila de envio; sent: enviada; failed: falhou (veja error)." }),
    channel: z.enum(channels),
    address: z.string().meta({ description: "Para onde vai: o telefone (E.164) ou o e-mail." }),
    customerCode: z.string().nullable(),
    templateId: z.uuid().nullable(),
    subject: z.string().nullable(),
    body: z.string(),
    attempts: z.int(),
    error: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: "Message" });
export type ApiMessage = z.output<typeof apiMessage>;
