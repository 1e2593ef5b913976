import { describe, expect, it } from "vitest";
import { z } from "zod";
import { contactFieldLabels, contactImportInput, contactInput, contactUpdateInput, priorityLabels, type ContactInput } from "./contact-input";

const SEGMENT_A = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
const SEGMENT_B = "9b2d9a4e-6c1f-4e7a-8d3b-2a1c0e5f7b64";
const USER = "c56a4180-65aa-42ec-a945-5fd21dec0538";

const minimal = { name: "Maria da Silva", document: "123.456.789-09", customerCode: "CLI-001" };

function fieldErrors(input: unknown) {
  const result = contactInput.safeParse(input);
  if (result.success) throw new Error(`expected errors, parsed ${JSON.stringify(result.data)}`);
  return z.flattenError(result.error).fieldErrors as Record<string, string[] | undefined>;
}

describe("contactInput: valid input", () => {
  it("fills the defaults from the three required fields", () => {
    expect(contactInput.parse(minimal)).toEqual<ContactInput>({
      name: "Maria da Silva",
      document: "12345678909",
      documentType: "cpf",
      customerCode: "CLI-001",
      responsibleUserId: null,
      tags: [],
      priority: "medium",
      segmentIds: [],
      phones: [],
      emails: [],
      consent: {},
    });
  });

  it("normalizes every field of a full form", () => {
    const parsed = contactInput.parse({
      name: "  ACME Comércio Ltda  ",
      document: "12.abc.345/01de-35",
      customerCode: " ACME-42 ",
      responsibleUserId: USER.toUpperCase(),
      tags: ["#VIP", " vip ", "Pós Venda", ""],
      priority: "high",
      segmentIds: [SEGMENT_A, SEGMENT_B, SEGMENT_A.toUpperCase()],
      phones: ["(11) 98765-4321", "", "+55 11 98765-4321", "+1 650 253 0000"],
      emails: [" Contato@ACME.com.br ", "contato@acme.com.br", "  "],
      consent: { whatsapp: "granted", sms: "", email: "denied" },
    });
    expect(parsed).toEqual<ContactInput>({
      name: "ACME Comércio Ltda",
      document: "12ABC34501DE35",
      documentType: "cnpj",
      customerCode: "ACME-42",
      responsibleUserId: USER,
      tags: ["vip", "pós-venda"],
      priority: "high",
      segmentIds: [SEGMENT_A, SEGMENT_B],
      phones: ["+5511987654321", "+16502530000"],
      emails: ["contato@acme.com.br"],
      consent: { whatsapp: "granted", sms: null, email: "denied" },
    });
  });

  it.each([
    ["missing", {}],
    ["empty strings", { responsibleUserId: "", priority: "" }],
    ["nulls (API)", { responsibleUserId: null, priority: null, tags: null, segmentIds: null, phones: null, emails: null }],
  ])("treats optional fields given as %s as not set", (_, optional) => {
    const parsed = contactInput.parse({ ...minimal, ...optional });
    expect(parsed).toMatchObject({
      responsibleUserId: null,
      priority: "medium",
      tags: [],
      segmentIds: [],
      phones: [],
      emails: [],
    });
  });

  it.each(["high", "medium", "low"] as const)("keeps priority %s", (priority) => {
    expect(contactInput.parse({ ...minimal, priority }).priority).toBe(priority);
  });

  it("accepts 30 hashtags, 10 phones and 10 e-mails, counting hashtags after removing repeats", () => {
    const parsed = contactInput.parse({
      ...minimal,
      tags: [...Array.from({ length: 30 }, (_, i) => `tag${i}`), "#TAG0", "tag1 "],
      phones: Array.from({ length: 10 }, (_, i) => `(11) 98765-43${10 + i}`),
      emails: Array.from({ length: 10 }, (_, i) => `m${i}@acme.com.br`),
    });
    expect([parsed.tags.length, parsed.phones.length, parsed.emails.length]).toEqual([30, 10, 10]);
  });

  it("accepts a name of exactly 200 characters and a code of 64", () => {
    const parsed = contactInput.parse({ ...minimal, name: "a".repeat(200), customerCode: "c".repeat(64) });
    expect(parsed.name).toHaveLength(200);
    expect(parsed.customerCode).toHaveLength(64);
  });
});

