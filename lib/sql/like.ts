/** The text as a LIKE pattern that matches it literally (the default escape character, backslash). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
