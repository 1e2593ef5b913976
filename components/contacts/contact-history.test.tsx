// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, test } from "vitest";
import type { HistoryEntry } from "@/lib/contacts/queries";
import { ContactHistory } from "./contact-history";

afterEach(cleanup);

const at = new Date("2026-11-26T10:48:00Z");
const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({ id: "1", actorName: "Ana Souza", source: "form", action: "update", changes: [], createdAt: at, ...over });
const text = (element: HTMLElement) => element.textContent?.replace(/\s+/g, " ").trim();

describe("ContactHistory", () => {
  test("an update lists each change in words, with the time and how it was made", () => {
    render(
      <ContactHistory
        entries={[entry({ changes: [{ field: "responsible", from: null, to: "Bruno Lima" }, { field: "priority", from: "medium", to: "high" }] })]}
      />,
    );
    expect(screen.getByText("Responsável definido: Bruno Lima")).toBeDefined();
    expect(screen.getByText("Prioridade: de Média para Alta")).toBeDefined();
    expect(text(screen.getByText(/26\/11\/2026/).parentElement!)).toBe("26/11/2026 às 07:48 · pelo formulário");
  });

  test("a reveal says what was seen, and not through which form", () => {
    render(<ContactHistory entries={[entry({ action: "reveal_document" })]} />);
    expect(screen.getByText("visualizou o CPF/CNPJ completo")).toBeDefined();
    expect(text(screen.getByText(/26\/11\/2026/).parentElement!)).toBe("26/11/2026 às 07:48");
  });

  test("work done in bulk and its undo name their source", () => {
    render(<ContactHistory entries={[entry({ id: "1", source: "bulk" }), entry({ id: "2", source: "undo" })]} />);
    expect(screen.getByText(/· em uma ação em massa$/)).toBeDefined();
    expect(screen.getByText(/· ao desfazer uma ação em massa$/)).toBeDefined();
  });

  test("an empty history says so", () => {
    render(<ContactHistory entries={[]} />);
    expect(screen.getByText("Nenhuma alteração registrada.")).toBeDefined();
  });
});
