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
