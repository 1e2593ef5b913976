import "server-only";
import { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import { formatNumber } from "@/lib/format/number";
import { decodeChunks, SNIFF_BYTES, sniffFileFormat, type FileFormat } from "./file-format";

/** More columns than any contact file has: a row past it is a broken or foreign file, not data. */
export const MAX_COLUMNS = 200;
/** The longest row, in characters: a contact's row is a few hundred; a 10 MB field is not a contact. */
export const MAX_ROW_CHARS = 1_000_000;

export type ImportRow = { line: number; cells: string[] };

/** A file that cannot be read as a whole: nothing of it is imported, and the message says why, in Portuguese. */
export class ImportFileError extends Error {}

export type OpenedImportFile =
  | { ok: true; format: FileFormat; header: string[]; rows: AsyncGenerator<ImportRow> }
  | { ok: false; message: string };

/**
 * Opens an uploaded CSV as a stream: its format from the first bytes, its header, then its rows
 * one by one with their line numbers (quoted fields may span lines), never the whole file in
 * memory. Blank lines are skipped; cells are kept as written (trimmed). Reading the rows throws
 * ImportFileError where the file stops being a CSV (an unclosed quote, a row of 50,000 columns, a
 * 10 MB field).
 */
export async function openImportFile(source: AsyncIterable<Uint8Array>): Promise<OpenedImportFile> {
  const chunks = source[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headBytes = 0;
  while (headBytes < SNIFF_BYTES) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(next.value);
    headBytes += next.value.byteLength;
  }
  const sniffed = sniffFileFormat(Buffer.concat(head).subarray(0, SNIFF_BYTES));
  if (!sniffed.ok) return sniffed;
  const { format } = sniffed;

  async function* bytes() {
    yield* head;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  }
  const text = Readable.from(decodeChunks(bytes(), format.encoding));
  const parser = parse({
    delimiter: format.separator,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    trim: true,
    max_record_size: MAX_ROW_CHARS,
    info: true,
  });
  text.on("error", (error) => parser.destroy(error));
  const records = readRecords(text.pipe(parser));

  const first = await records.next().catch((error: unknown) => ({ error }));
  if ("error" in first) return { ok: false, message: messageOf(first.error) };
  if (first.done) return { ok: false, message: "O arquivo não tem linha de cabeçalho." };
  if (first.value.cells.length > MAX_COLUMNS) return { ok: false, message: tooManyColumns(first.value) };
  return { ok: true, format, header: first.value.cells, rows: records };
}

async function* readRecords(parser: AsyncIterable<{ record: string[]; info: { lines: number } }>): AsyncGenerator<ImportRow> {
  // csv-parse tells the line where a record ends, and counts a CRLF inside quotes as two lines from
  // then on: the line where each record starts is worked back from both.
  let overcounted = 0;
  try {
    for await (const { record, info } of parser) {
      let inner = 0;
      let crlf = 0;
      for (const cell of record) {
        if (!cell.includes("\n") && !cell.includes("\r")) continue;
        inner += lineBreaks(cell);
        crlf += cell.split("\r\n").length - 1;
      }
      const row = { line: info.lines - overcounted - inner, cells: record };
      overcounted += crlf;
      if (row.cells.length > MAX_COLUMNS) throw new ImportFileError(tooManyColumns(row));
      yield row;
    }
  } catch (error) {
    throw error instanceof ImportFileError ? error : new ImportFileError(messageOf(error));
  }
}

/** Line breaks as csv-parse counts them inside a quoted field: every CR and every LF. */
const lineBreaks = (cell: string) => cell.length - cell.replace(/[\r\n]/g, "").length;

export const tooManyColumns = (row: ImportRow) =>
  `A linha ${formatNumber(row.line)} tem ${formatNumber(row.cells.length)} colunas; um arquivo de contatos tem no máximo ${MAX_COLUMNS}.`;

export const rowTooLong = (line?: number) =>
  `Uma linha do arquivo passa de ${formatNumber(MAX_ROW_CHARS)} caracteres${line === undefined ? "" : ` (linha ${formatNumber(line)})`}: o arquivo não parece ser uma lista de contatos.`;

function messageOf(error: unknown): string {
  if (error instanceof ImportFileError) return error.message;
  if (!(error instanceof CsvError)) throw error;
  const line = typeof error.lines === "number" ? ` (linha ${formatNumber(error.lines)})` : "";
  switch (error.code) {
    case "CSV_MAX_RECORD_SIZE":
      return rowTooLong(typeof error.lines === "number" ? error.lines : undefined);
    case "CSV_QUOTE_NOT_CLOSED":
      return `Há aspas abertas que nunca se fecham${line}: confira o arquivo.`;
    default:
      return `O arquivo não pôde ser lido como CSV${line}: confira aspas e separadores.`;
  }
}
