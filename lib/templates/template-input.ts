import { z } from "zod";
import { channels } from "@/db/enums";
import { MESSAGE_MAX_LENGTH, messageBody } from "@/lib/live/attendance-input";
import { channelLabels } from "@/lib/messages/channels";
import { hasControlCharacters } from "@/lib/sql/values";
import { parseTemplate } from "./parse";

// A message template as the editor and the API send it: one schema for both. Client-safe.

export const TEMPLATE_NAME_MAX = 80;
export const TEMPLATE_SUBJECT_MAX = 200;
// An unknown name is shown back to its author; past this it is cut, to keep the message readable.
const SHOWN_NAME_MAX = 40;

/** "Variável desconhecida: {{foo}}. Use as da lista." (or the plural, naming each one). */
export function unknownVariablesMessage(unknown: string[]): string {
  const names = unknown.map((name) => `{{${name.length > SHOWN_NAME_MAX ? `${name.slice(0, SHOWN_NAME_MAX)}…` : name}}}`).join(", ");
  return unknown.length === 1 ? `Variável desconhecida: ${names}. Use as da lista.` : `Variáveis desconhecidas: ${names}. Use as da lista.`;
}

// A template that names an unknown variable would send "{{foo}}" to every customer: refused. Send
// Message's free text is refused the same way.
export function refuseUnknownVariables(text: string, ctx: z.RefinementCtx) {
  const { unknown } = parseTemplate(text);
  if (unknown.length > 0) ctx.addIssue({ code: "custom", message: unknownVariablesMessage(unknown), input: text });
}

const name = z
  .string({ error: "Dê um nome ao modelo." })
  .trim()
  .min(1, { error: "Dê um nome ao modelo." })
  .max(TEMPLATE_NAME_MAX, { error: `O nome pode ter até ${TEMPLATE_NAME_MAX} caracteres.` })
  .refine((value) => !hasControlCharacters(value), { error: "O nome tem caracteres de controle: digite-o de novo." });

// An e-mail header is one line: a line break in the subject would end it.
const subject = z
  .string({ error: "Informe o assunto do e-mail." })
  .trim()
  .max(TEMPLATE_SUBJECT_MAX, { error: `O assunto pode ter até ${TEMPLATE_SUBJECT_MAX} caracteres.` })
  .refine((value) => !/[\r\n]/.test(value) && !hasControlCharacters(value), { error: "O assunto deve ter uma linha só, sem caracteres de controle." })
  .superRefine(refuseUnknownVariables)
  .nullish()
  .transform((value) => value || null);

export const templateInput = z
  .object({
    name,
    channel: z.enum(channels, { error: `Escolha o canal: ${Object.values(channelLabels).join(", ")}.` }),
    // Only e-mails have one; the editor shows the field only for them.
    subject,
    body: messageBody.superRefine(refuseUnknownVariables),
  })
  .superRefine((input, ctx) => {
    if (input.channel === "email" && !input.subject) ctx.addIssue({ code: "custom", path: ["subject"], message: "Informe o assunto do e-mail." });
    if (input.channel !== "email" && input.subject) {
      ctx.addIssue({ code: "custom", path: ["subject"], message: `Só modelos de e-mail têm assunto: tire-o ou escolha o canal ${channelLabels.email}.` });
    }
  });

export type TemplateInput = z.output<typeof templateInput>;

/** A subject and body being written, to render for one contact (the editor's preview): any text, up to the template's limits. */
export const templatePreviewInput = z.object({
  subject: z
    .string({ error: "Assunto inválido." })
    .trim()
    .max(TEMPLATE_SUBJECT_MAX, { error: `O assunto pode ter até ${TEMPLATE_SUBJECT_MAX} caracteres.` })
    .nullish()
    .transform((value) => value ?? null),
  body: z
    .string({ error: "Mensagem inválida." })
    .trim()
    .max(MESSAGE_MAX_LENGTH, { error: `A mensagem pode ter até ${MESSAGE_MAX_LENGTH} caracteres.` }),
  contactId: z.string({ error: "Escolha um contato." }),
});

export type TemplatePreviewInput = z.input<typeof templatePreviewInput>;
