import { describe, expect, it } from "vitest";
import { isValidCnpj, isValidCpf } from "@brazilian-utils/brazilian-utils";
import {
  formatDocument,
  formatDocumentAsTyped,
  generateCnpj,
  generateCpf,
  maskDocument,
  parseDocument,
  type DocumentType,
} from "./document";

// Deterministic source for the generator tests (mulberry32).
function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("parseDocument", () => {
  it.each<[string, string, DocumentType]>([
    ["123.456.789-09", "12345678909", "cpf"],
    ["12345678909", "12345678909", "cpf"],
    ["529.982.247-25", "52998224725", "cpf"],
    [" 111 444 777 35 ", "11144477735", "cpf"],
    ["11.222.333/0001-81", "11222333000181", "cnpj"],
    ["11222333000181", "11222333000181", "cnpj"],
    ["12.345.678/0001-95", "12345678000195", "cnpj"],
    ["12.ABC.345/01DE-35", "12ABC34501DE35", "cnpj"],
    ["12ABC34501DE35", "12ABC34501DE35", "cnpj"],
    ["12.abc.345/01de-35", "12ABC34501DE35", "cnpj"],
    ["q0.slf.mbd/7vx4-39", "Q0SLFMBD7VX439", "cnpj"],
  ])("accepts %j as %j (%s)", (raw, document, type) => {
    expect(parseDocument(raw)).toEqual({ ok: true, document, type });
  });

  it.each([
    ["123.456.789-00", "CPF inválido: confira os dígitos."],
    ["529.982.247-24", "CPF inválido: confira os dígitos."],
    ["111.111.111-11", "CPF inválido: confira os dígitos."],
    ["000.000.000-00", "CPF inválido: confira os dígitos."],
    ["999.999.999-99", "CPF inválido: confira os dígitos."],
    ["11.222.333/0001-80", "CNPJ inválido: confira os dígitos."],
    ["12.ABC.345/01DE-36", "CNPJ inválido: confira os dígitos."],
    ["12.ABC.345/01DE-AB", "CNPJ inválido: confira os dígitos."],
    ["00.000.000/0000-00", "CNPJ inválido: confira os dígitos."],
    // Repeated roots whose check digits are right: the library alone accepts both of these.
    ["11.111.111/1111-80", "CNPJ inválido: confira os dígitos."],
    ["AA.AAA.AAA/AAAA-45", "CNPJ inválido: confira os dígitos."],
    ["", "Informe o CPF ou CNPJ."],
    ["  . - / ", "Informe o CPF ou CNPJ."],
    ["1234", "Informe um CPF (11 dígitos) ou CNPJ (14 caracteres)."],
    ["123.456.789-091", "Informe um CPF (11 dígitos) ou CNPJ (14 caracteres)."],
    ["12.ABC.345/01DE-3", "Informe um CPF (11 dígitos) ou CNPJ (14 caracteres)."],
    ["123.456.78A-09", "Informe um CPF (11 dígitos) ou CNPJ (14 caracteres)."],
    ["12.ÁBC.345/01DE-35", "O CPF ou CNPJ só pode ter números e letras sem acento."],
    ["123.456.789_09", "O CPF ou CNPJ só pode ter números e letras sem acento."],
  ])("refuses %j: %s", (raw, message) => {
    expect(parseDocument(raw)).toEqual({ ok: false, message });
  });
});

describe("formatDocument and maskDocument", () => {
  it.each<[string, DocumentType, string, string]>([
    ["12345678909", "cpf", "123.456.789-09", "***.456.789-**"],
    ["11222333000181", "cnpj", "11.222.333/0001-81", "11.222.***/****-**"],
    ["12ABC34501DE35", "cnpj", "12.ABC.345/01DE-35", "12.ABC.***/****-**"],
  ])("%s (%s) → %s, masked %s", (document, type, formatted, masked) => {
    expect(formatDocument(document, type)).toBe(formatted);
    expect(maskDocument(document, type)).toBe(masked);
  });
});

describe("formatDocumentAsTyped", () => {
  it.each([
    ["", ""],
    ["123", "123"],
    ["1234", "123.4"],
    ["1234567", "123.456.7"],
    ["12345678909", "123.456.789-09"],
    ["123.456.789-09", "123.456.789-09"],
    ["123456789012", "12.345.678/9012"],
    ["11222333000181", "11.222.333/0001-81"],
    ["12a", "12.A"],
    ["12abc34501de35", "12.ABC.345/01DE-35"],
    ["12.ABC.345/01DE-35999", "12.ABC.345/01DE-35"],
    ["12#ABC 345", "12.ABC.345"],
  ])("%j → %j", (typed, shown) => {
    expect(formatDocumentAsTyped(typed)).toBe(shown);
  });
});

describe("generators", () => {
  it("generateCpf makes 200 valid CPFs, all told apart by parseDocument", () => {
    const random = seededRandom(1);
    for (let i = 0; i < 200; i++) {
      const cpf = generateCpf(random);
      expect(cpf).toMatch(/^\d{11}$/);
      expect(isValidCpf(cpf)).toBe(true);
      expect(parseDocument(cpf)).toEqual({ ok: true, document: cpf, type: "cpf" });
    }
  });

  it.each([false, true])("generateCnpj(alphanumeric = %s) makes 200 valid CNPJs", (alphanumeric) => {
    const random = seededRandom(2);
    const generated: string[] = [];
    for (let i = 0; i < 200; i++) {
      const cnpj = generateCnpj(random, alphanumeric);
      generated.push(cnpj);
      expect(cnpj).toMatch(alphanumeric ? /^[0-9A-Z]{12}\d{2}$/ : /^\d{14}$/);
      expect(isValidCnpj(cnpj, { version: 2 })).toBe(true);
      expect(parseDocument(cnpj)).toEqual({ ok: true, document: cnpj, type: "cnpj" });
    }
    expect(generated.some((cnpj) => /[A-Z]/.test(cnpj))).toBe(alphanumeric);
  });

  it("is reproducible with the same random source", () => {
    expect(generateCpf(seededRandom(7))).toBe(generateCpf(seededRandom(7)));
    expect(generateCnpj(seededRandom(7), true)).toBe(generateCnpj(seededRandom(7), true));
    expect(generateCpf(seededRandom(7))).not.toBe(generateCpf(seededRandom(8)));
  });

  it("never returns a repeated-digit document, even from a constant random source", () => {
    let calls = 0;
    // Constant for the first base, then varied: the generator must draw again.
    const random = () => (calls++ < 9 ? 0.15 : seededRandom(calls)());
    const cpf = generateCpf(random);
    expect(cpf.slice(0, 9)).not.toBe("111111111");
    expect(parseDocument(cpf).ok).toBe(true);
  });
});
