import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectVisible, launchBrowser, open, signIn } from "./session";

// Lúcia (supervisor of Varejo SP) builds a WhatsApp campaign with the demo's "Boas-vindas" for her
// segment, sees its audience counted and previewed with the CSV link, confirms the count, and
// follows the send until it is "Enviada" (the app server works the job engine's queues).

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

describe("campaigns", () => {
  it("describes the audience as it is chosen, confirms the count, and sends", async () => {
    await page.getByRole("navigation", { name: "Principal" }).getByRole("link", { name: "Campanhas" }).click();
    await page.waitForURL("**/campaigns");
    await page.getByRole("link", { name: "Nova campanha" }).first().click();
    await page.waitForURL("**/campaigns/new");
    await page.waitForLoadState("networkidle");
    await page.getByLabel(/^Nome/).fill("Boas-vindas de julho (e2e)");
    await page.getByLabel(/^Modelo/).selectOption({ label: "Boas-vindas" });
    await page.getByRole("checkbox", { name: "Varejo SP" }).check();
    await expectVisible(page.getByText("Correspondem"));
    const sentence = page.getByText(/^Recebem a mensagem [\d.]+ contatos?/);
    await expectVisible(sentence);
    const count = /Recebem a mensagem ([\d.]+) contato/.exec((await sentence.textContent()) ?? "")![1];
    await expectVisible(page.getByRole("region", { name: "Público" }).getByText(/^Olá .+! Seu código de cliente é CLI-/));
    expect(await page.getByRole("link", { name: "Baixar público (CSV)" }).getAttribute("href")).toMatch(/^\/campaigns\/audience\?channel=whatsapp&/);

    await page.getByRole("button", { name: "Enviar" }).click();
    const dialog = page.getByRole("alertdialog");
    await expectVisible(dialog.getByText(`Enviar para ${count} contatos por WhatsApp?`));
    await dialog.getByRole("button", { name: "Enviar" }).click();
    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
    await expectVisible(page.getByText("Enviada", { exact: true }));
    await expectVisible(page.getByText(`${count} de ${count}`).first());

    await open(page, "/campaigns");
    await expectVisible(page.getByRole("link", { name: "Boas-vindas de julho (e2e)" }));
  });
});
