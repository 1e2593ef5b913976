import { describe, expect, it, vi } from "vitest";
import { smtpFailure, smtpSettings } from "./email";

describe("smtpSettings", () => {
  const from = "Carteira <no-reply@example.com>";

  it("needs both the URL and the sender", () => {
    expect(smtpSettings({ SMTP_URL: "smtp://u:p@smtp.example.com:587", SMTP_FROM: from })).toEqual({ url: "smtp://u:p@smtp.example.com:587", from });
    expect(smtpSettings({ SMTP_URL: "smtps://smtp.example.com", SMTP_FROM: ` ${from} ` })).toEqual({ url: "smtps://smtp.example.com", from });
    expect(smtpSettings({ SMTP_FROM: from })).toBeNull();
    expect(smtpSettings({ SMTP_URL: "smtp://smtp.example.com", SMTP_FROM: " " })).toBeNull();
  });

  it("refuses what is not an SMTP URL", () => {
    expect(smtpSettings({ SMTP_URL: "https://smtp.example.com", SMTP_FROM: from })).toBeNull();
    expect(smtpSettings({ SMTP_URL: "smtp.example.com:587", SMTP_FROM: from })).toBeNull();
    expect(smtpSettings({ SMTP_URL: "não é uma URL", SMTP_FROM: from })).toBeNull();
  });
});

describe("smtpFailure", () => {
  it("5xx is final, 4xx is worth another attempt, in the server's words", () => {
    expect(smtpFailure({ code: "EENVELOPE", responseCode: 550, response: "550 5.1.1 User unknown" })).toEqual({
      ok: false,
      error: "O servidor de e-mail respondeu: 550 5.1.1 User unknown",
      permanent: true,
    });
    expect(smtpFailure({ code: "EMESSAGE", responseCode: 452, response: "452 4.2.2 Mailbox full" })).toEqual({
      ok: false,
      error: "O servidor de e-mail respondeu: 452 4.2.2 Mailbox full",
      permanent: false,
    });
  });

  it("a refused login is retried: it is the configuration, not the message", () => {
    expect(smtpFailure({ code: "EAUTH", responseCode: 535, response: "535 5.7.8 Authentication failed" })).toEqual({
      ok: false,
      error: "O servidor de e-mail recusou o login: 535 5.7.8 Authentication failed",
      permanent: false,
    });
  });

  it("a server out of reach is retried; an address that fits no envelope is not", () => {
    expect(smtpFailure({ code: "ECONNECTION" })).toEqual({ ok: false, error: "Servidor de e-mail indisponível (ECONNECTION).", permanent: false });
    expect(smtpFailure({ code: "ETIMEDOUT" })).toMatchObject({ permanent: false });
    expect(smtpFailure({ code: "EENVELOPE" })).toEqual({ ok: false, error: "Endereço de e-mail inválido.", permanent: true });
  });

  it("anything else is retried, and logged without the error's own text (it may hold the address)", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(smtpFailure(new Error("cliente@example.com: something odd"))).toEqual({ ok: false, error: "Erro inesperado ao enviar o e-mail.", permanent: false });
    expect(log).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(log.mock.calls[0])).not.toContain("cliente@example.com");
    log.mockRestore();
  });
});
