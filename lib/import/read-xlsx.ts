import "server-only";
import { Readable, type PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { formatNumber } from "@/lib/format/number";
import { decodeChunks } from "./file-format";
import { ImportFileError, MAX_COLUMNS, MAX_ROW_CHARS, rowTooLong, tooManyColumns, type ImportRow } from "./read-file";

export type OpenedWorkbook = { ok: true; header: string[]; rows: AsyncGenerator<ImportRow> } | { ok: false; message: string };

const notAWorkbook = "O arquivo não é uma planilha Excel (.xlsx) válida.";

const zipSignature = [0x50, 0x4b, 0x03, 0x04];
// An OLE compound file: what Excel writes for a workbook saved with a password, and for .xls.
const compoundFileSignature = [0xd0, 0xcf, 0x11, 0xe0];

/**
 * Opens an uploaded .xlsx as a stream: the header (its first non-empty row), then its rows one by
 * one with their row numbers, empty rows skipped, every cell as the text a person sees in Excel.
 * Only the first visible worksheet is read. The whole file is never in memory, but exceljs keeps
 * the workbook's shared strings (the text of its cells, about 100 bytes each) in memory, and
 * spools the worksheets to temporary files (uncompressed, in os.tmpdir()) when the workbook lists
 * its strings after them, as Excel does: the header is then known only once the whole upload is
 * read. Reading the rows throws ImportFileError where the file stops being readable; a failure of
 * the upload itself is thrown as it is. A caller that stops before the end calls `rows.return()`
 * (a `for await`'s `break` does), which deletes those temporary files.
 */
export async function openImportWorkbook(source: AsyncIterable<Uint8Array>): Promise<OpenedWorkbook> {
  const chunks = source[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headBytes = 0;
  while (headBytes < zipSignature.length) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(next.value);
    headBytes += next.value.byteLength;
  }
  const signature = Buffer.concat(head).subarray(0, zipSignature.length);
  if (signature.length === 0) return { ok: false, message: "O arquivo está vazio." };
  if (compoundFileSignature.every((byte, i) => signature[i] === byte)) {
    return {
      ok: false,
      message: "A planilha está protegida por senha ou é do Excel 97-2003: abra-a no Excel, tire a senha e salve como .xlsx.",
    };
  }
  if (!zipSignature.every((byte, i) => signature[i] === byte)) return { ok: false, message: notAWorkbook };

  // A failure of the upload itself ends the bytes instead: the zip reader, fed through a pipe, would
  // never hear of it and wait for the rest forever. The failure is thrown where the rows are read.
  const upload: { failure?: { error: unknown } } = {};
  async function* bytes() {
    yield* head;
    try {
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
    } catch (error) {
      upload.failure = { error };
    }
  }
  const reader = new FirstSheetReader(Readable.from(bytes()));
  const lines = readLines(reader, upload);

  const first = await lines.next().catch((error: unknown) => ({ error }));
  if ("error" in first) {
    if (!(first.error instanceof ImportFileError)) throw first.error;
    return { ok: false, message: first.error.message };
  }
  if (first.done) return { ok: false, message: "A planilha está vazia." };
  return { ok: true, header: first.value.cells, rows: lines };
}

async function* readLines(reader: FirstSheetReader, upload: { failure?: { error: unknown } }): AsyncGenerator<ImportRow> {
  const sheets = reader[Symbol.asyncIterator]();
  let line = 0;
  const failure = (error?: unknown) => {
    if (upload.failure) return upload.failure.error;
    if (error instanceof ImportFileError) return error;
    return new ImportFileError(line ? `A planilha está corrompida e não pôde ser lida depois da linha ${formatNumber(line)}.` : notAWorkbook);
  };
  try {
    for (let sheet = await sheets.next(); !sheet.done; sheet = await sheets.next()) {
      for await (const row of sheet.value) {
        if (reader.failure) throw failure();
        const cells = rowCells(row, reader.date1904);
        if (!cells) continue;
        if (cells.length > MAX_COLUMNS) throw new ImportFileError(tooManyColumns({ line: row.number, cells }));
        if (cells.reduce((chars, cell) => chars + cell.length, 0) > MAX_ROW_CHARS) throw new ImportFileError(rowTooLong(row.number));
        line = row.number;
        yield { line, cells };
      }
    }
  } catch (error) {
    throw failure(error);
  } finally {
    // Stopped early (an error, a `break`), the reader is suspended: resumed to its end, it drains the
    // zip and deletes the temporary files it spooled worksheets to, which it does nowhere else.
    try {
      while (!(await sheets.next()).done) {
        // the other worksheets are skipped by FirstSheetReader
      }
    } catch {
      // already failing or stopped: the first error is the one reported
    }
  }
  if (upload.failure || reader.failure || !reader.sheetChosen) throw failure();
}

type WorksheetModel = { id: number; rId: string; state?: string };
type Relationship = { Id: string; Target: string };

/** The parts of exceljs's WorkbookReader used here, most of them undocumented (exceljs 4.4). */
interface WorkbookReaderInternals {
  model?: { sheets?: WorksheetModel[] };
  workbookRels?: Relationship[];
  properties?: { model?: { date1904?: boolean } };
  [Symbol.asyncIterator](): AsyncGenerator<AsyncIterable<ExcelJS.Row>>;
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  // a zip entry's chunks, or a temporary file's stream; exceljs also takes text
  _parseWorksheet(chunks: AsyncIterable<Uint8Array | string>, sheetNo: string): Generator<unknown>;
}
const WorkbookReader = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (
  input: Readable,
  options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>,
) => WorkbookReaderInternals;

/**
 * exceljs's streaming reader, emitting only the first visible worksheet, and made to finish
 * whatever the zip holds: exceljs deletes the temporary files it spools worksheets to only when
 * it reaches the end, so a broken part is kept as the `failure` (readLines throws it) and the
 * reading goes on. It also decodes UTF-8 across chunks: exceljs decodes each chunk on its own,
 * and an "ã" cut between two came out as "��".
 */
class FirstSheetReader extends WorkbookReader {
  sheetChosen = false;
  failure?: { error: unknown };
  readonly fail = (error: unknown) => {
    this.failure ??= { error };
  };

  constructor(input: Readable) {
    // Styles cached (a small part): a date is a number formatted as a date.
    super(input, { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit" });
    keepZipErrors(input, this.fail);
  }

  get date1904() {
    return this.properties?.model?.date1904 ?? false;
  }

  override async _parseRels(entry: Readable) {
    await super._parseRels(entry).catch(this.fail);
  }

  override async _parseWorkbook(entry: Readable) {
    await super._parseWorkbook(entry).catch(this.fail);
  }

  override async _parseStyles(entry: Readable) {
    await super._parseStyles(entry).catch(this.fail);
  }

  override async *_parseSharedStrings(entry: Readable) {
    entry.setEncoding("utf8");
    try {
      yield* super._parseSharedStrings(entry);
    } catch (error) {
      this.fail(error);
    }
  }

  override *_parseWorksheet(chunks: AsyncIterable<Uint8Array>, sheetNo: string) {
    if (this.sheetChosen || !this.isFirstSheet(sheetNo)) {
      // a worksheet spooled to a temporary file comes as the file's open stream
      if (chunks instanceof Readable) chunks.destroy();
      return;
    }
    this.sheetChosen = true;
    // exceljs looks the worksheet's name up in the workbook's list, and fails when the zip holds that list after it
    this.model ??= { sheets: [] };
    yield* super._parseWorksheet(decodeChunks(chunks, "utf-8"), sheetNo);
  }

  /**
   * Whether xl/worksheets/sheet{sheetNo}.xml is the first worksheet a person sees: the workbook
   * lists its sheets in tab order, hidden ones and chart sheets included. When the zip holds the
   * worksheet before that list, the first one found is taken.
   */
  private isFirstSheet(sheetNo: string) {
    const fileOf = (sheet: WorksheetModel) =>
      this.workbookRels?.find((rel) => rel.Id === sheet.rId)?.Target.replace(/^\/?(xl\/)?/, "") ?? "";
    const worksheets = (this.model?.sheets ?? []).filter((sheet) => /^worksheets\/sheet\d+\.xml$/.test(fileOf(sheet)));
    if (worksheets.length === 0) return true;
    const first = worksheets.find((sheet) => sheet.state !== "hidden" && sheet.state !== "veryHidden") ?? worksheets[0];
    return fileOf(first) === `worksheets/sheet${sheetNo}.xml`;
  }
}

/**
 * unzipper, which exceljs reads the zip with, reports a cut or corrupt zip as an error of the zip
 * stream alone: the file being extracted never ends, and exceljs waits for it forever. Here the
 * error goes to `fail` instead, and the file and the zip end, so that exceljs finishes. `input` is
 * what exceljs pipes into the zip.
 */
function keepZipErrors(input: Readable, fail: (error: unknown) => void) {
  const pipe = input.pipe.bind(input);
  input.pipe = <T extends NodeJS.WritableStream>(zip: T, options?: { end?: boolean }) => {
    const entries = zip as unknown as Readable;
    let entry: PassThrough | undefined;
    entries.on("data", (next: PassThrough) => {
      entry = next;
      // its inflater may still write into it once ended, failing: the zip's error is the one reported
      entry.on("error", () => {});
    });
    const emit = entries.emit.bind(entries);
    entries.emit = (event: string | symbol, ...args: unknown[]) => {
      if (event !== "error") return emit(event, ...args);
      fail(args[0]);
      if (entry && !entry.writableEnded) entry.end();
      return emit("end");
    };
    return pipe(zip, options);
  };
}

/** A row's cells as text, up to its last non-empty one; null when all are empty. */
function rowCells(row: ExcelJS.Row, date1904: boolean): string[] | null {
  const cells: string[] = [];
  row.eachCell((cell, column) => {
    const text = cellText(cell.value, cell.numFmt, date1904);
    if (text) cells[column - 1] = text;
  });
  return cells.length ? Array.from(cells, (text) => text ?? "") : null;
}

/**
 * A cell as Excel shows it: text trimmed, numbers in full (never 1,23E+11) with a decimal comma,
 * dates dd/mm/aaaa, booleans in Portuguese, formulas by their last computed value, errors empty.
 */
function cellText(value: unknown, numFmt: string | undefined, date1904: boolean): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return unescapeExcel(value).trim();
  if (typeof value === "boolean") return value ? "VERDADEIRO" : "FALSO";
  if (value instanceof Date) return dateText(value);
  if (typeof value === "number") {
    // exceljs makes dates of date-formatted cells, but not of formulas' results
    return isDateFormat(numFmt) ? dateText(excelDate(value, date1904)) : numberText(value);
  }
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) {
      return cellText(value.richText.map((run: { text?: string }) => run.text ?? "").join(""), undefined, date1904);
    }
    // a formula's cached result (a shared formula's copies come with an empty formula)
    if ("result" in value) return cellText(value.result, numFmt, date1904);
  }
  return ""; // errors (#N/A), and a formula never computed
}

