export const TAG_MAX_LENGTH = 50;
/** A contact holds at most this many: more made a list page of 159 contacts weigh 34 MB. */
export const TAGS_PER_CONTACT_MAX = 30;

const TAG_CHARACTERS = /^[\p{L}\p{N}_-]+$/u;

/** "  #Cliente  Novo " → "cliente-novo". Shown to people as "#cliente-novo". */
export function normalizeTag(raw: string): string {
  return (
    raw
      // NFC so that "café" typed with a combining accent is the same tag as the precomposed one.
      .normalize("NFC")
      .trim()
      .toLowerCase()
      .replace(/^#+/, "")
      .trim()
      .replace(/\s+/g, "-")
  );
}

/** Normalizes, drops empty entries and duplicates, keeps the order of first appearance. */
export function normalizeTags(list: readonly string[]): string[] {
  const tags = list.map(normalizeTag).filter((tag) => tag !== "");
  return [...new Set(tags)];
}

/** Why a normalized tag cannot be stored (pt-BR, shown to people), or null when it can. */
export function tagProblem(tag: string): string | null {
  if (!TAG_CHARACTERS.test(tag)) return `Hashtag inválida: #${tag} (use letras, números, - ou _).`;
  // Counted in characters, not UTF-16 units, as the database counts them.
  if (Array.from(tag).length > TAG_MAX_LENGTH) return `A hashtag #${tag} passa de ${TAG_MAX_LENGTH} caracteres.`;
  return null;
}
