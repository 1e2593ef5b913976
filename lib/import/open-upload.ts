import "server-only";
import type { FileFormat } from "./file-format";
import { openImportFile, type ImportRow } from "./read-file";
import { openImportWorkbook } from "./read-xlsx";

export type OpenedUpload =
  | { ok: true; kind: "csv"; format: FileFormat; header: string[]; rows: AsyncGenerator<ImportRow> }
  | { ok: true; kind: "xlsx"; header: string[]; rows: AsyncGenerator<ImportRow> }
  | { ok: false; message: string };

/**
 * Opens an uploaded contact file by its name: a workbook for .xlsx, a CSV for anything else (.csv,
 * .txt, no extension), which the CSV reader refuses if it is binary. Old Excel files are refused
 * by name: their format is not read.
 */
export async function openUpload(fileName: string, source: AsyncIterable<Uint8Array>): Promise<OpenedUpload> {
  const extension = /\.([^.]*)$/.exec(fileName.trim())?.[1].toLowerCase();
  if (extension === "xls") return { ok: false, message: "Arquivos .xls (Excel 97-2003) não são aceitos: salve como .xlsx ou CSV." };
  if (extension === "xlsx") {
    const opened = await openImportWorkbook(source);
    return opened.ok ? { ...opened, kind: "xlsx" } : opened;
  }
  const opened = await openImportFile(source);
  return opened.ok ? { ...opened, kind: "csv" } : opened;
}
