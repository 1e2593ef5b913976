import { describe, expect, it } from "vitest";
import { z } from "zod";
import { templateInput, unknownVariablesMessage } from "./template-input";

const errorsOf = (raw: unknown) => {
  const parsed = templateInput.safeParse(raw);
  return parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
};

const whatsapp = { name: "Boas-vindas", channel: "whatsapp", body: "Olá {{contactfirstname}}, seu código é @ChaveCliente." };
const email = { name: "Cobrança", channel: "email", subject: "{{contactfirstname}}, sua fatura", body: "Prezado(a) {{contactname}}" };

describe("templateInput", () => {
  it("accepts a WhatsApp template without subject and an e-mail one with a subject, trimmed", () => {
    expect(templateInput.parse({ ...whatsapp, name: "  Boas-vindas ", body: "\n Oi {{ contactName }}  \n" })).toEqual({
      name: "Boas-vindas",
      channel: "whatsapp",
      subject: null,
      body: "Oi {{ contactName }}",
    });
    expect(templateInput.parse({ ...email, subject: "  Sua fatura " })).toEqual({ ...email, subject: "Sua fatura" });
  });

  it("takes a blank subject of another channel as none", () => {
    expect(templateInput.parse({ ...whatsapp, subject: "  " }).subject).toBeNull();
    expect(templateInput.parse({ ...whatsapp, subject: "" }).subject).toBeNull();
  });

  it("refuses unknown variables in the body and in the subject, naming them", () => {
    expect(errorsOf({ ...email, subject: "Oi {{nome}}", body: "{{foo}} {{Bar}} {{foo}}" })).toEqual({
      subject: ["Variável desconhecida: {{nome}}. Use as da lista."],
      body: ["Variáveis desconhecidas: {{foo}}, {{Bar}}. Use as da lista."],
    });
  });

  it("accepts malformed braces, which are plain text", () => {
    expect(errorsOf({ ...whatsapp, body: "{{ }} {{{contactname}}} @chavecliente {{" })).toEqual({});
  });

  it("asks an e-mail for its subject, and refuses one on other channels", () => {
    expect(errorsOf({ ...email, subject: undefined })).toEqual({ subject: ["Informe o assunto do e-mail."] });
    expect(errorsOf({ ...email, subject: "   " })).toEqual({ subject: ["Informe o assunto do e-mail."] });
    expect(errorsOf({ ...whatsapp, channel: "sms", subject: "Oi" })).toEqual({ subject: ["Só modelos de e-mail têm assunto: tire-o ou escolha o canal E-mail."] });
  });

  it("gives every field's error at once, in Portuguese", () => {
    expect(errorsOf({ name: " ", channel: "fax", body: "" })).toEqual({
      name: ["Dê um nome ao modelo."],
      channel: ["Escolha o canal: WhatsApp, SMS, E-mail."],
      body: ["Informe a mensagem."],
    });
    expect(errorsOf({ ...email, name: "x".repeat(81), subject: "a".repeat(201), body: "b".repeat(4001) })).toEqual({
      name: ["O nome pode ter até 80 caracteres."],
      subject: ["O assunto pode ter até 200 caracteres."],
      body: ["A mensagem pode ter até 4000 caracteres."],
    });
  });

  it("refuses a subject of more than one line and control characters", () => {
    expect(errorsOf({ ...email, subject: "Oi\r\nBcc: x@y.z" })).toEqual({ subject: ["O assunto deve ter uma linha só, sem caracteres de controle."] });
    expect(errorsOf({ ...whatsapp, name: "a\u0000b", body: "a\u0007b" })).toEqual({
      name: ["O nome tem caracteres de controle: digite-o de novo."],
      body: ["A mensagem tem caracteres de controle."],
    });
  });

  it("refuses what is not text", () => {
    expect(errorsOf({ name: 1, channel: "email", subject: ["a"], body: { a: 1 } })).toEqual({
      name: ["Dê um nome ao modelo."],
      subject: ["Informe o assunto do e-mail."],
      body: ["Informe a mensagem."],
    });
  });
});

describe("unknownVariablesMessage", () => {
  it("cuts a very long name", () => {
    expect(unknownVariablesMessage(["a".repeat(50)])).toBe(`Variável desconhecida: {{${"a".repeat(40)}…}}. Use as da lista.`);
  });
});
