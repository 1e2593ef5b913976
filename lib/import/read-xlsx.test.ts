import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { describe, expect, it, vi } from "vitest";
import { ImportFileError, MAX_COLUMNS, type ImportRow } from "./read-file";
import { openImportWorkbook } from "./read-xlsx";
import { chunked, sharedStringsFirstXlsx, streamedWorkbookBytes, workbookBytes, zipOf } from "./testing/workbooks";

async function readAll(bytes: Uint8Array, size?: number) {
  const opened = await openImportWorkbook(chunked(bytes, size));
  if (!opened.ok) return opened;
  const rows: ImportRow[] = [];
  for await (const row of opened.rows) rows.push(row);
  return { ...opened, rows };
}

/** The rows read before the error, and the error, which must be an ImportFileError. */
async function readUntilError(bytes: Uint8Array, size?: number) {
  const opened = await openImportWorkbook(chunked(bytes, size));
  if (!opened.ok) throw new Error(`not opened: ${opened.message}`);
  const rows: ImportRow[] = [];
  try {
    for await (const row of opened.rows) rows.push(row);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFileError);
    return { rows, message: (error as Error).message };
  }
  return { rows, message: null };
}

const notAWorkbook = { ok: false, message: "O arquivo não é uma planilha Excel (.xlsx) válida." };

