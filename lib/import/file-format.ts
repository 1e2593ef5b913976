// How an uploaded CSV is written, read from its first bytes: the encoding, the separator, and
// whether it is a text file at all. Brazilian files come from Excel in Portuguese (Windows-1252,
// `;`) as often as from other tools (UTF-8, with or without BOM, `,` or tab).

export type ImportEncoding = "utf-8" | "windows-1252";
export type ImportSeparator = ";" | "," | "\t";
export type FileFormat = { encoding: ImportEncoding; bom: boolean; separator: ImportSeparator };

/** How many bytes of the file's beginning are read to decide (the header and some rows). */
export const SNIFF_BYTES = 64 * 1024;

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * The format of a file from its first SNIFF_BYTES, or why it is not a CSV. UTF-8 when the bytes
 * are valid UTF-8 (a character cut at the end of the sample is not an error), else Windows-1252,
 * which is also how ISO-8859-1 text reads. A NUL byte means a binary file (a zip, a spreadsheet
 * renamed to .csv): refused rather than read as garbage.
 */
export function sniffFileFormat(head: Uint8Array): { ok: true; format: FileFormat } | { ok: false; message: string } {
  const bom = UTF8_BOM.every((byte, i) => head[i] === byte);
  const body = bom ? head.subarray(UTF8_BOM.length) : head;
  if (body.every((byte) => byte === 0x0a || byte === 0x0d || byte === 0x20 || byte === 0x09)) {
    return { ok: false, message: "O arquivo está vazio." };
  }
  if (body.includes(0)) {
    return { ok: false, message: "O arquivo não é um CSV de texto (parece ser binário, como uma planilha ou um .zip renomeado)." };
  }
  const encoding = bom || isUtf8(body) ? "utf-8" : "windows-1252";
  const text = new TextDecoder(encoding).decode(body);
  return { ok: true, format: { encoding, bom, separator: detectSeparator(text) } };
}

function isUtf8(bytes: Uint8Array) {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

const separators: ImportSeparator[] = [";", ",", "\t"];

/**
 * The separator of the header line: the one it holds most often outside quotes. A single column
 * holds none; `;` then, as Excel in Portuguese writes.
 */
export function detectSeparator(text: string): ImportSeparator {
  const counts = new Map<ImportSeparator, number>(separators.map((s) => [s, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && counts.has(char as ImportSeparator)) counts.set(char as ImportSeparator, counts.get(char as ImportSeparator)! + 1);
  }
  return separators.reduce((best, s) => (counts.get(s)! > counts.get(best)! ? s : best), separators[0]);
}

/** The file's text, decoded chunk by chunk in its encoding (a character cut between chunks included); the BOM is dropped. */
export async function* decodeChunks(chunks: AsyncIterable<Uint8Array>, encoding: ImportEncoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
