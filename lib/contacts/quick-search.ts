import "server-only";
import { and, eq, like, or, sql, type SQL } from "drizzle-orm";
import { contacts } from "@/db/schema";
import { parsePhone } from "@/lib/phones/phone";

/** The CPF/CNPJ a search term would be, without its mask, or null. */
function asDocument(term: string) {
  const document = term.replace(/[.\-/\s]/g, "").toUpperCase();
  return /^[0-9A-Z]{11,14}$/.test(document) ? document : null;
}

function escapeLike(term: string) {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// Each word of the name is a LIKE '%word%' served by the trigram index. Under three letters the
// index cannot narrow anything (and "ar" is in most names), repeats add nothing, and every word
// adds a scan: 66 × "ar" took 2.5 s at 20k contacts. So: distinct words of 3+ letters, at most 5.
export const NAME_WORD_MIN_LETTERS = 3;
export const NAME_WORDS_MAX = 5;

/** The words of a search that are looked for in names, in the order typed. */
export function nameWords(q: string): string[] {
  // Repeats are found as the database compares: ignoring case and accents.
  const fold = (word: string) => word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  const distinct = new Map<string, string>();
  for (const word of q.split(/\s+/)) {
    if (Array.from(word).length >= NAME_WORD_MIN_LETTERS && !distinct.has(fold(word))) distinct.set(fold(word), word);
  }
  return [...distinct.values()].slice(0, NAME_WORDS_MAX);
}

/** Exact código do cliente or document: these matches are listed first. */
export function exactMatch(q: string): SQL {
  const document = asDocument(q);
  return or(eq(contacts.customerCode, q), document ? eq(contacts.document, document) : undefined)!;
}

/**
 * Quick search in one box: código (exact or prefix), CPF/CNPJ with or without mask, phone in any
 * common format, e-mail, or every word of the name (case- and accent-insensitive, anywhere in it;
 * see nameWords).
 * Each branch is served by its own index (see the contacts table in db/schema.ts).
 */
export function quickSearch(q: string): SQL {
  const matches: (SQL | undefined)[] = [exactMatch(q), like(contacts.customerCode, `${escapeLike(q)}%`)];
  const phone = /\d{8}/.test(q.replace(/\D/g, "")) ? parsePhone(q) : null;
  if (phone) matches.push(sql`${contacts.phones} @> array[${phone}]::text[]`);
  if (q.includes("@")) matches.push(sql`${contacts.emails} @> array[${q.toLowerCase()}]::text[]`);
  const words = nameWords(q);
  if (words.length > 0) {
    matches.push(and(...words.map((word) => sql`f_unaccent(lower(${contacts.name})) like f_unaccent(lower(${`%${escapeLike(word)}%`}))`)));
  }
  return or(...matches)!;
}
