import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, expectVisible, launchBrowser, open, signIn } from "./session";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("an admin sets up a new carteira", () => {
  it("creates Cobrança, invites an operator, adds them, moves 20 contacts in; the operator sees exactly those 20", async () => {
    const admin = await browser.newPage();
    await signIn(admin, "admin@demo.test");
    await admin.waitForURL("**/contacts");

    // The segment.
    await open(admin, "/segments");
    await admin.getByLabel("Nome").fill("Cobrança");
    await admin.getByLabel("Descrição").fill("Parcelas em atraso");
    await admin.getByRole("button", { name: "Criar segmento" }).click();
    await admin.waitForURL(/\/segments\/[0-9a-f-]{36}/);
    const segmentUrl = admin.url().split("?")[0];

    // The invite.
    await open(admin, "/users");
    await admin.getByLabel("Nome").fill("Nina Cobrança");
    await admin.getByLabel("E-mail").fill("nina@demo.test");
    await admin.getByLabel("Papel").selectOption("operator");
    await admin.getByRole("button", { name: "Criar usuário" }).click();
    const inviteUrl = await admin.getByLabel("Link do convite").inputValue();
    expect(inviteUrl).toMatch(/\/invite\/[\w-]{20,}$/);

    // Nina joins Cobrança.
    await admin.goto(segmentUrl);
    await admin.waitForLoadState("networkidle");
    await admin.getByLabel("Adicionar membro").selectOption({ label: "Nina Cobrança (Operador(a))" });
    await admin.getByRole("button", { name: "Adicionar", exact: true }).click();
    await expectVisible(admin.getByText("nina@demo.test"));

    // 20 contacts move in, in bulk.
    await open(admin, "/contacts");
    const rows = admin.locator("tbody tr");
    const codes: string[] = [];
    for (let i = 0; i < 20; i++) {
      const row = rows.nth(i);
      await row.getByRole("checkbox").check();
      codes.push(((await row.locator("td:nth-child(4)").textContent()) ?? "").trim());
    }
    await admin.getByRole("region", { name: "Seleção" }).getByRole("button", { name: /Ações em massa/ }).click();
    await admin.getByRole("menuitem", { name: "Adicionar aos segmentos" }).click();
    const dialog = admin.getByRole("dialog");
    await dialog.getByRole("checkbox", { name: "Cobrança" }).check();
    await dialog.getByRole("button", { name: "Revisar…" }).click();
    await expectVisible(dialog.getByText("20 contatos escolhidos"));
    await dialog.getByRole("button", { name: /^Confirmar/ }).click();
    await expectVisible(dialog.getByText("Pronto."));
    await dialog.getByRole("button", { name: "Fechar" }).click();

    // The filters offer the new segment too: their options are read when the drawer opens.
    await admin.getByRole("button", { name: "Filtros", exact: true }).click();
    const filters = admin.getByRole("dialog", { name: "Filtros" });
    await filters.getByRole("combobox", { name: "Segmentos" }).fill("cobr");
    await admin.getByRole("option", { name: "Cobrança", exact: true }).click();
    await admin.keyboard.press("Escape");
    await filters.getByRole("button", { name: "Aplicar filtros" }).click();
    await admin.waitForURL((url) => url.searchParams.get("segment") === segmentUrl.split("/").pop());
    await expectVisible(admin.getByRole("list", { name: "Filtros ativos" }).getByText("Segmento: Cobrança"));
    await expectVisible(admin.getByText("20 contatos", { exact: true }));

    // Nina accepts the invite and sees exactly those 20.
    const nina = await (await browser.newContext()).newPage();
    await nina.goto(inviteUrl.replace(/^https?:\/\/[^/]+/, baseUrl()));
    await nina.waitForLoadState("networkidle");
    await expectVisible(nina.getByText("Bem-vindo(a), Nina Cobrança"));
    await nina.getByLabel(/^Nova senha/).fill("nina-senha-forte-1");
    await nina.getByLabel(/^Repita a nova senha/).fill("nina-senha-forte-1");
    await nina.getByRole("button", { name: "Definir senha e continuar" }).click();
    await nina.waitForURL("**/login?toast=invite");
    await signIn(nina, "nina@demo.test", "nina-senha-forte-1");
    await nina.waitForURL("**/contacts");
    await nina.waitForLoadState("networkidle");
    await expectVisible(nina.getByText("20 contatos", { exact: true }));
    const seen = (await nina.locator("tbody tr td:nth-child(4)").allTextContents()).map((c) => c.trim());
    expect(seen.sort()).toEqual([...codes].sort());

    // Archiving Cobrança asks where its 20 contacts go, chooses nothing for the admin, and confirms naming it.
    await admin.goto(segmentUrl);
    await admin.waitForLoadState("networkidle");
    const archive = admin.getByRole("button", { name: "Arquivar segmento" });
    await archive.click();
    await expectVisible(admin.getByText("Escolha o segmento de destino."));
    expect(await admin.getByRole("alertdialog").count()).toBe(0);
    await admin.getByLabel("Apenas remover o vínculo (os contatos continuam existindo)").check();
    await archive.click();
    const confirm = admin.getByRole("alertdialog", { name: "Arquivar Cobrança" });
    await expectVisible(confirm.getByText("Tirar 20 contatos de Cobrança e arquivar o segmento; os contatos continuam existindo."));
    await admin.keyboard.press("Escape");
    await confirm.waitFor({ state: "hidden" });
    expect(await archive.evaluate((button) => button === document.activeElement)).toBe(true);
    await archive.click();
    await confirm.getByRole("button", { name: "Tirar 20 contatos e arquivar" }).click();
    await admin.waitForURL("**/segments?toast=archived");

    // The audit log has it all.
    await open(admin, "/audit");
    for (const action of ["Criou segmento", "Criou usuário", "Adicionou membro ao segmento", "Arquivou segmento"]) {
      await expectVisible(admin.getByRole("cell", { name: action, exact: true }));
    }
  });

  it("a supervisor gets not found at the administration pages", async () => {
    const page = await browser.newPage();
    await signIn(page, "lider@demo.test");
    await page.waitForURL("**/contacts");
    for (const path of ["/segments", "/users", "/audit"]) {
      const response = await page.goto(baseUrl() + path);
      expect(response?.status()).toBe(404);
    }
    await page.close();
  });
});
