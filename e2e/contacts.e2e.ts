import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDocument, generateCpf } from "@/lib/documents/document";
import { baseUrl, expectVisible, launchBrowser, open, signIn } from "./session";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("an operator's day with a contact", () => {
  const code = `E2E-${Date.now()}`;
  const name = "Marina Teste de Ponta a Ponta";
  const cpf = formatDocument(generateCpf(), "cpf");
  let contactUrl = "";

  it("ana creates a contact, fixing an invalid CPF first", async () => {
    const page = await browser.newPage();
    await signIn(page, "ana@demo.test");
    await page.waitForURL("**/contacts");
    await page.getByRole("link", { name: "+ Criar contato" }).first().click();
    await page.waitForURL("**/contacts/new");
    await page.waitForLoadState("networkidle");

    await page.getByLabel("Nome").fill(name);
    await page.getByLabel("CPF / CNPJ").fill("12345678900");
    await page.getByLabel("Código do Cliente").fill(code);
    await page.getByRole("checkbox", { name: "Varejo SP" }).check();
    await page.getByRole("button", { name: "Criar contato" }).click();

    const form = page.locator("form");
    await expectVisible(form.getByText("CPF inválido: confira os dígitos."));
    // What was typed is still there.
    expect(await page.getByLabel("Nome").inputValue()).toBe(name);
    expect(await page.getByLabel("Código do Cliente").inputValue()).toBe(code);

    await page.getByLabel("CPF / CNPJ").fill(cpf);
    await page.getByRole("button", { name: "Criar contato" }).click();
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}/);
    await expectVisible(page.getByRole("heading", { level: 1, name }));
    await expectVisible(page.getByText("Contato criado."));
    contactUrl = new URL(page.url()).pathname;
    await page.close();
  });

  it("ana finds it by código in the quick search, raises its priority, reveals its CPF, and sees both in the history", async () => {
    const page = await browser.newPage();
    await signIn(page, "ana@demo.test");
    await page.waitForURL("**/contacts");
    await page.getByLabel("Busca rápida").fill(code);
    await page.getByRole("button", { name: "Buscar" }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === code);
    const rows = page.locator("tbody tr");
    await expectVisible(rows.getByRole("link", { name }));
    expect(await rows.count()).toBe(1);
    await rows.getByRole("link", { name }).click();
    await page.waitForURL(`**${contactUrl}`);

    await page.getByRole("link", { name: "Editar" }).click();
    await page.waitForURL("**/edit");
    await page.waitForLoadState("networkidle");
    // The edit page never holds the whole CPF until "mostrar", which is recorded.
    expect(await page.getByLabel("CPF / CNPJ").inputValue()).toMatch(/^\*{3}\.\d{3}\.\d{3}-\*{2}$/);
    expect(await page.content()).not.toContain(cpf);
    await page.getByRole("button", { name: "mostrar" }).click();
    await expect.poll(() => page.getByLabel("CPF / CNPJ").inputValue()).toBe(cpf);
    await page.getByRole("radio", { name: "Alta" }).check();
    await page.getByRole("button", { name: "Salvar alterações" }).click();
    await page.waitForURL(`**${contactUrl}?toast=updated`);

    const history = page.getByRole("region", { name: "Histórico" });
    const change = history.locator("li", { hasText: "Ana Souza alterou" }).first();
    await expectVisible(change);
    expect((await change.textContent())?.replace(/\s+/g, " ")).toContain("Prioridade: de Média para Alta");
    await expectVisible(history.getByText("visualizou o CPF/CNPJ completo"));
    await page.close();
  });

  it("bruno, outside that carteira, gets not found at its URL", async () => {
    const page = await browser.newPage();
    await signIn(page, "bruno@demo.test");
    await page.waitForURL("**/contacts");
    const response = await page.goto(baseUrl() + contactUrl);
    expect(response?.status()).toBe(404);
    await expectVisible(page.getByText("Contato não encontrado"));
    expect(await page.getByText(name).count()).toBe(0);
    await page.close();
  });
});

describe("signing in", () => {
  it("refuses a wrong password with one generic message", async () => {
    const page = await browser.newPage();
    await signIn(page, "ana@demo.test", "senha-errada");
    await expectVisible(page.getByRole("alert").filter({ hasText: "E-mail ou senha inválidos." }));
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.close();
  });

  it("signs out", async () => {
    const page = await browser.newPage();
    await signIn(page, "lider@demo.test");
    await page.waitForURL("**/contacts");
    await page.getByRole("button", { name: "Sair" }).click();
    await page.waitForURL("**/login");
    await open(page, "/contacts");
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.close();
  });
});
