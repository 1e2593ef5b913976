import { formatCnpj, formatCpf, isValidCnpj, isValidCpf } from "@brazilian-utils/brazilian-utils";

export type DocumentType = "cpf" | "cnpj";

export type ParsedDocument =
  | { ok: true; document: string; type: DocumentType }
  | { ok: false; message: string };

const CPF_LENGTH = 11;
const CNPJ_LENGTH = 14;
const MASK_CHARACTERS = /[\s./-]/g;
const DIGITS_ONLY = /^\d+$/;
const ALPHANUMERIC_ONLY = /^[0-9A-Z]+$/;
const ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DIGITS = "0123456789";

/** Accepts a CPF or CNPJ (numeric or alphanumeric), masked or not; returns it normalized with its type. */
export function parseDocument(raw: string): ParsedDocument {
  const document = raw.replace(MASK_CHARACTERS, "").toUpperCase();
  if (document === "") return { ok: false, message: "Informe o CPF ou CNPJ." };
  if (!ALPHANUMERIC_ONLY.test(document)) {
    return { ok: false, message: "O CPF ou CNPJ só pode ter números e letras sem acento." };
  }

  if (document.length === CPF_LENGTH && DIGITS_ONLY.test(document)) {
    // The library already refuses 000.000.000-00 … 999.999.999-99, which pass the checksum.
    return isValidCpf(document)
      ? { ok: true, document, type: "cpf" }
      : { ok: false, message: "CPF inválido: confira os dígitos." };
  }

  if (document.length === CNPJ_LENGTH) {
    // Version 2 accepts both numeric and alphanumeric CNPJs. The library refuses only 14 equal
    // characters; a repeated root with its right check digits (11111111111180, AAAAAAAAAAAA45)
    // passes its checksum, so it is refused here.
    const valid = !isRepeated(document.slice(0, 12)) && isValidCnpj(document, { version: 2 });
    return valid
      ? { ok: true, document, type: "cnpj" }
      : { ok: false, message: "CNPJ inválido: confira os dígitos." };
  }

  return { ok: false, message: "Informe um CPF (11 dígitos) ou CNPJ (14 caracteres)." };
}

/** Full mask of a normalized document: 123.456.789-09, 12.ABC.345/01DE-35. */
export function formatDocument(document: string, type: DocumentType): string {
  return type === "cpf" ? formatCpf(document) : formatCnpj(document, { version: 2 });
}

/** Partially hidden document for display (LGPD): a CPF keeps its middle 6 digits, a CNPJ the first 5 characters of its root. */
export function maskDocument(document: string, type: DocumentType): string {
  if (type === "cpf") return formatCpf(document, { obfuscate: true });
  // The library's CNPJ obfuscation hides only the first 2 and the check digits; we keep the
  // start of the root (enough to recognize the company) and hide the rest.
  return `${document.slice(0, 2)}.${document.slice(2, 5)}.***/****-**`;
}

/** Progressive mask for a document input: CPF while it can still be one, CNPJ otherwise. */
export function formatDocumentAsTyped(raw: string): string {
  const typed = raw.replace(/[^0-9A-Za-z]/g, "").toUpperCase().slice(0, CNPJ_LENGTH);
  if (typed.length <= CPF_LENGTH && DIGITS_ONLY.test(typed)) return formatCpf(typed);
  return formatCnpj(typed, { version: 2 });
}

/**
 * A valid normalized CPF. The library has a generator, but it cannot take a random source,
 * and demo data and benchmarks need a seeded one to be reproducible.
 */
export function generateCpf(random: () => number = Math.random): string {
  const base = randomBase(9, DIGITS, random);
  const firstDigit = checkDigit(base, descendingWeights(9));
  return base + firstDigit + checkDigit(base + firstDigit, descendingWeights(10));
}

/** A valid normalized CNPJ, numeric or alphanumeric (see generateCpf for why it is hand-written). */
export function generateCnpj(random: () => number = Math.random, alphanumeric = false): string {
  const base = randomBase(12, alphanumeric ? ALPHANUMERIC : DIGITS, random);
  const firstDigit = checkDigit(base, cnpjWeights(12));
  return base + firstDigit + checkDigit(base + firstDigit, cnpjWeights(13));
}

function isRepeated(value: string): boolean {
  return value === value.charAt(0).repeat(value.length);
}

function randomBase(length: number, alphabet: string, random: () => number): string {
  let base: string;
  do {
    base = "";
    for (let i = 0; i < length; i++) base += alphabet.charAt(Math.floor(random() * alphabet.length));
  } while (isRepeated(base));
  return base;
}

// Modulo 11 over characters worth their ASCII code − 48 (so '0'–'9' are 0–9 and 'A' is 17):
// the Receita Federal rule for CPF and for both CNPJ formats.
function checkDigit(value: string, weights: number[]): string {
  let sum = 0;
  for (let i = 0; i < value.length; i++) sum += (value.charCodeAt(i) - 48) * weights[i];
  const remainder = sum % 11;
  return String(remainder < 2 ? 0 : 11 - remainder);
}

function descendingWeights(length: number): number[] {
  return Array.from({ length }, (_, i) => length + 1 - i);
}

// 2..9 repeating, assigned from the rightmost character.
function cnpjWeights(length: number): number[] {
  return Array.from({ length }, (_, i) => ((length - 1 - i) % 8) + 2);
}
