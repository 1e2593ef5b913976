import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, expectVisible, launchBrowser, open, signIn } from "./session";

// The import as a team lead does it: a file saved by Excel in Portuguese (Windows-1252, `;`,
// CRLF), previewed, imported, its error file downloaded, and undone. The contacts it names are
// the demo's (db/seed.ts): lider@demo.test supervises Varejo SP and Varejo RJ; CLI-000003
// (Patrícia Bezerra, Média) and CLI-000009 (Lívia Vieira, Alta) are in Varejo RJ, CLI-000001
// (Bruna Rezende Barros) only in Corporativo, outside her carteira. No other end-to-end test
// writes those three.
//
// E2E_SCREENSHOTS=<folder> keeps a full-page picture of each step, to look at the screens.

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  page = await context.newPage();
  await signIn(page, "lider@demo.test");
  await page.waitForURL("**/contacts");
});
afterAll(async () => {
  await browser?.close();
});

async function shot(name: string) {
  const folder = process.env.E2E_SCREENSHOTS;
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: path.join(folder, `${name}.png`), fullPage: true });
}

const fileName = "Clientes de março.csv";
const header = ["Nome", "CPF/CNPJ", "Código do cliente", "Telefones", "E-mails", "Hashtags", "Prioridade", "Segmentos"];
// Line 1 is the header: the rows below are lines 2 to 9. The CPFs are valid and not the demo's.
const rows = [
  ["João da Conceição", "101.775.910-30", "IMP-E2E-0001", "(11) 98765-4321", "joao.conceicao.importado@exemplo.com.br", "#novo #importado", "Alta", "Varejo SP"],
  ["Ânderson Araújo", "619.281.015-00", "IMP-E2E-0002", "", "", "", "Média", "Varejo RJ"],
  ["Márcia Inválida", "123.456.789-00", "IMP-E2E-0003", "", "", "", "Baixa", "Varejo SP"],
  ["Cecília Mineira", "072.326.238-10", "IMP-E2E-0004", "", "", "", "Média", "Varejo MG"],
  ["João Repetido", "892.443.302-45", "IMP-E2E-0001", "", "", "", "Alta", "Varejo SP"],
  ["Patrícia Bezerra de Sá", "", "CLI-000003", "", "", "", "Alta", ""],
  ["Lívia Vieira", "", "CLI-000009", "", "", "", "Alta", "Varejo RJ"],
  ["Bruna Rezende Barros", "", "CLI-000001", "", "", "", "Baixa", ""],
];
const failedRows = [
  { line: 4, row: rows[2], error: "CPF inválido: confira os dígitos." },
  { line: 5, row: rows[3], error: "Segmento “Varejo MG” não existe." },
  { line: 6, row: rows[4], error: "Código do cliente repetido na linha 2." },
  { line: 9, row: rows[7], error: "Este contato já existe e não está na sua carteira." },
];
const excelFile = iconv.encode([header, ...rows].map((cells) => cells.join(";") + "\r\n").join(""), "windows-1252");

/** The term → value pairs of a `<dl>` (one `<div>` each), as shown. */
async function termsOf(list: Locator): Promise<Record<string, string>> {
  const pairs = await list.locator("div").evaluateAll((items) =>
    items.map((item) => [item.querySelector("dt")?.textContent?.trim() ?? "", item.querySelector("dd")?.textContent?.trim() ?? ""]),
  );
  return Object.fromEntries(pairs);
}

/** The cells of each body row of a table, trimmed. */
async function cellsOf(table: Locator): Promise<string[][]> {
  return table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent?.trim() ?? "")));
}

/** The contact list's rows for a quick search, as name, código and priority. */
async function searchContacts(query: string) {
  await open(page, `/contacts?q=${encodeURIComponent(query)}`);
  return page.locator("tbody tr").evaluateAll((trs) =>
    trs.map((tr) => ({
      name: tr.querySelector(".contact-name")?.textContent?.trim(),
      code: tr.querySelector(".contact-code")?.textContent?.trim(),
      priority: tr.querySelector(".contact-priority")?.textContent?.trim(),
    })),
  );
}

