// Client-safe.
/** Text as compared by people: without accents, in lower case ("Conceição" → "conceicao"). */
export const foldText = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
