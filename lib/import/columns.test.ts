import { describe, expect, it } from "vitest";
import { parseImportConsent, parseImportPriority, splitSegments, splitTags, suggestMapping } from "./columns";

describe("suggesting a mapping from the header", () => {
  it("recognizes the usual Portuguese and English headers, whatever their accents, case and punctuation", () => {
    expect(
      suggestMapping(["Razão Social", "CPF/CNPJ", "Código do Cliente", "Responsável", "Hashtags", "Prioridade", "Segmentos", "Telefone", "E-mail"]),
    ).toEqual(["name", "document", "customerCode", "responsible", "tags", "priority", "segments", "phones", "emails"]);
    expect(suggestMapping(["name", "document", "customer code", "owner", "tags", "priority", "segments", "phones", "emails"])).toEqual([
      "name", "document", "customerCode", "responsible", "tags", "priority", "segments", "phones", "emails",
    ]);
    expect(suggestMapping(["NOME", "cpf", "chave cliente"])).toEqual(["name", "document", "customerCode"]);
  });

  it("recognizes the consent columns, apart from the WhatsApp phone column", () => {
    expect(suggestMapping(["WhatsApp", "Consentimento WhatsApp", "consentimento_sms", "Consentimento E-mail"])).toEqual([
      "phones", "consentWhatsapp", "consentSms", "consentEmail",
    ]);
    expect(suggestMapping(["Opt-in WhatsApp", "SMS opt in", "E-mail consent"])).toEqual(["consentWhatsapp", "consentSms", "consentEmail"]);
  });

  it("leaves unknown columns and second columns of a field unmapped", () => {
    expect(suggestMapping(["Nome", "Observação", "Telefone", "Celular"])).toEqual(["name", null, "phones", null]);
  });
});

describe("reading cells", () => {
  it("reads priorities with or without accents, in Portuguese or English", () => {
    expect(["Alta", "média", "MEDIA", "baixa", "high", " Low "].map(parseImportPriority)).toEqual(["high", "medium", "medium", "low", "high", "low"]);
    expect(parseImportPriority("urgente")).toBeNull();
  });

  it("splits hashtags on commas, bars and spaces, and segments on commas and bars only", () => {
    expect(splitTags("#vip, novo|b2b  #cobranca")).toEqual(["vip", "novo", "b2b", "cobranca"]);
    expect(splitSegments("Varejo SP | Varejo RJ,Corporativo")).toEqual(["Varejo SP", "Varejo RJ", "Corporativo"]);
    expect(splitSegments(" , ")).toEqual([]);
  });

  it.each([
    ["granted", ["sim", "SIM", "s", "Aceita", "aceito", "true", "TRUE", "1", "opt-in", "Opt In", "optin", " sim "]],
    ["denied", ["não", "nao", "NÃO", "n", "Não aceita", "nao-aceita", "false", "0", "opt-out", "OPT_OUT", "optout"]],
  ])("reads consent answers as %s, whatever their case and accents", (status, words) => {
    expect(words.map(parseImportConsent)).toEqual(words.map(() => status));
  });

  it.each(["talvez", "yes please", "2", "sim não", "-"])("reads %j as no consent answer", (word) => {
    expect(parseImportConsent(word)).toBeNull();
  });
});
