import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { expect, inject } from "vitest";
import { chromiumArgs, findChromium } from "./browser";

export const baseUrl = () => inject("baseUrl");

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium()!, args: chromiumArgs });
}

/** Waits for hydration (networkidle) before typing, or React would drop the input. */
export async function open(page: Page, path: string) {
  await page.goto(baseUrl() + path);
  await page.waitForLoadState("networkidle");
}

export async function signIn(page: Page, email: string, password = "carteira123") {
  await open(page, "/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Senha").fill(password);
  await page.getByRole("button", { name: "Entrar" }).click();
}

/** playwright-core has no auto-waiting expect: wait for the element, then assert it. */
export async function expectVisible(locator: Locator) {
  await locator.first().waitFor({ state: "visible", timeout: 15_000 });
  expect(await locator.first().isVisible()).toBe(true);
}

/** An admin creates an API key with these permissions (their labels) on /settings/api-keys: the key, shown once. */
export async function createApiKeyAsAdmin(browser: Browser, name: string, scopes: string[]): Promise<string> {
  const admin = await browser.newPage();
  await signIn(admin, "admin@demo.test");
  await admin.waitForURL("**/contacts");
  await open(admin, "/settings/api-keys");
  await admin.getByLabel("Nome").fill(name);
  for (const scope of scopes) await admin.getByRole("checkbox", { name: scope }).check();
  await admin.getByRole("button", { name: "Criar chave" }).click();
  const field = admin.getByLabel("Chave de API");
  await field.waitFor({ state: "visible", timeout: 15_000 });
  const key = await field.inputValue();
  await admin.getByRole("button", { name: "Já guardei a chave" }).click();
  await admin.close();
  return key;
}
