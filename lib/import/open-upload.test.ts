import { describe, expect, it } from "vitest";
import { openUpload } from "./open-upload";
import type { ImportRow } from "./read-file";
import { chunked, workbookBytes } from "./testing/workbooks";

async function readAll(fileName: string, bytes: Uint8Array) {
  const opened = await openUpload(fileName, chunked(bytes));
  if (!opened.ok) return opened;
  const rows: ImportRow[] = [];
  for await (const row of opened.rows) rows.push(row);
  return { ...opened, rows };
}

const csv = new TextEncoder().encode("Nome;CPF\r\nJoão;123\r\n");

describe("opening an upload by its name", () => {
  it("reads .xlsx as a workbook, whatever the case of its extension", async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet("Contatos");
      sheet.addRow(["Nome", "CPF"]);
      sheet.addRow(["Conceição", 12345678909]);
    });
    const expected = { ok: true, kind: "xlsx", header: ["Nome", "CPF"], rows: [{ line: 2, cells: ["Conceição", "12345678909"] }] };
    expect(await readAll("contatos.xlsx", bytes)).toEqual(expected);
    expect(await readAll("Contatos Março.XLSX", bytes)).toEqual(expected);
  });

  it("reads .csv, .txt and a name without extension as CSV", async () => {
    for (const name of ["contatos.csv", "contatos.TXT", "contatos"]) {
      expect(await readAll(name, csv)).toEqual({
        ok: true,
        kind: "csv",
        format: { encoding: "utf-8", bom: false, separator: ";" },
        header: ["Nome", "CPF"],
        rows: [{ line: 2, cells: ["João", "123"] }],
      });
    }
  });

  it("refuses .xls by its name, and a file whose content is not what its name says", async () => {
    expect(await readAll("antigo.XLS", csv)).toEqual({ ok: false, message: "Arquivos .xls (Excel 97-2003) não são aceitos: salve como .xlsx ou CSV." });
    expect(await readAll("contatos.xlsx", csv)).toEqual({ ok: false, message: "O arquivo não é uma planilha Excel (.xlsx) válida." });
    const workbook = await workbookBytes((book) => book.addWorksheet("Contatos").addRow(["Nome"]));
    expect(await readAll("contatos.csv", workbook)).toMatchObject({ ok: false, message: expect.stringContaining("binário") });
  });
});
