import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, test } from "vitest";
import { ContactConsentList } from "./contact-consent";

afterEach(cleanup);

describe("ContactConsentList", () => {
  test("each channel with its answer and how it was recorded; a channel without one is Não informado", () => {
    render(
      <ContactConsentList
        consent={{
          whatsapp: { status: "granted", at: "2026-03-12T17:05:00.000Z", source: "form", by: "Ana Souza" },
          email: { status: "denied", at: "2026-03-13T12:00:00.000Z", source: "api", by: "Integração ERP" },
        }}
      />,
    );
    const items = [...document.querySelectorAll("dl > div")].map((item) => [item.querySelector("dt")?.textContent, item.querySelector("dd")?.textContent]);
    expect(items).toEqual([
      ["WhatsApp", "AceitaRegistrado em 12/03/2026 às 14:05 por Ana Souza, pelo formulário"],
      ["SMS", "Não informado"],
      ["E-mail", "Não aceitaRegistrado em 13/03/2026 às 09:00 por Integração ERP, pela API"],
    ]);
    // Green for aceita, red for não aceita, grey for não informado.
    expect(screen.getByText("Aceita").className).toContain("bg-green-50");
    expect(screen.getByText("Não aceita").className).toContain("bg-red-50");
    expect(screen.getByText("Não informado").className).toContain("bg-slate-100");
  });
});