describe("reading an .xlsx import file", () => {
  it("reads the header and the rows as a person sees them, with their row numbers, empty rows skipped", async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet("Contatos");
      sheet.addRow(["Nome", "CPF", "Código", "Nascimento", "Ativo", "Dobro", "Obs", "Site", "Erro", "Valor"]);
      sheet.addRow([]);
      sheet.addRow([
        "  João da Conceição ",
        12345678909,
        "00123",
        new Date(Date.UTC(1990, 4, 17)),
        true,
        { formula: "B3*2", result: 24691357818 },
        { richText: [{ text: "Cliente " }, { font: { bold: true }, text: "antigo" }] },
        { text: "Loja", hyperlink: "https://loja.example" },
        { error: "#N/A" },
        0.1 + 0.2,
      ]);
      sheet.addRow([null, null, "   "]);
      sheet.addRow(["Ana", "012.345.678-90", null, new Date(Date.UTC(2024, 0, 2, 14, 30)), false]);
    });
    const expected = {
      ok: true,
      header: ["Nome", "CPF", "Código", "Nascimento", "Ativo", "Dobro", "Obs", "Site", "Erro", "Valor"],
      rows: [
        { line: 3, cells: ["João da Conceição", "12345678909", "00123", "17/05/1990", "VERDADEIRO", "24691357818", "Cliente antigo", "Loja", "", "0,3"] },
        { line: 5, cells: ["Ana", "012.345.678-90", "", "02/01/2024 14:30", "FALSO"] },
      ],
    };
    expect(await readAll(bytes)).toEqual(expected);
    expect(await readAll(bytes, 1)).toEqual(expected);
  });

  it("writes numbers in full, never in scientific notation", async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet("Contatos");
      sheet.addRow(["CNPJ", "Grande", "Pequeno", "Negativo", "Data por fórmula"]);
      sheet.addRow([11222333000181, 1.23e11, 0.0000001, -1.5, { formula: "DATE(2023,3,15)", result: 45000 }]);
      sheet.getCell("E2").numFmt = "dd/mm/yyyy";
    });
    expect(await readAll(bytes)).toMatchObject({ rows: [{ line: 2, cells: ["11222333000181", "123000000000", "0,0000001", "-1,5", "15/03/2023"] }] });
  });

  it("reads formulas by their computed value, filled-down ones included", async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet("Contatos");
      sheet.addRow(["Código", "Nome", "Rótulo"]);
      sheet.addRow([1, "Ana", { formula: 'A2&"-"&B2', result: "1-Ana", shareType: "shared", ref: "C2:C3" }]);
      sheet.addRow([2, "Bia", { sharedFormula: "C2", result: "2-Bia" }]);
    });
    expect(await readAll(bytes)).toMatchObject({ rows: [{ cells: ["1", "Ana", "1-Ana"] }, { cells: ["2", "Bia", "2-Bia"] }] });
  });

  it("reads only the first visible worksheet", async () => {
    const bytes = await workbookBytes((workbook) => {
      const settings = workbook.addWorksheet("Configuração");
      settings.state = "hidden";
      settings.addRow(["oculta"]);
      workbook.addWorksheet("Contatos").addRow(["Nome"]).worksheet.addRow(["Conceição"]);
      workbook.addWorksheet("Outra").addRow(["outra"]);
    });
    expect(await readAll(bytes)).toEqual({ ok: true, header: ["Nome"], rows: [{ line: 2, cells: ["Conceição"] }] });
  });

  it("keeps accented letters that fall between two chunks, whichever order the workbook's files come in", async () => {
    // exceljs decodes each chunk on its own: an "ã" cut between two came out as "��".
    const names = Array.from({ length: 5_000 }, (_, i) => `João ${i} ${"ç".repeat(20)}`);
    const spooled = await streamedWorkbookBytes([["Nome"], ...names.map((name) => [name])]);
    const opened = await readAll(spooled);
    expect(opened.ok && opened.rows.map((row) => row.cells[0])).toEqual(names);

    const streamed = sharedStringsFirstXlsx(
      ["Nome", "João", "Conceição"],
      '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="inlineStr"><is><t>Ação</t></is></c></row><row r="4"><c r="A4" t="s"><v>2</v></c></row>',
    );
    expect(await readAll(streamed, 1)).toEqual({
      ok: true,
      header: ["Nome"],
      rows: [
        { line: 2, cells: ["João", "Ação"] },
        { line: 4, cells: ["Conceição"] },
      ],
    });
  });

  it("answers an empty first sheet, and a header without rows", async () => {
    expect(await readAll(await workbookBytes((workbook) => workbook.addWorksheet("Vazia")))).toEqual({ ok: false, message: "A planilha está vazia." });
    const blank = await workbookBytes((workbook) => workbook.addWorksheet("Contatos").addRow([null, "  "]));
    expect(await readAll(blank)).toEqual({ ok: false, message: "A planilha está vazia." });
    const headerOnly = await workbookBytes((workbook) => workbook.addWorksheet("Contatos").addRow(["Nome", "CPF"]));
    expect(await readAll(headerOnly)).toEqual({ ok: true, header: ["Nome", "CPF"], rows: [] });
  });

  it("refuses what is not an .xlsx: random bytes, a zip of something else, a cut file, a protected workbook, nothing", async () => {
    const random = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7919 + 13) % 251);
    expect(await readAll(random)).toEqual(notAWorkbook);
    expect(await readAll(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...random]))).toEqual(notAWorkbook);
    expect(await readAll(zipOf([["leia-me.txt", "não é uma planilha"]]))).toEqual(notAWorkbook);
    expect(await readAll(new TextEncoder().encode("nome;cpf\nAna;1\n"))).toEqual(notAWorkbook);

    const workbook = await workbookBytes((book) => {
      const sheet = book.addWorksheet("Contatos");
      for (let i = 0; i < 5_000; i++) sheet.addRow([`Contato ${i}`, i]);
    });
    for (const end of [100, workbook.length / 3, workbook.length / 2, workbook.length - 1_000]) {
      expect(await readAll(workbook.slice(0, end))).toEqual(notAWorkbook);
    }

    expect(await readAll(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toEqual({
      ok: false,
      message: "A planilha está protegida por senha ou é do Excel 97-2003: abra-a no Excel, tire a senha e salve como .xlsx.",
    });
    expect(await readAll(new Uint8Array())).toEqual({ ok: false, message: "O arquivo está vazio." });
  });

  it("stops with an ImportFileError where the worksheet stops being readable, after the rows before it", async () => {
    const row = (line: number) => `<row r="${line}"><c r="A${line}" t="s"><v>${line === 1 ? 0 : 1}</v></c></row>`;
    const rows = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => row(from + i)).join("");
    // exceljs drops the rows of the chunk where its XML parser fails: the chunks are small here.
    const broken = sharedStringsFirstXlsx(["Nome", "Ana"], `${rows(1, 3)}${" ".repeat(200)}<row r="4"><c r="A4" <<<${rows(5, 100)}`);
    expect(await readUntilError(broken, 64)).toEqual({
      rows: [
        { line: 2, cells: ["Ana"] },
        { line: 3, cells: ["Ana"] },
      ],
      message: "A planilha está corrompida e não pôde ser lida depois da linha 3.",
    });

    // A zip cut inside the worksheet: unzipper tells only the zip stream, which exceljs waited on forever.
    const whole = sharedStringsFirstXlsx(["Nome", "Ana"], rows(1, 2_000));
    const cut = await readUntilError(whole.slice(0, whole.length / 2), 1024);
    expect(cut.message).toMatch(/^A planilha está corrompida e não pôde ser lida depois da linha \d/);
    expect(cut.rows.length).toBeGreaterThan(100);
    expect(cut.rows.at(-1)).toEqual({ line: cut.rows.length + 1, cells: ["Ana"] });
  });

  it("rethrows the upload's own failure, and never leaves an unhandled error behind", async () => {
    const unhandled: unknown[] = [];
    const collect = (error: unknown) => unhandled.push(error);
    process.on("unhandledRejection", collect);
    process.on("uncaughtException", collect);
    try {
      const bytes = await workbookBytes((workbook) => {
        const sheet = workbook.addWorksheet("Contatos");
        for (let i = 0; i < 5_000; i++) sheet.addRow([`Contato ${i}`, i]);
      });
      async function* failing() {
        yield* chunked(bytes.slice(0, bytes.length / 2), 4096);
        throw new Error("a conexão caiu");
      }
      await expect(openImportWorkbook(failing())).rejects.toThrow("a conexão caiu");

      const flipped = bytes.slice();
      for (let i = 2_000; i < bytes.length; i += 997) flipped[i] ^= 0x5a;
      expect(await readAll(flipped)).toMatchObject({ ok: false });
      expect(await readAll(bytes.slice(0, bytes.length / 2))).toEqual(notAWorkbook);
      // unzipper's promises (bluebird) report an unhandled rejection a turn later
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      process.off("unhandledRejection", collect);
      process.off("uncaughtException", collect);
    }
    expect(unhandled).toEqual([]);
  });

  it("refuses a row of too many columns, or too many characters, naming its line", async () => {
    const wide = await workbookBytes((workbook) => workbook.addWorksheet("Contatos").addRow(Array.from({ length: 201 }, (_, i) => `Coluna ${i}`)));
    expect(await readAll(wide)).toEqual({ ok: false, message: `A linha 1 tem 201 colunas; um arquivo de contatos tem no máximo ${MAX_COLUMNS}.` });

    const wideRow = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet("Contatos");
      sheet.addRow(["Nome"]);
      sheet.addRow(["Ana"]);
      sheet.getCell(3, 250).value = "longe";
    });
    expect(await readUntilError(wideRow)).toEqual({
      rows: [{ line: 2, cells: ["Ana"] }],
      message: "A linha 3 tem 250 colunas; um arquivo de contatos tem no máximo 200.",
    });

    const longRow = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet("Contatos");
      sheet.addRow(["Nome"]);
      sheet.addRow(Array.from({ length: 40 }, () => "x".repeat(30_000)));
    });
    expect(await readUntilError(longRow)).toEqual({
      rows: [],
      message: "Uma linha do arquivo passa de 1.000.000 caracteres (linha 2): o arquivo não parece ser uma lista de contatos.",
    });
  });

  it("streams 50,000 rows", async () => {
    const bytes = await streamedWorkbookBytes([["Nome", "CPF"], ...Array.from({ length: 50_000 }, (_, i) => [`Contato ${i}`, 10_000_000_000 + i])]);
    const opened = await openImportWorkbook(chunked(bytes));
    expect(opened.ok && opened.header).toEqual(["Nome", "CPF"]);
    let count = 0;
    let last: ImportRow | undefined;
    for await (const row of opened.ok ? opened.rows : []) {
      count++;
      last = row;
    }
    expect(count).toBe(50_000);
    expect(last).toEqual({ line: 50_001, cells: ["Contato 49999", "10000049999"] });
  }, 20_000);

  it("removes the temporary files exceljs spooled the sheets to, read to the end, stopped, or refused", async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet("Contatos");
      for (let i = 1; i <= 1_000; i++) sheet.addRow([`Contato ${i}`]);
      workbook.addWorksheet("Outra").addRow(["outra"]);
    });
    // tmp, which exceljs spools with, names its files tmp-<pid>-…
    const spooledFiles = () => readdirSync(tmpdir()).filter((name) => name.startsWith(`tmp-${process.pid}-`));
    const noneLeft = () => vi.waitFor(() => expect(spooledFiles()).toEqual([]));

    expect(await readAll(bytes)).toMatchObject({ ok: true, rows: { length: 999 } });
    await noneLeft();

    const stopped = await openImportWorkbook(chunked(bytes));
    expect(spooledFiles()).toHaveLength(2);
    for await (const row of stopped.ok ? stopped.rows : []) {
      if (row.line === 10) break;
    }
    await noneLeft();

    const headerOnly = await openImportWorkbook(chunked(bytes));
    if (headerOnly.ok) await headerOnly.rows.return(undefined);
    await noneLeft();

    expect(await readAll(bytes.slice(0, bytes.length / 2))).toEqual(notAWorkbook);
    await noneLeft();
  });
});
