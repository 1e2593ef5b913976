// The import benchmark's file (issue 12): N contacts as a spreadsheet exported to CSV would hold
// them, streamed to disk (never whole in memory). UTF-8 with BOM (what Excel's "CSV UTF-8" writes),
// `;` separator, CRLF. Masked CPFs/CNPJs (30 % of CNPJs alphanumeric), unique códigos, formatted
// phones, 0–3 hashtags, Alta/Média/Baixa, 1–2 segment names of the organization; 5 % of the rows
// invalid in one of four ways, each of which a plain SQL check also sees (so the raw floor writes
// the same contacts): a CPF missing a digit, an unknown priority, an unknown segment, an e-mail
// without its domain. Seeded: the same N gives the same file; the "changed" variant is the same
// rows with 30 % of the valid ones changed (name, priority or one more hashtag).
import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { mulberry32 } from "../db/seed";
import { companyNames, emailDomains, femaleFirstNames, maleFirstNames, particleSurnames, surnames } from "../db/seed-data";
import { formatDocument, generateCnpj, generateCpf } from "../lib/documents/document";

export const importHeader = ["Nome", "CPF/CNPJ", "Código do cliente", "Telefones", "E-mails", "Hashtags", "Prioridade", "Segmentos"];

/** The organization's segments: 4 lines of business × 5 states. */
export const importSegmentNames = ["Varejo", "Atacado", "Corporativo", "Cobrança"].flatMap((line) => ["SP", "RJ", "MG", "RS", "PR"].map((uf) => `${line} ${uf}`));

const tags = ["vip", "novo", "recorrente", "inadimplente", "b2b", "whatsapp", "fidelidade", "premium", "lead-quente", "indicacao", "suporte", "parceiro"];
const priorities = ["Alta", "Média", "Baixa"];
const areaCodes = ["11", "21", "31", "41", "51", "61", "71", "81", "85"];

export type ImportFileStats = { rows: number; invalid: number; changed: number; bytes: number };

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)];
const slug = (word: string) => word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "");

/**
 * A "random" source that replays the characters of `base`, so the library's generators compute the
 * check digits of a base chosen here: bases drawn from a permutation of the row number are unique
 * without a set of a million documents in memory.
 */
function replay(base: string, alphabet: string): Random {
  let i = 0;
  return () => (alphabet.indexOf(base[i++]) + 0.5) / alphabet.length;
}

// i ↦ (i·P + c) mod m is a bijection on [0, m) when P is prime to m: distinct rows, distinct documents.
const PERMUTE = 479_001_599;
const permuted = (i: number, modulus: number, offset: number) => (i * PERMUTE + offset) % modulus;
const DIGITS = "0123456789";
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const ALPHANUMERIC = DIGITS + LETTERS;

function documentOf(i: number, company: boolean, random: Random): string {
  if (!company) {
    const base = String(100_000_000 + permuted(i, 900_000_000, 7_654_321));
    // 111111111 and the like are not CPFs: those few rows get a CNPJ instead.
    if (!/^(\d)\1+$/.test(base)) return formatDocument(generateCpf(replay(base, DIGITS)), "cpf");
  }
  if (random() < 0.3) {
    // A letter first, so an alphanumeric root never equals a numeric one.
    const root = LETTERS[Math.floor(random() * LETTERS.length)] + permuted(i, 36 ** 7, 1_234_567).toString(36).toUpperCase().padStart(7, "0");
    return formatDocument(generateCnpj(replay(`${root}0001`, ALPHANUMERIC), true), "cnpj");
  }
  return formatDocument(generateCnpj(replay(`${10_000_000 + permuted(i, 90_000_000, 31_337)}0001`, DIGITS)), "cnpj");
}

const cell = (value: string) => (/[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** The rows as CSV text, in pieces of 5,000 lines. */
function* csvLines(n: number, seed: number, changed: boolean, stats: ImportFileStats) {
  const random = mulberry32(seed);
  const changeRandom = mulberry32(seed + 1);
  let piece = "\uFEFF" + importHeader.join(";") + "\r\n";
  for (let i = 1; i <= n; i++) {
    const company = random() < 0.12;
    let name: string;
    let local: string;
    if (company) {
      name = pick(random, companyNames);
      local = `contato.${slug(name.split(" ")[0])}${i}`;
    } else {
      const first = random() < 0.5 ? pick(random, femaleFirstNames) : pick(random, maleFirstNames);
      const last = random() < 0.2 ? pick(random, particleSurnames) : pick(random, surnames);
      name = `${first} ${last}`;
      local = `${slug(first)}.${slug(last.split(" ").pop()!)}${i}`;
    }
    let doc = documentOf(i, company, random);
    const area = pick(random, areaCodes);
    const phones: string[] = [];
    for (let k = random() < 0.2 ? 0 : random() < 0.7 ? 1 : 2; k > 0; k--) {
      const rest = String(Math.floor(random() * 1e7)).padStart(7, "0");
      phones.push(company && k === 1 ? `(${area}) 3${rest.slice(0, 3)}-${rest.slice(3)}` : `(${area}) 9${6 + Math.floor(random() * 4)}${rest.slice(0, 3)}-${rest.slice(3)}`);
    }
    const emails: string[] = [];
    for (let k = random() < 0.25 ? 0 : random() < 0.8 ? 1 : 2; k > 0; k--) emails.push(`${local}${k === 2 ? ".2" : ""}@${pick(random, emailDomains)}`);
    const rowTags = new Set<string>();
    for (let k = Math.floor(random() * 4); k > 0; k--) rowTags.add(pick(random, tags));
    let priority = pick(random, priorities);
    const segments = new Set([pick(random, importSegmentNames)]);
    if (random() < 0.4) segments.add(pick(random, importSegmentNames));

    // 5 % invalid, the four kinds in turn.
    const invalid = random() < 0.05;
    if (invalid) {
      const kind = stats.invalid++ % 4;
      if (kind === 0) doc = formatDocument(generateCpf(random), "cpf").slice(0, -1);
      else if (kind === 1) priority = "Urgente";
      else if (kind === 2) segments.add("Varejo AM");
      else emails.push(`${local}@`);
    }
    if (changeRandom() < 0.3 && !invalid && changed) {
      stats.changed++;
      const what = changeRandom();
      if (what < 1 / 3) name = `${name} Filho`;
      else if (what < 2 / 3) priority = priorities[(priorities.indexOf(priority) + 1) % 3];
      else rowTags.add("reativado");
    }
    const code = `CLI-${String(i).padStart(7, "0")}`;
    const values = [name, doc, code, phones.join(", "), emails.join(", "), [...rowTags].map((t) => `#${t}`).join(" "), priority, [...segments].join(" | ")];
    piece += values.map(cell).join(";") + "\r\n";
    if (i % 5000 === 0 || i === n) {
      stats.bytes += Buffer.byteLength(piece);
      yield piece;
      piece = "";
    }
  }
  stats.rows = n;
}

/** Writes the file of n rows (the changed variant if asked) to `path`; what it holds. */
export async function writeImportFile(path: string, n: number, options: { seed: number; changed: boolean }): Promise<ImportFileStats> {
  const stats: ImportFileStats = { rows: 0, invalid: 0, changed: 0, bytes: 0 };
  await pipeline(Readable.from(csvLines(n, options.seed, options.changed, stats)), createWriteStream(path));
  return stats;
}
