import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ReceivedMail } from "@/lib/messages/testing/smtp-server";
import { baseUrl, createApiKeyAsAdmin, expectVisible, launchBrowser, open, signIn } from "./session";

// Integrations as the issue tells it: an admin creates a key that may send messages; Lúcia
// (supervisor) writes an e-mail template with @ChaveCliente and previews it for a contact of Varejo
// SP, builds a campaign's audience for Varejo SP, sees the pre-flight check and sends: every
// reachable contact gets one message rendered for them, delivered to the SMTP server the app is
// configured with (e2e/global-setup.ts). Then `curl` with the key sends one more, by código.

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

const readMailbox = () =>
  readFileSync(inject("mailbox"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ReceivedMail);

/** The mailbox, read every half second until `found` answers (at most 60 s: delivery is asked for at once, and scheduled every minute). */
async function waitForMail<T>(found: (mails: ReceivedMail[]) => T | null): Promise<T> {
  for (let attempt = 0; attempt < 120; attempt++) {
    const answer = found(readMailbox());
    if (answer) return answer;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The expected e-mails did not reach the SMTP server within 60 s");
}

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

  it("she builds a campaign for Varejo SP with it, sees the pre-flight check and sends: each reachable contact gets one e-mail of their own", async () => {
    const lider = await signedIn("lider@demo.test");
    await open(lider, "/campaigns/new");
    await lider.getByLabel(/^Nome/).fill("Seu código — Varejo SP (e2e)");
    await lider.getByRole("radio", { name: "E-mail" }).check();
    await lider.getByLabel(/^Modelo/).selectOption({ label: templateName });
    await lider.getByRole("checkbox", { name: "Varejo SP" }).check();
    await expectVisible(lider.getByText("Verificação antes do envio"));
    const sentence = lider.getByText(/^Recebem a mensagem [\d.]+ contatos?/);
    await expectVisible(sentence);
    const count = Number(/Recebem a mensagem ([\d.]+) contato/.exec((await sentence.textContent()) ?? "")![1].replace(/\./g, ""));
    expect(count).toBeGreaterThan(0);
    await expectVisible(lider.getByRole("region", { name: "Público" }).getByText(/^Olá \S+, seu código é CLI-\d+\.$/));

    await lider.getByRole("button", { name: "Enviar" }).click();
    const dialog = lider.getByRole("alertdialog");
    await expectVisible(dialog.getByText(`Enviar para ${count.toLocaleString("pt-BR")} ${count === 1 ? "contato" : "contatos"} por E-mail?`));
    await dialog.getByRole("button", { name: "Enviar" }).click();
    await lider.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
    await expectVisible(lider.getByText("Enviada", { exact: true }));
    await lider.close();

    // Each message rendered for its own contact: the subject's first name is the body's, the código the body's own.
    const campaignMail = await waitForMail((mails) => {
      const rendered = mails.filter((m) => /^Seu código, \S+$/.test(m.subject));
      return rendered.length >= count ? rendered : null;
    });
    expect(campaignMail).toHaveLength(count);
    expect(new Set(campaignMail.map((m) => m.envelopeTo.join())).size).toBe(count);
    for (const mail of campaignMail) {
      const firstName = mail.subject.slice("Seu código, ".length);
      expect(mail.text).toMatch(new RegExp(`^Olá ${firstName}, seu código é CLI-\\d+\\.\\s*$`));
    }
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

    // The campaign may have written to this customer already: this is one more.
    const toCustomer = (mails: ReceivedMail[]) => mails.filter((m) => m.envelopeTo.includes(customer.emails[0]) && m.subject === `Seu código, ${firstName}`);
    const before = toCustomer(readMailbox()).length;
    const mail = (await waitForMail((mails) => (toCustomer(mails).length > before ? toCustomer(mails) : null))).at(-1);
    expect(mail).toMatchObject({ from: "Carteira <no-reply@carteira.test>", text: expect.stringContaining(`seu código é ${customer.customerCode}.`) });
    const status = curl("GET", `/messages/${sent.json.id}`);
    expect(status.json).toMatchObject({ status: "sent", attempts: 1, error: null });
  });
});
