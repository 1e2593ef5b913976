import { describe, expect, it } from "vitest";
import { decodeChunks, detectSeparator, sniffFileFormat } from "./file-format";

const windows1252 = (text: string) =>
  Uint8Array.from(Array.from(text, (char) => ({ "€": 0x80, "“": 0x93, "”": 0x94 })[char] ?? char.charCodeAt(0)));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe("sniffing an import file", () => {
  it("reads Excel's Portuguese CSV as Windows-1252 with `;`", () => {
    expect(sniffFileFormat(windows1252("Nome;CPF\r\nJoão da Conceição;123\r\n"))).toEqual({
      ok: true,
      format: { encoding: "windows-1252", bom: false, separator: ";" },
    });
  });

  it("reads UTF-8 with and without BOM, and a character cut at the end of the sample is still UTF-8", () => {
    expect(sniffFileFormat(utf8("\uFEFFnome,cpf\nJoão,1\n"))).toEqual({ ok: true, format: { encoding: "utf-8", bom: true, separator: "," } });
    const cut = utf8("nome\tcpf\nJoão").slice(0, -1);
    expect(sniffFileFormat(cut)).toEqual({ ok: true, format: { encoding: "utf-8", bom: false, separator: "\t" } });
  });

  it("refuses empty and binary files in Portuguese", () => {
    expect(sniffFileFormat(new Uint8Array())).toEqual({ ok: false, message: "O arquivo está vazio." });
    expect(sniffFileFormat(utf8("\uFEFF \r\n\n"))).toMatchObject({ ok: false, message: "O arquivo está vazio." });
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]);
    expect(sniffFileFormat(zip)).toMatchObject({ ok: false, message: expect.stringContaining("binário") });
  });
});

describe("the separator", () => {
  it("is the one the header holds most, outside quotes", () => {
    expect(detectSeparator('"Nome; completo",cpf,codigo\n')).toBe(",");
    expect(detectSeparator("nome;cpf,cnpj;codigo")).toBe(";");
    expect(detectSeparator("nome\tcpf\tcodigo\r\na,b;c")).toBe("\t");
  });

  it("is `;` for a single column", () => {
    expect(detectSeparator("nome\nJoão\n")).toBe(";");
  });
});

describe("decoding the stream", () => {
  it("keeps a character split between chunks, in either encoding", async () => {
    const read = async (parts: Uint8Array[], encoding: "utf-8" | "windows-1252") => {
      let text = "";
      for await (const piece of decodeChunks((async function* () { yield* parts; })(), encoding)) text += piece;
      return text;
    };
    const bytes = utf8("João;“x”");
    expect(await read([bytes.slice(0, 3), bytes.slice(3)], "utf-8")).toBe("João;“x”");
    expect(await read([windows1252("Conceição €“”")], "windows-1252")).toBe("Conceição €“”");
  });
});
