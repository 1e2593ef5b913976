import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, expectVisible, launchBrowser, signIn } from "./session";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function exportAs(page: Page, choice: string) {
  await page.getByRole("button", { name: /^Exportar/ }).click();
  await page.getByRole("menuitem", { name: new RegExp(choice) }).click();
}

describe("a team lead's carteira", () => {
  it("lider filters Varejo SP + #vip + Alta, saves the filter, bulk-sets ana as responsável, and exports exactly those contacts", async () => {
    const page = await browser.newPage();
    await signIn(page, "lider@demo.test");
    await page.waitForURL("**/contacts");
    await page.waitForLoadState("networkidle");

    // The filters open in a drawer; segments and hashtags are searchable comboboxes.
    await page.getByRole("button", { name: "Filtros", exact: true }).click();
    const drawer = page.getByRole("dialog", { name: "Filtros" });
    await drawer.getByRole("combobox", { name: "Segmentos" }).fill("varejo sp");
    await page.getByRole("option", { name: "Varejo SP" }).click();
    await page.keyboard.press("Escape");
    await drawer.getByRole("checkbox", { name: "Alta" }).check();
    await drawer.getByRole("combobox", { name: "Com todas as hashtags" }).fill("#vip");
    await page.getByRole("option", { name: /vip/ }).first().click();
    await page.keyboard.press("Escape");
    await drawer.getByRole("button", { name: "Aplicar filtros" }).click();
    await page.waitForURL((url) => url.searchParams.get("tagAll")?.replace("#", "") === "vip");
    await page.waitForLoadState("networkidle");
    // Applying closes the drawer: the chips, the count and the rows are what the screen shows.
    expect(await page.getByRole("dialog").count()).toBe(0);

    const chips = page.getByRole("list", { name: "Filtros ativos" });
    await expectVisible(chips.getByText("Segmento: Varejo SP"));
    await expectVisible(chips.getByText("Com #vip"));
    await expectVisible(chips.getByText("Prioridade Alta"));
    const codes = (await page.locator("tbody tr td:nth-child(4)").allTextContents()).map((c) => c.trim());
    expect(codes.length).toBeGreaterThan(0);
    expect(await page.getByText(`${codes.length} ${codes.length === 1 ? "contato" : "contatos"}`, { exact: true }).count()).toBe(1);
    for (const row of await page.locator("tbody tr").all()) {
      const text = (await row.textContent()) ?? "";
      expect(text).toContain("#vip");
      expect(text).toContain("Alta");
      expect(text).toContain("Varejo SP");
    }

    // Saved, it comes back with one click.
    await page.getByRole("button", { name: "Salvar filtro" }).click();
    await page.getByLabel("Nome do filtro").fill("VIPs de SP");
    await page.getByRole("button", { name: "Salvar", exact: true }).click();
    await expectVisible(page.getByText(/Filtro salvo\./));
    await page.goto(baseUrl() + "/contacts");
    await page.waitForLoadState("networkidle");
    await page.getByRole("button", { name: /^Filtros salvos/ }).click();
    await page.getByRole("link", { name: /VIPs de SP/ }).click();
    await page.waitForURL((url) => url.searchParams.get("tagAll")?.replace("#", "") === "vip");
    expect((await page.locator("tbody tr td:nth-child(4)").allTextContents()).map((c) => c.trim())).toEqual(codes);

    // Reopened, the drawer names the filter's segment at once; its options load as it opens.
    await page.getByRole("button", { name: "Filtros (3)" }).click();
    const reopened = page.getByRole("dialog", { name: "Filtros" });
    await expectVisible(reopened.getByRole("grid", { name: "Segmentos escolhidos" }).getByRole("row", { name: /Varejo SP/ }));
    await reopened.getByRole("combobox", { name: "Responsável" }).fill("souza");
    await expectVisible(page.getByRole("option", { name: "Ana Souza" }));
    await page.keyboard.press("Escape");
    await reopened.getByRole("button", { name: "Fechar" }).click();
    await reopened.waitFor({ state: "hidden" });

    // Bulk: all contacts of this filter get Ana Souza as responsável, after a confirmation with the count.
    await page.getByRole("checkbox", { name: "Selecionar todos desta página" }).check();
    const bar = page.getByRole("region", { name: "Seleção" });
    await bar.getByRole("button", { name: /^Selecionar todos/ }).click();
    await expectVisible(bar.getByText(/Todos os contatos deste filtro/));
    await bar.getByRole("button", { name: /Ações em massa/ }).click();
    await page.getByRole("menuitem", { name: "Definir responsável" }).click();
    const dialog = page.getByRole("dialog");
    // The responsáveis are asked for now: the lead's segments' members, not the organization.
    const responsible = dialog.getByLabel("Novo responsável");
    await responsible.waitFor();
    const offered = await responsible.locator("option").allTextContents();
    expect(offered).toContain("Ana Souza");
    expect(offered).not.toContain("Bruno Lima");
    await responsible.selectOption({ label: "Ana Souza" });
    await dialog.getByRole("button", { name: "Revisar…" }).click();
    await expectVisible(dialog.getByRole("heading", { name: "Definir responsável: Ana Souza" }));
    await expectVisible(dialog.getByText(`${codes.length} ${codes.length === 1 ? "contato escolhido" : "contatos escolhidos"}`));
    await dialog.getByRole("button", { name: /^Confirmar/ }).click();
    await expectVisible(dialog.getByText("Pronto."));
    await dialog.getByRole("button", { name: "Fechar" }).click();
    await page.waitForLoadState("networkidle");
    await expect.poll(async () => (await page.locator("tbody tr td:nth-child(5)").allTextContents()).map((c) => c.trim())).toEqual(codes.map(() => "Ana Souza"));

    // The export holds exactly the contacts on screen (fewer than a page here), now Ana's.
    const [download] = await Promise.all([page.waitForEvent("download"), exportAs(page, "CSV para Excel")]);
    const text = readFileSync((await download.path())!, "utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const rows: string[][] = parse(text.slice(1), { delimiter: ";" });
    expect(rows[0][3]).toBe("Código do Cliente");
    expect(rows.slice(1).map((r) => r[3]).sort()).toEqual([...codes].sort());
    const responsavel = rows[0].indexOf("Responsável");
    expect(rows.slice(1).map((r) => r[responsavel])).toEqual(codes.map(() => "Ana Souza"));
    await page.close();
  });
});
