import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, expectVisible, launchBrowser, open, signIn } from "./session";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Collects the page's Content-Security-Policy violations, from before its first script runs. */
async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

describe("security headers", () => {
  it("every page carries a CSP with a fresh nonce, no framing, and the other headers", async () => {
    const [first, second] = [await fetch(`${baseUrl()}/login`), await fetch(`${baseUrl()}/login`)];
    const csp = first.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[\w+/=]+' 'strict-dynamic'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(second.headers.get("content-security-policy")).not.toBe(csp);
    expect(first.headers.get("referrer-policy")).toBe("same-origin");
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("strict-transport-security")).toMatch(/^max-age=\d+/);
    expect(first.headers.get("x-powered-by")).toBeNull();
  });

  it("a page with charts and a form with masks run with no CSP violation", async () => {
    const page = await browser.newPage();
    const violations = await watchViolations(page);
    await signIn(page, "admin@demo.test");
    await page.waitForURL("**/contacts");

    await open(page, "/dashboard");
    await expectVisible(page.locator(".recharts-surface"));
    expect(await violations()).toEqual([]);

    await open(page, "/contacts/new");
    await page.getByLabel("CPF / CNPJ").pressSequentially("52998224725");
    // The mask is client code: it ran, so the page hydrated under the policy.
    expect(await page.getByLabel("CPF / CNPJ").inputValue()).toBe("529.982.247-25");
    expect(await violations()).toEqual([]);

    // React Aria's modal (the confirmation dialog) opens under the policy too.
    await open(page, "/contacts");
    await page.locator("tbody tr a[href^='/contacts/']").first().click();
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
    await page.waitForLoadState("networkidle");
    await page.getByRole("button", { name: "Excluir", exact: true }).click();
    await expectVisible(page.getByRole("alertdialog", { name: "Excluir contato" }));
    await page.getByRole("button", { name: "Cancelar" }).click();
    expect(await violations()).toEqual([]);

    // The list's drawer, comboboxes, calendar and menus (their <style> elements carry the nonce).
    await open(page, "/contacts");
    await page.getByRole("button", { name: "Filtros", exact: true }).click();
    await page.getByRole("combobox", { name: "Segmentos" }).fill("v");
    // Within the combobox's listbox: the sort <select>'s options have the role too, never visible.
    await expectVisible(page.getByRole("listbox").getByRole("option").first());
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Abrir calendário: Criado entre: de" }).click();
    await expectVisible(page.getByRole("grid"));
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    // The drawer closes with an animation; until it is gone the page behind it is inert.
    await page.getByRole("dialog").waitFor({ state: "hidden" });
    await page.getByRole("button", { name: /^Exportar/ }).click();
    await expectVisible(page.getByRole("menuitem").first());
    await page.keyboard.press("Escape");
    expect(await violations()).toEqual([]);
    await page.close();
  });
});

describe("malformed URLs", () => {
  it("answer the normal page, or the Portuguese 404", async () => {
    const page = await browser.newPage();
    await signIn(page, "admin@demo.test");
    await page.waitForURL("**/contacts");

    for (const path of ["/contacts?q=jo%00ao&tagAll=vip%00", "/contacts?createdFrom=0000-01-01&updatedTo=2024-13-45"]) {
      expect((await page.goto(baseUrl() + path))?.status()).toBe(200);
      await expectVisible(page.getByRole("heading", { level: 1, name: "Contatos" }));
    }
    expect((await page.goto(`${baseUrl()}/audit?from=2024-13-45`))?.status()).toBe(200);
    await expectVisible(page.getByRole("heading", { level: 1, name: "Auditoria" }));

    const exported = await page.request.get(`${baseUrl()}/contacts/export?q=jo%00ao`);
    expect(exported.status()).toBe(200);
    expect((await exported.text()).startsWith("\uFEFFNome;")).toBe(true);

    for (const path of ["/nao-existe", "/users/00000000-0000-0000-0000-000000000000%00", "/segments/x"]) {
      expect((await page.goto(baseUrl() + path))?.status()).toBe(404);
      await expectVisible(page.getByRole("heading", { level: 1, name: "Página não encontrada" }));
    }
    expect((await page.goto(`${baseUrl()}/contacts/not-a-uuid`))?.status()).toBe(404);
    await expectVisible(page.getByText("Contato não encontrado"));
    await page.close();
  });
});

describe("the contact form without JavaScript", () => {
  // Before hydration (a slow network, or a dev server refusing its scripts) the form posts as
  // plain HTML; the page that comes back must still hold what was typed, next to the errors.
  it("comes back from a refused submit with the errors and everything typed", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, "ana@demo.test");
    await page.waitForURL("**/contacts");
    await page.goto(`${baseUrl()}/contacts/new`);
    await page.getByLabel("Nome").fill("Marina Sem Script");
    await page.getByLabel("CPF / CNPJ").fill("123.456.789-00");
    await page.getByLabel("Código do Cliente").fill("SEM-SCRIPT-1");
    await page.getByRole("radio", { name: "Alta" }).check();
    await page.getByRole("checkbox", { name: "Varejo SP" }).check();
    await page.getByRole("button", { name: "Criar contato" }).click();
    await page.waitForLoadState("load");

    await expectVisible(page.getByText("CPF inválido: confira os dígitos."));
    expect(await page.getByLabel("Nome").inputValue()).toBe("Marina Sem Script");
    expect(await page.getByLabel("CPF / CNPJ").inputValue()).toBe("123.456.789-00");
    expect(await page.getByLabel("Código do Cliente").inputValue()).toBe("SEM-SCRIPT-1");
    expect(await page.getByRole("radio", { name: "Alta" }).isChecked()).toBe(true);
    expect(await page.getByRole("checkbox", { name: "Varejo SP" }).isChecked()).toBe(true);
    await context.close();
  });
});