/** Excel writes control characters, and "_x" itself, as _xHHHH_ ("_x000D_" for CR). */
const unescapeExcel = (text: string) => text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

// Excel shows 15 significant digits; beyond them a double holds noise (0.1 + 0.2 = 0.30000000000000004).
const decimal = new Intl.NumberFormat("pt-BR", { useGrouping: false, maximumSignificantDigits: 15 });
const numberText = (value: number) => (Number.isNaN(value) ? "" : Number.isSafeInteger(value) ? String(value) : decimal.format(value));

/** Whether a number format shows a date or a time, as exceljs decides it for plain cells. */
function isDateFormat(format: string | undefined) {
  if (!format) return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** An Excel serial date as exceljs reads it: days since 30/12/1899 (1/1/1904 in a 1904-based workbook), in UTC. */
const excelDate = (serial: number, date1904: boolean) => new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

const twoDigits = (value: number) => String(value).padStart(2, "0");

/** dd/mm/aaaa, with the time when it has one (hh:mm, or hh:mm:ss), or only the time for a time of day. */
function dateText(value: Date) {
  const date = new Date(Math.round(value.getTime() / 1000) * 1000);
  const day = `${twoDigits(date.getUTCDate())}/${twoDigits(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
  const [hours, minutes, seconds] = [date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()];
  if (hours === 0 && minutes === 0 && seconds === 0) return day;
  const time = `${twoDigits(hours)}:${twoDigits(minutes)}${seconds ? `:${twoDigits(seconds)}` : ""}`;
  // Excel's day 0 (30/12/1899 here): a time of day without a date
  return date.getUTCFullYear() < 1900 ? time : `${day} ${time}`;
}
