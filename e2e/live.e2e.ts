import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDocument, generateCpf } from "@/lib/documents/document";
import { baseUrl, createApiKeyAsAdmin, expectVisible, launchBrowser, open, signIn } from "./session";

// Live as the issue tells it: an integration sends three customers (Baixa, then Média, then Alta)
// into Ana's queue; Ana takes the next one and gets the Alta. An unknown WhatsApp number arrives;
// Lúcia (supervisor) hands it to Ana, who creates its contact with priority Alta from the
// attendance. Bruno never sees Varejo SP's queue; Lúcia's report shows the attendances.
// The customers are the demo's (db/seed.ts), in Varejo SP only, which no other end-to-end test
// writes: CLI-000017 Luciano de Oliveira (Baixa), CLI-000008 Juliana Azevedo (Média), CLI-000007
// Amanda da Costa Monteiro (Alta). Nobody waiting in the seed's Varejo SP and "Sem segmento"
// queues is Alta.

let browser: Browser;
let apiKey = "";

beforeAll(async () => {
  browser = await launchBrowser();
  // An admin creates the integration's key, shown once.
  apiKey = await createApiKeyAsAdmin(browser, "Gateway WhatsApp (e2e)", ["Registrar atendimentos (Live)"]);
});
afterAll(async () => {
  await browser?.close();
});

async function arrive(body: Record<string, string>) {
  const response = await fetch(`${baseUrl()}/api/v1/attendances`, {
    method: "POST",
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
    body: JSON.stringify({ channel: "whatsapp", ...body }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; contactId: string | null };
}

async function signedIn(email: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await signIn(page, email);
  await page.waitForURL("**/contacts");
  return page;
}

describe("Live", () => {
  const unknownNumber = "+55 11 97777-0013";
  let unknownId = "";

  it("three customers arrive, Baixa first; Ana takes the next and gets the Alta", async () => {
    await arrive({ customerCode: "CLI-000017", address: "+5511985790046", message: "Boa tarde, preciso da segunda via." });
    await arrive({ customerCode: "CLI-000008", address: "+5511961005816", message: "Oi, meu pedido atrasou." });
    const alta = await arrive({ customerCode: "CLI-000007", address: "+5511961322048", message: "Quero negociar minha fatura." });
    expect(alta.contactId).not.toBeNull();

    const ana = await signedIn("ana@demo.test");
    await open(ana, "/live");
    const queue = ana.getByRole("list", { name: "Fila Varejo SP, em ordem de atendimento" });
    const first = queue.getByRole("listitem").first();
    await expectVisible(first.getByText("Amanda da Costa Monteiro"));
    expect(await first.textContent()).toMatch(/Alta · aguardando/);

    await ana.getByRole("button", { name: "Atender próximo" }).click();
    await ana.waitForURL(`**/live/${alta.id}`);
    await expectVisible(ana.getByRole("heading", { level: 1, name: "Amanda da Costa Monteiro" }));
    await expectVisible(ana.getByText("Quero negociar minha fatura."));
    await ana.close();
  });

  it("an unknown number arrives; Lúcia hands it to Ana, who creates its contact with priority Alta from the attendance", async () => {
    ({ id: unknownId } = await arrive({ address: unknownNumber, message: "Olá! Ainda não sou cliente." }));

    const lider = await signedIn("lider@demo.test");
    await open(lider, `/live/${unknownId}`);
    await lider.getByRole("button", { name: "Transferir" }).click();
    const dialog = lider.getByRole("dialog", { name: "Transferir atendimento" });
    await dialog.getByLabel(/Transferir para/).selectOption({ label: "Ana Souza" });
    await dialog.getByRole("button", { name: "Transferir" }).click();
    await lider.waitForURL("**/live?toast=transferred");
    await lider.close();

    const ana = await signedIn("ana@demo.test");
    await open(ana, `/live/${unknownId}`);
    await expectVisible(ana.getByText("Cliente sem cadastro"));
    await ana.getByRole("button", { name: "Criar contato" }).click();
    const panel = ana.getByRole("dialog", { name: "Criar contato" });
    expect(await panel.locator('input[name="phones"]').first().inputValue()).toBe("(11) 97777-0013");
    await panel.getByLabel("Nome").fill("Rafaela Nunes Prado");
    await panel.getByLabel("CPF / CNPJ").fill(formatDocument(generateCpf(), "cpf"));
    await panel.getByLabel("Código do Cliente").fill(`LIVE-E2E-${Date.now()}`);
    await panel.getByRole("radio", { name: "Alta" }).check();
    await panel.getByRole("checkbox", { name: "Varejo SP" }).check();
    await panel.getByRole("button", { name: "Criar contato" }).click();
    await ana.waitForURL(`**/live/${unknownId}?toast=contact-created`);
    const card = ana.getByRole("region", { name: "Contato" });
    await expectVisible(card.getByRole("link", { name: "Rafaela Nunes Prado" }));
    await expectVisible(card.getByText("Alta"));
    await ana.close();
  });

  it("Bruno never sees Varejo SP's queue", async () => {
    const bruno = await signedIn("bruno@demo.test");
    await open(bruno, "/live");
    const queues = await bruno.getByRole("heading", { level: 3 }).allTextContents();
    expect(queues).toEqual(["Corporativo", "Sem segmento"]);
    await bruno.close();
  });

  it("Lúcia's report counts the attendances and lists the ones behind a number", async () => {
    const lider = await signedIn("lider@demo.test");
    await open(lider, "/reports/attendances?channel=whatsapp");
    await open(lider, "/reports/attendances/list?channel=whatsapp");
    await expectVisible(lider.getByText("Amanda da Costa Monteiro"));
    await expectVisible(lider.getByText("Rafaela Nunes Prado"));
    await lider.close();
  });
});
