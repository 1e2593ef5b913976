import { describe, expect, it } from "vitest";
import { deliveryNote } from "./delivery-note";

describe("deliveryNote", () => {
  it("e-mail: sent when SMTP is configured, queued when it is not", () => {
    expect(deliveryNote("email", true)).toBe("Mensagens por e-mail são enviadas pelo servidor SMTP configurado; cada uma mostra se foi enviada ou por que falhou.");
    expect(deliveryNote("email", false)).toBe("O envio de e-mail não está configurado (SMTP): as mensagens ficam na fila de envio.");
  });

  it("WhatsApp and SMS: not connected yet, their replies wait in the outbox", () => {
    expect(deliveryNote("whatsapp", false)).toBe(
      "O envio por WhatsApp ainda não está conectado: as mensagens ficam na fila de envio. O e-mail é enviado quando o servidor SMTP está configurado.",
    );
    expect(deliveryNote("sms", false)).toBe(
      "O envio por SMS ainda não está conectado: as mensagens ficam na fila de envio. O e-mail é enviado quando o servidor SMTP está configurado.",
    );
  });

  it("a channel whose provider is plugged in says its replies are sent", () => {
    expect(deliveryNote("whatsapp", true)).toBe("Mensagens por WhatsApp são enviadas; cada uma mostra se foi enviada ou por que falhou.");
  });
});
