import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { logFailure } from "@/lib/actions/log-failure";
import { textToHtml } from "../html";
import { SENDS_AT_ONCE, type MessageProvider, type OutgoingMessage, type SendResult } from "./provider";

// E-mail over SMTP (nodemailer). Settings come from the environment, read at every send, so a test
// points SMTP_URL at its own server; unset, e-mail is not connected and its messages stay queued.

export type SmtpSettings = { url: string; from: string };

/** SMTP_URL (`smtp://user:pass@host:587`, `smtps://…:465`) and SMTP_FROM (`Carteira <no-reply@…>`); null unless both are usable. */
export function smtpSettings(env: Record<string, string | undefined> = process.env): SmtpSettings | null {
  const url = env.SMTP_URL?.trim();
  const from = env.SMTP_FROM?.trim();
  if (!url || !from) return null;
  try {
    if (!["smtp:", "smtps:"].includes(new URL(url).protocol)) return null;
  } catch {
    return null;
  }
  return { url, from };
}

// What the URL does not say (nodemailer reads its query: `?maxConnections=2`, `?tls.rejectUnauthorized=false`):
// a pool of as many connections as delivery sends at once, and timeouts that keep a send far
// inside the lease delivery holds on the message (an idle socket is not waited on for minutes).
const urlDefaults = { pool: "true", maxConnections: String(SENDS_AT_ONCE), connectionTimeout: "10000", greetingTimeout: "10000", socketTimeout: "30000" };

let current: { url: string; transport: Transporter } | null = null;

function transportFor(url: string): Transporter {
  if (current?.url !== url) {
    current?.transport.close();
    const withDefaults = new URL(url);
    for (const [key, value] of Object.entries(urlDefaults)) if (!withDefaults.searchParams.has(key)) withDefaults.searchParams.set(key, value);
    current = { url, transport: nodemailer.createTransport(withDefaults.toString()) };
  }
  return current.transport;
}

/** Closes the pooled connections (tests end their SMTP server; a process exiting needs nothing). */
export function closeEmailTransport() {
  current?.transport.close();
  current = null;
}

export const emailProvider: MessageProvider = {
  channel: "email",
  connected: () => smtpSettings() !== null,
  async send(message: OutgoingMessage): Promise<SendResult> {
    const settings = smtpSettings();
    if (!settings) return { ok: false, error: "Envio de e-mail não configurado (SMTP_URL, SMTP_FROM).", permanent: false };
    try {
      await transportFor(settings.url).sendMail({
        from: settings.from,
        // An object, not a string: a string is parsed as a list, and an address holding a comma would reach two people.
        to: { name: "", address: message.address },
        subject: message.subject ?? "",
        text: message.body,
        html: textToHtml(message.body),
        // The same on every attempt: should a crash make delivery send it twice, mail systems can tell it is one message.
        messageId: `<${message.id}@${domainOf(settings.from)}>`,
      });
      return { ok: true };
    } catch (error) {
      return smtpFailure(error);
    }
  },
};

/** The domain of the sender's address (`Carteira <no-reply@example.com>` → `example.com`). */
function domainOf(from: string) {
  return /@([^@\s<>]+)>?\s*$/.exec(from)?.[1] ?? "carteira.local";
}

type SmtpError = { code?: unknown; responseCode?: unknown; response?: unknown };

/**
 * A refusal in the server's words, and whether it is final. SMTP says so itself: 5xx is permanent
 * (no such mailbox, message refused), 4xx is "try again later". Two exceptions: a refused login
 * (535) is our configuration, not the message, so it is retried while someone fixes SMTP_URL; and an
 * address nodemailer cannot even put in the envelope will not get better.
 */
export function smtpFailure(error: unknown): SendResult & { ok: false } {
  const { code, responseCode, response } = (error ?? {}) as SmtpError;
  const status = typeof responseCode === "number" ? responseCode : null;
  const answer = typeof response === "string" ? response.slice(0, 500) : null;
  if (code === "EAUTH") return { ok: false, error: `O servidor de e-mail recusou o login${answer ? `: ${answer}` : "."}`, permanent: false };
  if (status !== null) return { ok: false, error: `O servidor de e-mail respondeu: ${answer ?? status}`, permanent: status >= 500 };
  if (code === "EENVELOPE") return { ok: false, error: "Endereço de e-mail inválido.", permanent: true };
  if (typeof code === "string") return { ok: false, error: `Servidor de e-mail indisponível (${code}).`, permanent: false };
  // Not an SMTP answer: a fault of ours, logged without its message (it may hold the address).
  logFailure("E-mail send", error);
  return { ok: false, error: "Erro inesperado ao enviar o e-mail.", permanent: false };
}