describe("contactInput: one field wrong at a time", () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ["name missing", { name: undefined }, "name", "Informe o nome."],
    ["name blank", { name: "   " }, "name", "Informe o nome."],
    ["name too long", { name: "a".repeat(201) }, "name", "O nome pode ter até 200 caracteres."],
    ["document missing", { document: undefined }, "document", "Informe o CPF ou CNPJ."],
    ["document blank", { document: "" }, "document", "Informe o CPF ou CNPJ."],
    ["CPF check digits", { document: "123.456.789-00" }, "document", "CPF inválido: confira os dígitos."],
    ["repeated CPF", { document: "111.111.111-11" }, "document", "CPF inválido: confira os dígitos."],
    ["CNPJ check digits", { document: "12.ABC.345/01DE-36" }, "document", "CNPJ inválido: confira os dígitos."],
    ["document length", { document: "1234" }, "document", "Informe um CPF (11 dígitos) ou CNPJ (14 caracteres)."],
    ["code missing", { customerCode: undefined }, "customerCode", "Informe o código do cliente."],
    ["code blank", { customerCode: "  " }, "customerCode", "Informe o código do cliente."],
    ["code with a space", { customerCode: "CLI 001" }, "customerCode", "O código do cliente não pode ter espaços."],
    ["code too long", { customerCode: "c".repeat(65) }, "customerCode", "O código do cliente pode ter até 64 caracteres."],
    ["responsável not an id", { responsibleUserId: "maria" }, "responsibleUserId", "Escolha um responsável válido."],
    ["priority unknown", { priority: "urgent" }, "priority", "Escolha a prioridade: Alta, Média ou Baixa."],
    ["segment not an id", { segmentIds: [SEGMENT_A, "carteira-sp"] }, "segmentIds", "Segmento inválido."],
    ["tag with a symbol", { tags: ["vip", "50%off"] }, "tags", "Hashtag inválida: #50%off (use letras, números, - ou _)."],
    ["tag too long", { tags: ["x".repeat(51)] }, "tags", `A hashtag #${"x".repeat(51)} passa de 50 caracteres.`],
    ["short phone", { phones: ["(11) 1234"] }, "phones", "Telefone inválido: (11) 1234"],
    ["phone without area code", { phones: ["98765-4321"] }, "phones", "Telefone inválido: 98765-4321"],
    ["e-mail without domain", { emails: ["maria@"] }, "emails", "E-mail inválido: maria@"],
    ["e-mail without TLD", { emails: ["maria@acme"] }, "emails", "E-mail inválido: maria@acme"],
    ["a NUL in the name", { name: "Maria\0 da Silva" }, "name", "O nome tem caracteres de controle: digite-o de novo."],
    ["an escape in the code", { customerCode: "CLI\u001b001" }, "customerCode", "O código do cliente tem caracteres de controle: digite-o de novo."],
    ["31 hashtags", { tags: Array.from({ length: 31 }, (_, i) => `tag${i}`) }, "tags", "Um contato pode ter até 30 hashtags; você informou 31."],
    ["5,000 hashtags, one message", { tags: Array.from({ length: 5000 }, (_, i) => `t${i}!`) }, "tags", "Um contato pode ter até 30 hashtags; você informou 5000."],
    ["11 phones", { phones: Array.from({ length: 11 }, (_, i) => `(11) 98765-43${10 + i}`) }, "phones", "Um contato pode ter até 10 telefones; você informou 11."],
    ["11 e-mails", { emails: Array.from({ length: 11 }, (_, i) => `m${i}@acme.com.br`) }, "emails", "Um contato pode ter até 10 e-mails; você informou 11."],
  ])("%s → %s", (_, change, field, message) => {
    const errors = fieldErrors({ ...minimal, ...change });
    expect(errors).toEqual({ [field]: [message] });
  });
});

