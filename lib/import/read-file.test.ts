import { describe, expect, it } from "vitest";
import { ImportFileError, MAX_COLUMNS, openImportFile, type ImportRow } from "./read-file";

const windows1252 = (text: string) => Uint8Array.from(Array.from(text, (char) => char.charCodeAt(0)));
const utf8 = (text: string) => new TextEncoder().encode(text);

/** The bytes as an upload arrives: in chunks of `size`, cutting characters and rows anywhere. */
async function* chunked(bytes: Uint8Array, size = 7) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

async function readAll(bytes: Uint8Array, size?: number) {
  const opened = await openImportFile(chunked(bytes, size));
  if (!opened.ok) return opened;
  const rows: ImportRow[] = [];
  for await (const row of opened.rows) rows.push(row);
  return { ...opened, rows };
}

describe("reading an import file", () => {
  it("reads Excel's Windows-1252 `;` file: CRLF, a quoted field with a line break, blank lines at the end", async () => {
    const file = windows1252('Nome;Código;Observação\r\nJoão da Conceição;CLI-1;"linha 1\r\nlinha 2"\r\nAna;CLI-2;\r\n\r\n;;\r\n');
    expect(await readAll(file)).toEqual({
      ok: true,
      format: { encoding: "windows-1252", bom: false, separator: ";" },
      header: ["Nome", "Código", "Observação"],
      rows: [
        { line: 2, cells: ["João da Conceição", "CLI-1", "linha 1\r\nlinha 2"] },
        { line: 4, cells: ["Ana", "CLI-2", ""] },
      ],
    });
  });

  it("reads UTF-8 with BOM and `,`, cut into chunks anywhere, rows longer or shorter than the header included", async () => {
    const file = utf8('\uFEFFnome,cpf\n"Silva, Maria",123,extra\nJosé\n');
    for (const size of [1, 3, 1000]) {
      expect(await readAll(file, size)).toMatchObject({
        ok: true,
        header: ["nome", "cpf"],
        rows: [{ line: 2, cells: ["Silva, Maria", "123", "extra"] }, { line: 3, cells: ["José"] }],
      });
    }
  });

  it("a file with only its header has no rows", async () => {
    expect(await readAll(utf8("nome;cpf\r\n"))).toMatchObject({ ok: true, header: ["nome", "cpf"], rows: [] });
  });

  it("refuses empty, binary and headerless files, and a header of too many columns, changing nothing", async () => {
    expect(await readAll(new Uint8Array())).toEqual({ ok: false, message: "O arquivo está vazio." });
    expect(await readAll(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]))).toMatchObject({ ok: false, message: expect.stringContaining("binário") });
    expect(await readAll(utf8(";;;\n;;\n"))).toEqual({ ok: false, message: "O arquivo não tem linha de cabeçalho." });
    expect(await readAll(utf8(`${"x;".repeat(50_000)}x\n`))).toEqual({
      ok: false,
      message: `A linha 1 tem 50.001 colunas; um arquivo de contatos tem no máximo ${MAX_COLUMNS}.`,
    });
  });

  it("stops with a Portuguese error where the file stops being a CSV: a row of 50,000 columns, a 10 MB field, an unclosed quote", async () => {
    // The error comes when opening or while reading the rows, depending on where in the stream it is.
    const firstError = async (text: string) => {
      const opened = await openImportFile(chunked(utf8(text), 64 * 1024));
      if (!opened.ok) return opened.message;
      try {
        for await (const _ of opened.rows) {
          // reading on until the error
        }
      } catch (error) {
        expect(error).toBeInstanceOf(ImportFileError);
        return (error as Error).message;
      }
      return null;
    };
    expect(await firstError(`nome;cpf\nAna;1\n${"x;".repeat(50_000)}x\n`)).toBe("A linha 3 tem 50.001 colunas; um arquivo de contatos tem no máximo 200.");
    expect(await firstError(`nome;cpf\n"${"x".repeat(10 * 1024 * 1024)}";1\n`)).toBe(
      "Uma linha do arquivo passa de 1.000.000 caracteres (linha 2): o arquivo não parece ser uma lista de contatos.",
    );
    expect(await firstError('nome;cpf\nAna;1\n"Bia;2\nCaio;3\n')).toBe("Há aspas abertas que nunca se fecham (linha 4): confira o arquivo.");
  }, 30_000);
});
