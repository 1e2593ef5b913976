// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, test, vi } from "vitest";
import { capabilitiesOf, type Capabilities } from "@/lib/auth/permissions";
import { AppShell, type AppShellProps } from "./app-shell";

const navigation = vi.hoisted(() => ({ pathname: "/contacts" }));
vi.mock("next/navigation", () => ({ usePathname: () => navigation.pathname }));
vi.mock("next/link", () => ({
  default: ({ href, children, ...rest }: { href: string; children: React.ReactNode }) => (
    <a href={href} {...rest}>
      {children}
    </a>
  ),
}));

afterEach(() => {
  cleanup();
  navigation.pathname = "/contacts";
});

function renderShell(user: Partial<AppShellProps["user"]> = {}, capabilities: Capabilities = capabilitiesOf(user.role ?? "supervisor")) {
  const signOutAction = vi.fn(async () => {});
  render(
    <AppShell user={{ name: "Ana Souza", email: "ana@exemplo.com.br", role: "supervisor", ...user }} capabilities={capabilities} signOutAction={signOutAction}>
      <h1>Contatos</h1>
    </AppShell>,
  );
  return { signOutAction };
}

describe("AppShell", () => {
  test("shows the product, the signed-in user with the role label, and the create link", () => {
    renderShell();
    expect(screen.getByText("Carteira")).toBeDefined();
    expect(screen.getByText("Ana Souza")).toBeDefined();
    expect(screen.getByText("ana@exemplo.com.br")).toBeDefined();
    expect(screen.getByText("Supervisor(a)")).toBeDefined();
    expect(screen.getByRole("link", { name: "+ Criar contato" }).getAttribute("href")).toBe("/contacts/new");
    expect(within(screen.getByRole("main")).getByRole("heading", { name: "Contatos" })).toBeDefined();
  });

  test.each([
    ["operator", "Operador(a)"],
    ["admin", "Administrador(a)"],
  ] as const)("labels the %s role in Portuguese", (role, label) => {
    renderShell({ role });
    expect(screen.getByText(label)).toBeDefined();
  });

  test.each([
    ["operator", []],
    ["supervisor", ["Painel"]],
    ["admin", ["Painel", "Segmentos", "Usuários", "Auditoria"]],
  ] as const)("links for a %s only the sections the permission table opens: %j", (role, sections) => {
    renderShell({ role });
    const nav = screen.getByRole("navigation", { name: "Principal" });
    for (const name of ["Painel", "Segmentos", "Usuários", "Auditoria"]) {
      expect(within(nav).queryByRole("link", { name }) !== null).toBe((sections as readonly string[]).includes(name));
    }
    expect(screen.queryByText("Administração") !== null).toBe(role === "admin");
  });

  test("decides by capability, never by role: each link follows its own", () => {
    renderShell({ role: "operator" }, { ...capabilitiesOf("operator"), "audit.view": true, "contacts.create": false });
    const nav = screen.getByRole("navigation", { name: "Principal" });
    expect(within(nav).getByRole("link", { name: "Auditoria" })).toBeDefined();
    expect(within(nav).queryByRole("link", { name: "Usuários" })).toBeNull();
    expect(screen.queryByRole("link", { name: "+ Criar contato" })).toBeNull();
  });

  test("the skip link targets the main content", () => {
    renderShell();
    const skip = screen.getByRole("link", { name: "Pular para o conteúdo" });
    expect(skip.getAttribute("href")).toBe("#conteudo");
    expect(screen.getByRole("main").id).toBe("conteudo");
  });

  test.each([
    ["/contacts", "page"],
    ["/contacts/123/edit", "page"],
    ["/contacts-archive", null],
    ["/segments", null],
  ])("on %s the Contatos link has aria-current=%s", (pathname, current) => {
    navigation.pathname = pathname;
    renderShell();
    const nav = screen.getByRole("navigation", { name: "Principal" });
    expect(within(nav).getByRole("link", { name: "Contatos" }).getAttribute("aria-current")).toBe(current);
  });

  test("Sair submits the sign-out action", async () => {
    const { signOutAction } = renderShell();
    fireEvent.click(screen.getByRole("button", { name: "Sair" }));
    await waitFor(() => expect(signOutAction).toHaveBeenCalledTimes(1));
  });
});