/** The job engine works the dry run, the import and the undo: the page follows it by polling. */
const workTimeout = { timeout: 45_000 };

describe("a team lead imports a Windows-1252 file from Excel, then undoes it", () => {
  let importPath = "";
  let joaoPath = "";

  it("uploads it: the format and separator are recognized and the Portuguese header is mapped", async () => {
    await open(page, "/contacts/import");
    await shot("1-upload");
    await page.locator('input[type="file"]').setInputFiles({ name: fileName, mimeType: "text/csv", buffer: excelFile });
    await page.waitForURL(/\/contacts\/import\/[0-9a-f-]{36}$/, workTimeout);
    await page.waitForLoadState("networkidle");
    importPath = new URL(page.url()).pathname;

    await expectVisible(page.getByRole("heading", { level: 1, name: fileName }));
    const facts = await termsOf(page.locator("header dl"));
    expect(facts).toMatchObject({ "Formato:": "Windows-1252 (Excel em português)", "Separador:": "ponto e vírgula", "Colunas:": "8" });
    expect(facts["Enviado por:"]).toMatch(/^Lúcia Ramos em /);

    const suggested = ["name", "document", "customerCode", "phones", "emails", "tags", "priority", "segments"];
    for (const [index, column] of header.entries()) {
      expect(await page.getByLabel(`Campo da coluna ${column}`, { exact: true }).inputValue()).toBe(suggested[index]);
    }
    const mapping = page.getByRole("table", { name: "Colunas do arquivo e os campos que preenchem" });
    await expectVisible(mapping.getByText("João da Conceição"));
    await expectVisible(mapping.getByText("Ânderson Araújo"));
    await shot("2-mapping");
  });

  it("previews it: 2 to create, 1 to update, 1 unchanged, 4 with errors, each with its reason", async () => {
    await page.getByRole("button", { name: "Pré-visualizar" }).click();
    const counts = page.getByRole("region", { name: "Prévia: 8 linhas" });
    await counts.waitFor(workTimeout);
    await page.waitForLoadState("networkidle");
    await shot("3-preview");

    expect((await termsOf(page.locator("header dl")))["Linhas:"]).toBe("8 linhas de dados");
    expect(await termsOf(counts.locator("dl"))).toEqual({ "Novos (criar)": "2", Atualizar: "1", "Sem alteração": "1", "Com erro": "4" });
    expect(await cellsOf(page.getByRole("table", { name: "Linhas com erro" }))).toEqual(failedRows.map(({ line, error }) => [String(line), error]));
    const changes = await cellsOf(page.getByRole("table", { name: "Exemplos de alterações" }));
    expect(changes).toEqual([
      ["7", "CLI-000003", "Nome: de Patrícia Bezerra para Patrícia Bezerra de Sá"],
      ["7", "CLI-000003", "Prioridade: de Média para Alta"],
    ]);
    await expectVisible(
      page.getByText("Ao importar, 2 contatos serão criados e 1 será atualizado; 4 linhas com erro ficam de fora. Você poderá desfazer a importação por 7 dias."),
    );
    // The error file is the import's: the dry run says so instead of linking to a file it has not got.
    expect(await page.getByRole("link", { name: "Baixar arquivo de erros" }).count()).toBe(0);
    await expectVisible(page.getByText(/Depois de importar, baixe o arquivo de erros/));
    // Nothing is written by the dry run.
    expect(await searchContacts("IMP-E2E")).toEqual([]);
    await open(page, importPath);
  });

  it("imports it: the result has the same numbers, and the new contacts keep their accents", async () => {
    await page.getByRole("button", { name: "Importar", exact: true }).click();
    const result = page.getByRole("region", { name: "Importação concluída" });
    await result.waitFor(workTimeout);
    await page.waitForLoadState("networkidle");
    await shot("4-result");
    expect(await termsOf(result.locator("dl"))).toEqual({ Criados: "2", Atualizados: "1", "Sem alteração": "1", "Com erro": "4" });
    await expectVisible(page.getByRole("heading", { level: 1, name: fileName }).locator("..").getByText("Concluída", { exact: true }));

    // Created in one statement, their order in the list is arbitrary.
    const created = (await searchContacts("IMP-E2E")).toSorted((a, b) => a.code!.localeCompare(b.code!));
    expect(created).toEqual([
      { name: "João da Conceição", code: "IMP-E2E-0001", priority: "Alta" },
      { name: "Ânderson Araújo", code: "IMP-E2E-0002", priority: "Média" },
    ]);
    await page.getByRole("link", { name: "João da Conceição" }).click();
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
    joaoPath = new URL(page.url()).pathname;
    await expectVisible(page.getByRole("heading", { level: 1, name: "João da Conceição" }));
    const main = (await page.locator("main").textContent())?.replace(/\s+/g, " ") ?? "";
    for (const text of ["IMP-E2E-0001", "#novo", "#importado", "Varejo SP", "joao.conceicao.importado@exemplo.com.br"]) expect(main).toContain(text);
    await expectVisible(page.getByRole("region", { name: "Histórico" }).getByText(/por importação/));
    await shot("5-created-contact");

    expect(await searchContacts("CLI-000003")).toEqual([{ name: "Patrícia Bezerra de Sá", code: "CLI-000003", priority: "Alta" }]);
    expect(await searchContacts("CLI-000009")).toEqual([{ name: "Lívia Vieira", code: "CLI-000009", priority: "Alta" }]);
  });

  it("the error file holds the failed rows as the file had them, in Windows-1252 with `;`, with linha and erro", async () => {
    await open(page, importPath);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Baixar arquivo de erros" }).click()]);
    expect(download.suggestedFilename()).toBe("Clientes de março-erros.csv");
    const bytes = readFileSync((await download.path())!);

    // Windows-1252: one byte per accented letter, so not UTF-8, and no BOM.
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    const text = iconv.decode(bytes, "windows-1252");
    const lines = text.split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines[0]).toBe("linha;Nome;CPF/CNPJ;Código do cliente;Telefones;E-mails;Hashtags;Prioridade;Segmentos;erro");
    expect(parse(text, { delimiter: ";" })).toEqual([
      ["linha", ...header, "erro"],
      ...failedRows.map(({ line, row, error }) => [String(line), ...row, error]),
    ]);
  });

  it("undoes it: the created contacts are gone and the updated one is as it was", async () => {
    await open(page, importPath);
    await page.getByRole("button", { name: "Desfazer importação" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Desfazer importação" });
    await expectVisible(confirm.getByText("Remover os 2 contatos criados e desfazer as alterações em 1 contato?"));
    await shot("6-undo-confirm");
    await confirm.getByRole("button", { name: "Desfazer importação" }).click();

    const result = page.getByRole("region", { name: "Importação desfeita" });
    await result.waitFor(workTimeout);
    await page.waitForLoadState("networkidle");
    await shot("7-undone");
    await expectVisible(
      result.getByText("3 contatos desfeitos: os criados pela importação foram removidos e os alterados voltaram ao que eram."),
    );
    expect(await page.getByRole("button", { name: "Desfazer importação" }).count()).toBe(0);

    expect(await searchContacts("IMP-E2E")).toEqual([]);
    expect(await searchContacts("CLI-000003")).toEqual([{ name: "Patrícia Bezerra", code: "CLI-000003", priority: "Média" }]);
    expect(await searchContacts("CLI-000009")).toEqual([{ name: "Lívia Vieira", code: "CLI-000009", priority: "Alta" }]);
    const gone = await page.goto(baseUrl() + joaoPath);
    expect(gone?.status()).toBe(404);
  });

  it("the history lists it, undone, with its numbers", async () => {
    await open(page, "/contacts/import/history");
    await shot("8-history");
    const imports = await cellsOf(page.getByRole("table", { name: "Importações" }));
    const ours = imports.filter((cells) => cells[0] === fileName);
    expect(ours).toHaveLength(1);
    const [, who, options, ...numbersAndStatus] = ours[0];
    expect(who).toContain("Lúcia Ramos");
    expect(options).toContain("Chave: Código do cliente");
    // Linhas, Criados, Atualizados, Sem alteração, Erros, Duração, Situação.
    expect(numbersAndStatus).toEqual(["8", "2", "1", "1", "4", expect.any(String), "Desfeita"]);
  });
});
