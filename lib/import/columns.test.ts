import { describe, expect, it } from "vitest";
import { parseImportPriority, splitSegments, splitTags, suggestMapping } from "./columns";

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
});
