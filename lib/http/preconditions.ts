import type { Precondition } from "@/lib/contacts/api-contacts";

// RFC 9110 §13.1: If-Match and If-None-Match carry ETags; a contact's ETag is its version in quotes
// ("7"). If-Match compares strongly, so a weak tag (W/"7") never matches. A bare number is read as
// its quoted form: integrations often send the version they read.

const entityTag = /^(W\/)?"(\d{1,9})"$|^(\d{1,9})$/;

export type ParsedPreconditions = { ok: true; precondition: Precondition } | { ok: false; detail: string };

export function readPreconditions(headers: Headers): ParsedPreconditions {
  const precondition: Precondition = {};
  const ifNoneMatch = headers.get("if-none-match");
  if (ifNoneMatch !== null) {
    if (ifNoneMatch.trim() !== "*") return { ok: false, detail: "If-None-Match aceita só * (criar apenas se o contato não existir)." };
    precondition.ifNoneMatch = "*";
  }
  const ifMatch = headers.get("if-match");
  if (ifMatch === null) return { ok: true, precondition };
  if (ifMatch.trim() === "*") return { ok: true, precondition: { ...precondition, ifMatch: "*" } };
  const versions: number[] = [];
  for (const tag of ifMatch.split(",")) {
    const match = entityTag.exec(tag.trim());
    if (!match) return { ok: false, detail: 'If-Match inválido: envie o ETag recebido, por exemplo "7".' };
    if (!match[1]) versions.push(Number(match[2] ?? match[3]));
  }
  return { ok: true, precondition: { ...precondition, ifMatch: versions } };
}

export const etagOf = (version: number) => `"${version}"`;
