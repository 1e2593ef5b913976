import { PassThrough } from "node:stream";
import { crc32 } from "node:zlib";
import ExcelJS from "exceljs";

// Test helpers: workbooks written by exceljs, and zips put together by hand when the order of
// their files matters or they must be wrong.

/** A workbook as Excel would save it (exceljs writes its shared strings after the worksheets, as Excel does). */
export async function workbookBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A large one-sheet workbook, written row by row by exceljs's streaming writer (three times faster). */
export async function streamedWorkbookBytes(rows: Iterable<unknown[]>): Promise<Uint8Array> {
  const stream = new PassThrough();
  const parts: Buffer[] = [];
  stream.on("data", (part: Buffer) => parts.push(part));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true });
  const sheet = workbook.addWorksheet("Contatos");
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  return new Uint8Array(Buffer.concat(parts));
}

/** The bytes as an upload arrives: in chunks of `size`. */
export async function* chunked(bytes: Uint8Array, size = 64 * 1024) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

/** A zip of uncompressed files, in the order given. */
export function zipOf(files: [path: string, content: string][]): Uint8Array {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [path, content] of files) {
    const name = Buffer.from(path);
    const data = Buffer.from(content);
    const sizes = { crc: crc32(data), size: data.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(sizes.crc, 14);
    local.writeUInt32LE(sizes.size, 18);
    local.writeUInt32LE(sizes.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(sizes.crc, 16);
    central.writeUInt32LE(sizes.size, 20);
    central.writeUInt32LE(sizes.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    parts.push(local, name, data);
    directory.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const size = directory.reduce((total, part) => total + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, ...directory, end]));
}

/**
 * A one-sheet .xlsx whose shared strings come before its worksheet, as some tools write it (exceljs
 * then reads the worksheet straight from the upload instead of spooling it to a temporary file).
 */
export function sharedStringsFirstXlsx(strings: string[], sheetData: string): Uint8Array {
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return zipOf([
    ["xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${relationships}"><sheets><sheet name="Contatos" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    [
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relationships}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ],
    ["xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${main}">${strings.map((text) => `<si><t>${escape(text)}</t></si>`).join("")}</sst>`],
    ["xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${main}"><sheetData>${sheetData}</sheetData></worksheet>`],
  ]);
}
