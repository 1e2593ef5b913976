// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, test, vi } from "vitest";
import { ContactPanel, type ContactPanelContact } from "./contact-panel";

vi.mock("next/link", () => ({
  default: ({ href, children, ...rest }: { href: string; children: React.ReactNode }) => <a href={href} {...rest}>{children}</a>,
}));

afterEach(cleanup);

const contact: ContactPanelContact = {
  id: "00000000-0000-4000-8000-000000000009",
  name: "Maria Silva",
  customerCode: "CLI-000056",
  documentType: "cpf",
  documentMasked: "***.172.783-**",
  priority: "high",
  tags: ["vip", "recorrente"],
  segments: [{ id: "s1", name: "Varejo SP" }, { id: "s2", name: "Varejo RJ" }],
  responsible: { id: "u1", name: "Lúcia Ramos" },
};

const value = (label: string) => screen.getByText(label).nextElementSibling?.textContent;

describe("ContactPanel", () => {
  test("shows the visible contact's card, linked to the contact, with the document masked", () => {
    render(<ContactPanel contact={contact} hidden={false} />);
    const panel = screen.getByRole("region", { name: "Contato" });
    expect(within(panel).getByRole("link", { name: "Maria Silva" }).getAttribute("href")).toBe(`/contacts/${contact.id}`);
    expect(value("Código do Cliente")).toBe("CLI-000056");
    expect(value("CPF")).toBe("***.172.783-**");
    expect(value("Prioridade")).toBe("Alta");
    expect(value("Hashtags")).toBe("#vip#recorrente");
    expect(value("Segmentos")).toBe("Varejo SP, Varejo RJ");
    expect(value("Responsável")).toBe("Lúcia Ramos");
  });

  test("says a contact outside the carteira exists, and nothing about it", () => {
    render(<ContactPanel contact={null} hidden />);
    expect(screen.getByText("Contato fora da sua carteira")).toBeTruthy();
    expect(screen.queryByRole("link")).toBeNull();
    expect(screen.queryByRole("button")).toBeNull();
  });

  test("without a contact, says so, and offers Criar contato only to who may create it here", () => {
    const { rerender } = render(<ContactPanel contact={null} hidden={false} />);
    expect(screen.getByText("Cliente sem cadastro")).toBeTruthy();
    expect(screen.queryByRole("button")).toBeNull();
    rerender(<ContactPanel contact={null} hidden={false} createContactSlot={<button type="button">Criar contato</button>} />);
    expect(screen.getByRole("button", { name: "Criar contato" })).toBeTruthy();
  });
});