describe("contactInput: everything wrong at once", () => {
  it("reports every field's errors from a single safeParse", () => {
    const errors = fieldErrors({
      name: "",
      document: "12.ABC.345/01DE-36",
      customerCode: "CLI 001",
      responsibleUserId: "nobody",
      tags: ["ok", "não ok!", "#também@ruim"],
      priority: "urgent",
      segmentIds: ["not-a-segment"],
      phones: ["(11) 98765-4321", "(11) 1234", "", "abc"],
      emails: ["ok@acme.com", "maria@", "joão@acme.com"],
      consent: { whatsapp: "talvez", sms: "sim" },
    });
    expect(errors).toEqual({
      name: ["Informe o nome."],
      document: ["CNPJ inválido: confira os dígitos."],
      customerCode: ["O código do cliente não pode ter espaços."],
      responsibleUserId: ["Escolha um responsável válido."],
      tags: [
        "Hashtag inválida: #não-ok! (use letras, números, - ou _).",
        "Hashtag inválida: #também@ruim (use letras, números, - ou _).",
      ],
      priority: ["Escolha a prioridade: Alta, Média ou Baixa."],
      segmentIds: ["Segmento inválido."],
      phones: ["Telefone inválido: (11) 1234", "Telefone inválido: abc"],
      emails: ["E-mail inválido: maria@", "E-mail inválido: joão@acme.com"],
      consent: [
        "Consentimento (WhatsApp): escolha Aceita, Não aceita ou Não informado.",
        "Consentimento (SMS): escolha Aceita, Não aceita ou Não informado.",
      ],
    });
    expect(Object.keys(errors).sort()).toEqual(Object.keys(contactFieldLabels).sort());
  });

  it("reports the list fields under their own key, not under an index", () => {
    const result = contactInput.safeParse({ ...minimal, tags: ["a!"], phones: ["1"], emails: ["x"] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([["tags"], ["phones"], ["emails"]]);
  });

  it.each([null, "a string", 42])("refuses a body that is not an object (%j) in pt-BR", (body) => {
    const result = contactInput.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error && z.flattenError(result.error).formErrors).toEqual(["Envie os dados do contato."]);
  });

  it.each([
    ["tags", { tags: "vip" }, "Informe as hashtags como texto."],
    ["phones", { phones: [11987654321] }, "Informe os telefones como texto."],
    ["emails", { emails: "a@b.com" }, "Informe os e-mails como texto."],
    ["segmentIds", { segmentIds: SEGMENT_A }, "Escolha segmentos válidos."],
  ])("refuses %s of the wrong type in pt-BR", (field, change, message) => {
    expect(fieldErrors({ ...minimal, ...change })).toEqual({ [field]: [message] });
  });
});

describe("contactInput: consent per channel", () => {
  const consentOf = (consent: unknown) => contactInput.parse({ ...minimal, consent }).consent;

  it.each<[string, unknown, Record<string, string | null>]>([
    ["missing: nothing changes", undefined, {}],
    ["null (API): nothing changes", null, {}],
    ["an empty object: nothing changes", {}, {}],
    ["a status sets its channel only", { whatsapp: "granted" }, { whatsapp: "granted" }],
    ["null clears a channel", { sms: null }, { sms: null }],
    ["the form's Não informado (\"\") clears it too", { email: "" }, { email: null }],
    ["a channel given as undefined is left out (kept)", { whatsapp: undefined, email: "denied" }, { email: "denied" }],
    ["all three", { whatsapp: "denied", sms: "granted", email: null }, { whatsapp: "denied", sms: "granted", email: null }],
  ])("%s", (_, consent, expected) => {
    expect(consentOf(consent)).toEqual(expected);
  });

  it.each<[string, unknown, string[]]>([
    ["a word, not a status", { whatsapp: "sim" }, ["Consentimento (WhatsApp): escolha Aceita, Não aceita ou Não informado."]],
    ["a boolean", { email: true }, ["Consentimento (E-mail): escolha Aceita, Não aceita ou Não informado."]],
    ["an unknown channel", { telegram: "granted" }, ["Consentimento: canal desconhecido (telegram); use whatsapp, sms ou email."]],
    ["not an object", "granted", ["Informe o consentimento por canal: whatsapp, sms e email."]],
  ])("refuses %s in pt-BR, under consent", (_, consent, messages) => {
    expect(fieldErrors({ ...minimal, consent })).toEqual({ consent: messages });
  });

  it("names the channel in the path, for the API's dotted field errors", () => {
    const result = contactInput.safeParse({ ...minimal, consent: { sms: "yes" } });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([["consent", "sms"]]);
  });

  it("is the same in an edit and in an import row", () => {
    expect(contactUpdateInput.parse({ ...minimal, consent: { sms: "granted" } }).consent).toEqual({ sms: "granted" });
    expect(contactImportInput.parse({ consent: { email: "denied" } }).consent).toEqual({ email: "denied" });
  });
});

describe("contactUpdateInput: the edit form's document is optional", () => {
  const { document: _, ...withoutDocument } = minimal;

  it("without a document, parses the other fields and carries no document (the stored one is kept)", () => {
    const parsed = contactUpdateInput.parse(withoutDocument);
    expect(parsed).not.toHaveProperty("document");
    expect(parsed).not.toHaveProperty("documentType");
    expect(parsed.name).toBe("Maria da Silva");
  });

  it("with one, parses it as contactInput does; a blank or invalid one is an error, never a silent keep", () => {
    expect(contactUpdateInput.parse(minimal)).toEqual(contactInput.parse(minimal));
    for (const document of ["", "111.111.111-11"]) {
      const result = contactUpdateInput.safeParse({ ...minimal, document });
      expect(result.success).toBe(false);
      if (!result.success) expect(z.flattenError(result.error).fieldErrors).toHaveProperty("document");
    }
  });
});

describe("labels", () => {
  it("names every form field and priority in pt-BR", () => {
    expect(contactFieldLabels).toEqual({
      name: "Nome",
      document: "CPF / CNPJ",
      customerCode: "Código do Cliente",
      responsibleUserId: "Responsável",
      tags: "Hashtags",
      priority: "Prioridade",
      segmentIds: "Segmentos",
      phones: "Telefones",
      emails: "E-mails",
      consent: "Consentimento (LGPD)",
    });
    expect(priorityLabels).toEqual({ high: "Alta", medium: "Média", low: "Baixa" });
  });
});
