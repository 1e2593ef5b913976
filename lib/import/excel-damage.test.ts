import { describe, expect, it } from "vitest";
import { spreadsheetDamage } from "./excel-damage";

describe("numbers a spreadsheet damaged", () => {
  it("names scientific notation, in either decimal mark", () => {
    expect(spreadsheetDamage("1,23E+11", "customerCode")).toBe(
      "“1,23E+11” é um número que a planilha escreveu em notação científica: formate a coluna como Texto e exporte de novo.",
    );
    expect(spreadsheetDamage("4.5e13", "document")).toContain("notação científica");
  });

  it("names a CPF or CNPJ that lost its leading zeros", () => {
    expect(spreadsheetDamage("1234567890", "document")).toBe(
      "CPF com 10 dígitos: a planilha apagou os zeros à esquerda. Formate a coluna como Texto e exporte de novo.",
    );
    expect(spreadsheetDamage("1234567000190", "document")).toContain("CNPJ com 13 dígitos");
  });

  it("leaves whole documents, masked ones and ordinary códigos alone", () => {
    for (const [value, field] of [["12345678909", "document"], ["123.456.789-09", "document"], ["12345678000190", "document"], ["CLI-000123", "customerCode"], ["1234567890", "customerCode"]] as const) {
      expect(spreadsheetDamage(value, field)).toBeNull();
    }
  });
});
