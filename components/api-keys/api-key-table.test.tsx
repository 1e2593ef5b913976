// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { ApiKeyOverview } from "@/lib/api-keys/keys";
import { ApiKeyTable } from "./api-key-table";

afterEach(cleanup);

const now = new Date("2026-11-26T12:00:00Z");
const live: ApiKeyOverview = {
  id: "k1",
  name: "ERP",
  prefix: "crt_AbCdEfGh",
  scopes: ["contacts:read", "messages:send"],
  segmentNames: [],
  requestsPerMinute: 600,
  createdByName: "Ana Souza",
  createdAt: new Date("2026-11-20T13:00:00Z"),
  lastUsedAt: new Date("2026-11-26T09:00:00Z"),
  revokedAt: null,
};
const revoked: ApiKeyOverview = {
  ...live,
  id: "k2",
  name: "Chatbot antigo",
  prefix: "crt_ZyXwVuTs",
  scopes: ["attendances:write"],
  segmentNames: ["Corporativo", "Varejo SP"],
  requestsPerMinute: 1200,
  lastUsedAt: null,
  revokedAt: new Date("2026-11-25T12:00:00Z"),
};

const rowOf = (name: string) => screen.getByRole("cell", { name }).closest("tr")!;

describe("ApiKeyTable", () => {
  test("shows each key by its prefix, its permissions, who made it and when, its last use and its state", () => {
    render(<ApiKeyTable apiKeys={[live, revoked]} revoke={vi.fn()} now={now} />);
    const first = within(rowOf("ERP"));
    expect(first.getByText("crt_AbCdEfGh…")).toBeDefined();
    expect(first.getByText("Ler contatos")).toBeDefined();
    expect(first.getByText("Enviar mensagens")).toBeDefined();
    expect(rowOf("ERP").textContent).toContain("20/11/2026 por Ana Souza");
    expect(first.getByText("há 3 horas").getAttribute("title")).toBe("26/11/2026 às 06:00");
    expect(first.getByText("Ativa")).toBeDefined();
    expect(first.getByText("Toda a organização")).toBeDefined();
    expect(first.getByText("até 600 req./min")).toBeDefined();

    const second = within(rowOf("Chatbot antigo"));
    expect(second.getByText("crt_ZyXwVuTs…")).toBeDefined();
    expect(second.getByText("Registrar atendimentos (Live)")).toBeDefined();
    expect(second.getByText("nunca usada")).toBeDefined();
    expect(second.getByText("Revogada")).toBeDefined();
    expect(rowOf("Chatbot antigo").textContent).toContain("Corporativo, Varejo SP");
    expect(second.getByText("até 1.200 req./min")).toBeDefined();
  });

  test("offers Revogar for live keys only", () => {
    render(<ApiKeyTable apiKeys={[live, revoked]} revoke={vi.fn()} now={now} />);
    expect(within(rowOf("ERP")).getByRole("button", { name: "Revogar ERP" })).toBeDefined();
    expect(within(rowOf("Chatbot antigo")).queryByRole("button")).toBeNull();
  });

  test("Revogar asks first, naming the key, and revokes it by its id", async () => {
    const user = userEvent.setup();
    const revoke = vi.fn(async (_id: string) => ({ ok: true as const }));
    render(<ApiKeyTable apiKeys={[live]} revoke={revoke} now={now} />);
    await user.click(screen.getByRole("button", { name: "Revogar ERP" }));
    const dialog = screen.getByRole("alertdialog", { name: "Revogar ERP" });
    expect(dialog.textContent).toContain("Revogar a chave ERP (crt_AbCdEfGh…)?");
    expect(document.activeElement?.textContent).toBe("Cancelar");
    expect(revoke).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole("button", { name: "Revogar chave" }));
    expect(revoke).toHaveBeenCalledWith("k1");
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
  });

  test("a refused revocation stays in the dialog", async () => {
    const user = userEvent.setup();
    const revoke = vi.fn(async () => ({ ok: false as const, code: "not_found" as const, message: "Chave de API não encontrada.", fieldErrors: {} }));
    render(<ApiKeyTable apiKeys={[live]} revoke={revoke} now={now} />);
    await user.click(screen.getByRole("button", { name: "Revogar ERP" }));
    await user.click(screen.getByRole("button", { name: "Revogar chave" }));
    expect(within(screen.getByRole("alertdialog")).getByRole("alert").textContent).toBe("Chave de API não encontrada.");
  });
});
