import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, expectVisible, launchBrowser, open, signIn } from "./session";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Another browser holding a copy of this one's cookies, as someone who copied them would. */
async function copyOf(context: BrowserContext) {
  const copy = await browser.newContext();
  await copy.addCookies(await context.cookies());
  return copy;
}

async function landsOn(context: BrowserContext, path: string) {
  const page = await context.newPage();
  await page.goto(baseUrl() + path);
  const landed = new URL(page.url()).pathname;
  await page.close();
  return landed;
}

describe("sessions end for every copy of the cookie", () => {
  it("after “Sair” a copied cookie no longer opens pages or exports", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, "lider@demo.test");
    await page.waitForURL("**/contacts");
    const copy = await copyOf(context);
    expect(await landsOn(copy, "/contacts")).toBe("/contacts");
    expect((await copy.request.get(baseUrl() + "/contacts/export")).status()).toBe(200);

    await page.getByRole("button", { name: "Sair" }).click();
    await page.waitForURL("**/login");

    expect(await landsOn(copy, "/contacts")).toBe("/login");
    expect((await copy.request.get(baseUrl() + "/contacts/export")).status()).toBe(401);
    await copy.close();
    await context.close();
  });

  it("“Sair de todos os dispositivos” on the account page ends the session of another browser", async () => {
    const [first, second] = [await browser.newContext(), await browser.newContext()];
    for (const context of [first, second]) {
      const page = await context.newPage();
      await signIn(page, "bruno@demo.test");
      await page.waitForURL("**/contacts");
    }
    const page = await first.newPage();
    await open(page, "/account/password");
    await page.getByRole("button", { name: "Sair de todos os dispositivos" }).click();
    await page.waitForURL("**/login");

    expect(await landsOn(second, "/contacts")).toBe("/login");
    await first.close();
    await second.close();
  });

  it("the session endpoint tells the browser no ids", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, "ana@demo.test");
    await page.waitForURL("**/contacts");
    const body = await (await context.request.get(baseUrl() + "/api/auth/session")).text();
    expect(body).toContain("expires");
    expect(body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    await context.close();
  });
});

describe("a user given an initial password", () => {
  it("can do nothing but change it, then signs in with the new one", async () => {
    const admin = await browser.newPage();
    await signIn(admin, "admin@demo.test");
    await admin.waitForURL("**/contacts");
    await open(admin, "/users");
    await admin.getByLabel("Nome").fill("Otto Inicial");
    await admin.getByLabel("E-mail").fill("otto@demo.test");
    await admin.getByLabel("Papel").selectOption("supervisor");
    await admin.getByLabel(/Com uma senha inicial/).check();
    await admin.getByLabel(/^Senha inicial/).fill("Senha-inicial-1");
    await admin.getByRole("button", { name: "Criar usuário" }).click();
    await expectVisible(admin.getByRole("cell", { name: "otto@demo.test" }));
    await admin.close();

    const context = await browser.newContext();
    const otto = await context.newPage();
    await signIn(otto, "otto@demo.test", "Senha-inicial-1");
    await otto.waitForURL("**/account/password");
    await expectVisible(otto.getByRole("heading", { name: "Escolha a sua senha" }));
    expect((await context.request.get(baseUrl() + "/contacts/export")).status()).toBe(401);

    await otto.waitForLoadState("networkidle");
    await otto.getByLabel(/^Senha atual/).fill("Senha-inicial-1");
    await otto.getByLabel(/^Nova senha/).fill("Otto-senha-forte-2");
    await otto.getByLabel(/^Repita a nova senha/).fill("Otto-senha-forte-2");
    await otto.getByRole("button", { name: "Salvar nova senha" }).click();
    await otto.waitForURL("**/login?toast=password");
    await expectVisible(otto.getByText("Senha alterada."));

    await signIn(otto, "otto@demo.test", "Otto-senha-forte-2");
    await otto.waitForURL("**/contacts");
    expect((await context.request.get(baseUrl() + "/contacts/export")).status()).toBe(200);
    await context.close();
  });
});
