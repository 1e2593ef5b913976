import { describe, expect, it } from "vitest";
import { parseDocument } from "@/lib/documents/document";
import { parseImportPriority, splitTags, suggestMapping } from "@/lib/import/columns";
import { importTemplateCsv, templateHeader, templateRows } from "./template";

describe("the import's model file", () => {
  it("is UTF-8 with a BOM, `;`-separated, CRLF, every row as wide as the header", () => {
    const text = importTemplateCsv();
    expect(text.startsWith("\uFEFFNome;CPF/CNPJ;Código do cliente;Telefones;E-mails;Hashtags;Prioridade;Segmentos;Responsável\r\n")).toBe(true);
    const lines = text.slice(1).split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines.slice(0, -1).map((line) => line.split(";").length)).toEqual([9, 9, 9]);
    expect(text.replaceAll("\r\n", "")).not.toMatch(/["\r\n]/);
  });

  it("names every column so that the mapping recognises it", () => {
    expect(suggestMapping(templateHeader)).toEqual(["name", "document", "customerCode", "phones", "emails", "tags", "priority", "segments", "responsible"]);
  });

  it("shows a valid CPF and a valid CNPJ, priorities and hashtags as the import reads them", () => {
    expect(templateRows.map((row) => parseDocument(row[1]))).toEqual([
      { ok: true, document: "05723195506", type: "cpf" },
      { ok: true, document: "21894221318562", type: "cnpj" },
    ]);
    expect(templateRows.map((row) => parseImportPriority(row[6]))).toEqual(["high", "medium"]);
    expect(splitTags(templateRows[0][5])).toEqual(["vip", "novo"]);
  });
});
