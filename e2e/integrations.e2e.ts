import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ReceivedMail } from "@/lib/messages/testing/smtp-server";
import { baseUrl, createApiKeyAsAdmin, expectVisible, launchBrowser, open, signIn } from "./session";

// Integrations as the issue tells it: an admin creates a key that may send messages; Lúcia
// (supervisor) writes an e-mail template with @ChaveCliente and previews it for a contact of Varejo
// SP; then `curl` with the key sends it, by código, to a customer of Varejo SP who accepts e-mail,
// and the e-mail reaches the SMTP server the app is configured with (e2e/global-setup.ts).

let browser: Browser;
let apiKey = "";

beforeAll(async () => {
  browser = await launchBrowser();
  apiKey = await createApiKeyAsAdmin(browser, "ERP (e2e)", ["Ler contatos", "Enviar mensagens"]);
});
afterAll(async () => {
  await browser?.close();
});

async function signedIn(email: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await signIn(page, email);
  await page.waitForURL("**/contacts");
  return page;
}

/** The request as an integrator's shell sends it. */
function curl(method: string, path: string, body?: unknown): { status: number; json: Record<string, unknown> } {
  const args = ["-s", "-X", method, "-H", `Authorization: Bearer ${apiKey}`, "-w", "\n%{http_code}", `${baseUrl()}/api/v1${path}`];
  if (body !== undefined) args.push("-H", "Content-Type: application/json", "--data", JSON.stringify(body));
  const output = execFileSync("curl", args, { encoding: "utf8" });
  const cut = output.lastIndexOf("\n");
  return { status: Number(output.slice(cut + 1)), json: JSON.parse(output.slice(0, cut)) };
}

type ApiContact = { customerCode: string; name: string; emails: string[]; segments: { name: string }[]; consent: { email?: { status: string } } };

/** A customer of Varejo SP who accepts e-mail and has one, read through the API itself. */
function emailCustomer(): ApiContact {
  const { json } = curl("GET", "/contacts?limit=500");
  const found = (json.data as ApiContact[]).find(
    (c) => c.segments.some((s) => s.name === "Varejo SP") && c.consent.email?.status === "granted" && c.emails.length > 0,
  );
  if (!found) throw new Error("The demo has no Varejo SP contact who accepts e-mail");
  return found;
}

const templateName = "Seu código (e2e)";

describe("integrations", () => {
  it("a supervisor writes an e-mail template with @ChaveCliente and previews it for a contact of her carteira", async () => {
    const lider = await signedIn("lider@demo.test");
    await open(lider, "/templates/new");
    await lider.getByLabel("Nome").fill(templateName);
    await lider.getByLabel("Canal").selectOption("email");
    await lider.getByRole("textbox", { name: /^Assunto/ }).fill("Seu código, {{contactfirstname}}");
    await lider.getByRole("textbox", { name: /^Mensagem/ }).fill("Olá {{contactfirstname}}, seu código é @ChaveCliente.");
    await lider.getByRole("combobox", { name: "Contato da pré-visualização" }).fill("CLI-000017");
    await lider.getByRole("listbox").getByRole("option", { name: /CLI-000017/ }).click();
    await expectVisible(lider.getByRole("region", { name: "Pré-visualização" }).getByText("Olá Luciano, seu código é CLI-000017."));
    await lider.getByRole("button", { name: "Criar modelo" }).click();
    await lider.waitForURL(/\/templates\/[0-9a-f-]{36}$/);
    await lider.close();
  });

  it("curl sends it by código; the message is rendered, queued, then sent, and reaches the SMTP server", async () => {
    const customer = emailCustomer();
    const lider = await signedIn("lider@demo.test");
    await open(lider, "/templates");
    await lider.getByRole("link", { name: templateName }).click();
    await lider.waitForURL(/\/templates\/[0-9a-f-]{36}$/);
    const templateId = lider.url().split("/").pop()!;
    await lider.close();

    const firstName = customer.name.split(" ")[0];
    const sent = curl("POST", "/messages", { channel: "email", customerCode: customer.customerCode, templateId });
    expect(sent.status).toBe(201);
    expect(sent.json).toMatchObject({
      status: "queued",
      address: customer.emails[0],
      subject: `Seu código, ${firstName}`,
      body: `Olá ${firstName}, seu código é ${customer.customerCode}.`,
    });

    let mail: ReceivedMail | undefined;
    for (let attempt = 0; attempt < 60 && !mail; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const lines = readFileSync(inject("mailbox"), "utf8").split("\n").filter(Boolean);
      mail = lines.map((line) => JSON.parse(line) as ReceivedMail).find((m) => m.envelopeTo.includes(customer.emails[0]) && m.subject === `Seu código, ${firstName}`);
    }
    expect(mail).toMatchObject({ from: "Carteira <no-reply@carteira.test>", text: expect.stringContaining(`seu código é ${customer.customerCode}.`) });
    const status = curl("GET", `/messages/${sent.json.id}`);
    expect(status.json).toMatchObject({ status: "sent", attempts: 1, error: null });
  });
});
