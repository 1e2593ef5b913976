// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, test, vi } from "vitest";
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

function renderShell(user: Partial<AppShellProps["user"]> = {}, sections: AppShellProps["sections"] = { dashboard: true, administration: false }) {
  const signOutAction = vi.fn(async () => {});
  render(
    <AppShell user={{ name: "Ana Souza", email: "ana@exemplo.com.br", role: "supervisor", ...user }} sections={sections} signOutAction={signOutAction}>
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

  test("links only the sections the viewer may open", () => {
    renderShell({ role: "operator" }, { dashboard: false, administration: false });
    const nav = screen.getByRole("navigation", { name: "Principal" });
    expect(within(nav).queryByRole("link", { name: "Painel" })).toBeNull();
    expect(within(nav).queryByRole("link", { name: "Segmentos" })).toBeNull();
    cleanup();
    renderShell({ role: "admin" }, { dashboard: true, administration: true });
    const adminNav = screen.getByRole("navigation", { name: "Principal" });
    for (const name of ["Painel", "Segmentos", "Usuários", "Auditoria"]) expect(within(adminNav).getByRole("link", { name })).toBeDefined();
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
