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

/** Exact código do cliente or document: these matches are listed first. */
export function exactMatch(q: string): SQL {
  const document = asDocument(q);
  return or(eq(contacts.customerCode, q), document ? eq(contacts.document, document) : undefined)!;
}

/**
 * Quick search in one box: código (exact or prefix), CPF/CNPJ with or without mask, phone in any
 * common format, e-mail, or every word of the name (case- and accent-insensitive, anywhere in it).
 * Each branch is served by its own index (see the contacts table in db/schema.ts).
 */
export function quickSearch(q: string): SQL {
  const matches: (SQL | undefined)[] = [exactMatch(q), like(contacts.customerCode, `${escapeLike(q)}%`)];
  const phone = /\d{8}/.test(q.replace(/\D/g, "")) ? parsePhone(q) : null;
  if (phone) matches.push(sql`${contacts.phones} @> array[${phone}]::text[]`);
  if (q.includes("@")) matches.push(sql`${contacts.emails} @> array[${q.toLowerCase()}]::text[]`);
  const words = q.split(/\s+/).filter(Boolean);
  matches.push(
    and(...words.map((word) => sql`f_unaccent(lower(${contacts.name})) like f_unaccent(lower(${`%${escapeLike(word)}%`}))`)),
  );
  return or(...matches)!;
}
