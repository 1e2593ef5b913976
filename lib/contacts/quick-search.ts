import "server-only";
import { and, eq, or, sql, type SQL } from "drizzle-orm";
import { contacts } from "@/db/schema";
import { parsePhone } from "@/lib/phones/phone";
import { escapeLike } from "@/lib/sql/like";
import { foldText } from "@/lib/text/fold";

/** The CPF/CNPJ a search term would be, without its mask, or null. */
function asDocument(term: string) {
  const document = term.replace(/[.\-/\s]/g, "").toUpperCase();
  return /^[0-9A-Z]{11,14}$/.test(document) ? document : null;
}

// Each word of the name is a LIKE '%word%' served by the trigram index. Under three letters the
// index cannot narrow anything (and "ar" is in most names), repeats add nothing, and every word
// adds a scan: 66 × "ar" took 2.5 s at 20k contacts. So: distinct words of 3+ letters, at most 5.
export const NAME_WORD_MIN_LETTERS = 3;
export const NAME_WORDS_MAX = 5;

/** The words of a search that are looked for in names, in the order typed. */
export function nameWords(q: string): string[] {
  // Repeats are found as the database compares: ignoring case and accents.
  const distinct = new Map<string, string>();
  for (const word of q.split(/\s+/)) {
    if (Array.from(word).length >= NAME_WORD_MIN_LETTERS && !distinct.has(foldText(word))) distinct.set(foldText(word), word);
  }
  return [...distinct.values()].slice(0, NAME_WORDS_MAX);
}

// An e-mail is looked for by prefix only when the search looks like the start of an address: it
// holds an "@" after something, or is a dotted local part with a letter ("leonardo.silva", "maria.s").
// A bare word ("leonardo") is a name word: as an e-mail prefix it would match a large share of the
// addresses and cost a scan of their trigrams. Under EMAIL_PREFIX_MIN_CHARACTERS letters or digits
// the trigrams cannot narrow anything ("a@"). A whole address ("joao@empresa.com.br") is found by the
// exact branch alone: with the prefix branch beside it the search took 22 ms at 1M contacts, against
// 1.4 ms for a código.
export const EMAIL_PREFIX_MIN_CHARACTERS = 4;

/** The e-mail prefix a search term would be (lower case, as e-mails are stored), or null. */
export function emailPrefix(q: string): string | null {
  const term = q.trim().toLowerCase();
  // A masked CPF/CNPJ ("12.ABC.345/01DE-35") is a document, whatever its letters.
  if (/^[\da-z]{2,3}\.[\da-z]{3}\.[\da-z]{3}/u.test(term)) return null;
  // One run of characters, at most one "@", not first.
  if (!/^[^\s@]+(@[^\s@]*)?$/u.test(term)) return null;
  if ((term.match(/[\p{L}\p{N}]/gu)?.length ?? 0) < EMAIL_PREFIX_MIN_CHARACTERS) return null;
  if (/@[^@.]+(\.[^@.]+)*\.\p{L}{2,}$/u.test(term)) return null;
  if (term.includes("@")) return term;
  return /^[^.]+\.[^.]*/u.test(term) && /\p{L}/u.test(term) ? term : null;
}

// Códigos are compared in lower case on both sides, by the database (its lower() folds exactly as
// the index's does), served by contacts_org_code_search_idx: "cli-000234" finds "CLI-000234".
const codeLower = sql`lower(${contacts.customerCode})`;

/** Exact código do cliente (any case), document or e-mail: these matches are listed first. */
export function exactMatch(q: string): SQL {
  const document = asDocument(q);
  return or(
    sql`${codeLower} = lower(${q})`,
    document ? eq(contacts.document, document) : undefined,
    // The owner of "joao@x.com" before the owner of "joao@x.com.br", which the prefix also finds.
    q.includes("@") ? sql`${contacts.emails} @> array[${q.trim().toLowerCase()}]::text[]` : undefined,
  )!;
}

/**
 * Quick search in one box: código (exact or prefix, any case), CPF/CNPJ with or without mask, phone
 * in any common format, e-mail (exact or a prefix, see emailPrefix), or every word of the name
 * (case- and accent-insensitive, anywhere in it; see nameWords). Hashtags typed in the box never
 * get here: parsing the filters turns them into the "com todas as hashtags" filter (contact-filters.ts).
 * Each branch is served by its own index (see the contacts table in db/schema.ts).
 */
export function quickSearch(q: string): SQL {
  const matches: (SQL | undefined)[] = [exactMatch(q), sql`${codeLower} like lower(${`${escapeLike(q)}%`})`];
  const phone = /\d{8}/.test(q.replace(/\D/g, "")) ? parsePhone(q) : null;
  if (phone) matches.push(sql`${contacts.phones} @> array[${phone}]::text[]`);
  const email = emailPrefix(q);
  // The leading space anchors the prefix at the start of one of the e-mails (f_email_list, migration 0015).
  if (email) matches.push(sql`f_email_list(${contacts.emails}) like ${`% ${escapeLike(email)}%`}`);
  const words = nameWords(q);
  if (words.length > 0) {
    matches.push(and(...words.map((word) => sql`f_unaccent(lower(${contacts.name})) like f_unaccent(lower(${`%${escapeLike(word)}%`}))`)));
  }
  return or(...matches)!;
}
