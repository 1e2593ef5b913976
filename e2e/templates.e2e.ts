import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectVisible, launchBrowser, open, signIn } from "./session";

// Lúcia (supervisor) writes a WhatsApp template with the variable menu, sees it rendered for a
// contact of her carteira as she types, saves it, is refused a second one with the same name, and
// archives it. The contact is the demo's CLI-000017, Luciano de Oliveira, in Varejo SP (db/seed.ts).

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await signIn(page, "lider@demo.test");
  await page.waitForURL("**/contacts");
});
afterAll(async () => {
  await browser?.close();
});

const name = "Aviso de cadastro (e2e)";

describe("message templates", () => {
  it("the menu links Modelos, which lists the demo's templates", async () => {
    await page.getByRole("navigation", { name: "Principal" }).getByRole("link", { name: "Modelos" }).click();
    await page.waitForURL("**/templates");
    await expectVisible(page.getByRole("link", { name: "Boas-vindas" }));
    await expectVisible(page.getByRole("link", { name: "Fatura disponível" }));
  });

  it("writes a template with the variable menu and previews it for a contact as it is typed", async () => {
    await page.getByRole("link", { name: "Novo modelo" }).click();
    await page.waitForURL("**/templates/new");
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Nome").fill(name);
    const body = page.getByRole("textbox", { name: /^Mensagem/ });
    await body.fill("Olá , seu código é .");
    // The cursor after "Olá ", then after "é ": each variable lands where the cursor is.
    await body.evaluate((element: HTMLTextAreaElement) => element.setSelectionRange(4, 4));
    await page.getByRole("button", { name: /^Primeiro nome/ }).click();
    await body.evaluate((element: HTMLTextAreaElement) => element.setSelectionRange(element.value.length - 1, element.value.length - 1));
    await page.getByRole("button", { name: /^Código do cliente/ }).click();
    expect(await body.inputValue()).toBe("Olá {{contactfirstname}}, seu código é {{contactcustomcode}}.");

    await page.getByRole("combobox", { name: "Contato da pré-visualização" }).fill("CLI-000017");
    await page.getByRole("listbox").getByRole("option", { name: /CLI-000017/ }).click();
    const preview = page.getByRole("region", { name: "Pré-visualização" });
    await expectVisible(preview.getByText("Olá Luciano, seu código é CLI-000017."));

    await body.fill("Oi {{contactfirstname}} {{nome}}");
    await expectVisible(page.getByText("Variável desconhecida: {{nome}}. Use as da lista."));
    await body.fill("Oi {{ ContactFirstName }}, @ChaveCliente");
    await expectVisible(preview.getByText("Oi Luciano, CLI-000017"));
  });

  it("saves it, and refuses another template with the same name", async () => {
    await page.getByRole("button", { name: "Criar modelo" }).click();
    await page.waitForURL(/\/templates\/[0-9a-f-]{36}$/);
    await expectVisible(page.getByRole("heading", { name }));
    await open(page, "/templates/new");
    await page.getByLabel("Nome").fill(name.toUpperCase());
    await page.getByRole("textbox", { name: /^Mensagem/ }).fill("Outro texto");
    await page.getByRole("button", { name: "Criar modelo" }).click();
    await expectVisible(page.getByText("Já existe um modelo com este nome."));
  });

  it("archives it after asking, and it leaves the list", async () => {
    await open(page, "/templates");
    await page.getByRole("link", { name }).click();
    await page.waitForURL(/\/templates\/[0-9a-f-]{36}$/);
    await page.waitForLoadState("networkidle");
    await page.getByRole("button", { name: "Arquivar modelo" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Arquivar modelo" }).click();
    await page.waitForURL("**/templates");
    await expectVisible(page.getByRole("link", { name: "Boas-vindas" }));
    expect(await page.getByRole("link", { name }).count()).toBe(0);
  });
});
