// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
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

function shell(user: Partial<AppShellProps["user"]>, capabilities: Capabilities, signOutAction: () => Promise<void>) {
  return (
    <AppShell user={{ name: "Ana Souza", email: "ana@exemplo.com.br", role: "supervisor", ...user }} capabilities={capabilities} signOutAction={signOutAction}>
      <h1>Contatos</h1>
    </AppShell>
  );
}

function renderShell(user: Partial<AppShellProps["user"]> = {}, capabilities: Capabilities = capabilitiesOf(user.role ?? "supervisor")) {
  const signOutAction = vi.fn(async () => {});
  const view = render(shell(user, capabilities, signOutAction));
  return { signOutAction, rerender: () => view.rerender(shell(user, capabilities, signOutAction)) };
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
    ["operator", ["Live"]],
    ["supervisor", ["Live", "Painel", "Relatórios", "Modelos", "Campanhas"]],
    ["admin", ["Live", "Painel", "Relatórios", "Modelos", "Campanhas", "Segmentos", "Usuários", "Auditoria", "Chaves de API", "Configurações do Live"]],
  ] as const)("links for a %s only the sections the permission table opens: %j", (role, sections) => {
    renderShell({ role });
    const nav = screen.getByRole("navigation", { name: "Principal" });
    for (const name of ["Live", "Painel", "Relatórios", "Modelos", "Campanhas", "Segmentos", "Usuários", "Auditoria", "Chaves de API", "Configurações do Live"]) {
      expect(within(nav).queryByRole("link", { name }) !== null).toBe((sections as readonly string[]).includes(name));
    }
    expect(screen.queryByText("Administração") !== null).toBe(role === "admin");
  });

  test.each([
    ["operator", false],
    ["supervisor", true],
    ["admin", true],
  ] as const)("offers a %s Importar beside the create link: %s", (role, offered) => {
    renderShell({ role });
    const link = screen.queryByRole("link", { name: "Importar" });
    expect(link?.getAttribute("href") ?? null).toBe(offered ? "/contacts/import" : null);
  });

  test("decides by capability, never by role: each link follows its own", () => {
    renderShell({ role: "operator" }, { ...capabilitiesOf("operator"), "audit.view": true, "contacts.create": false, "contacts.import": true });
    const nav = screen.getByRole("navigation", { name: "Principal" });
    expect(within(nav).getByRole("link", { name: "Auditoria" })).toBeDefined();
    expect(within(nav).queryByRole("link", { name: "Chaves de API" })).toBeNull();
    expect(within(nav).queryByRole("link", { name: "Usuários" })).toBeNull();
    expect(screen.queryByRole("link", { name: "+ Criar contato" })).toBeNull();
    expect(screen.getByRole("link", { name: "Importar" })).toBeDefined();
  });

  test("links Chaves de API to /settings/api-keys for whoever manages API keys", () => {
    renderShell({ role: "supervisor" }, { ...capabilitiesOf("supervisor"), "apiKeys.manage": true });
    const nav = screen.getByRole("navigation", { name: "Principal" });
    expect(within(nav).getByRole("link", { name: "Chaves de API" }).getAttribute("href")).toBe("/settings/api-keys");
    expect(screen.getByText("Administração")).toBeDefined();
  });

  test("links Modelos to /templates for whoever manages templates", () => {
    renderShell({ role: "operator" }, { ...capabilitiesOf("operator"), "templates.manage": true });
    const nav = screen.getByRole("navigation", { name: "Principal" });
    expect(within(nav).getByRole("link", { name: "Modelos" }).getAttribute("href")).toBe("/templates");
  });

  test.each([
    ["attend", { "live.attend": true, "live.supervise": false }, true],
    ["supervise", { "live.attend": false, "live.supervise": true }, true],
    ["neither", { "live.attend": false, "live.supervise": false }, false],
  ] as const)("links Live to whoever may %s its queues", (_, live, linked) => {
    renderShell({ role: "operator" }, { ...capabilitiesOf("operator"), ...live });
    const nav = screen.getByRole("navigation", { name: "Principal" });
    expect(within(nav).queryByRole("link", { name: "Live" })?.getAttribute("href") ?? null).toBe(linked ? "/live" : null);
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

  describe("under md, the Menu button", () => {
    // Tailwind's classes do not apply in jsdom: the panel is collapsed while it carries `hidden`
    // (md:flex shows it from md up whatever the state).
    const menu = () => screen.getByRole("button", { name: "Menu" });
    const panel = () => document.getElementById(menu().getAttribute("aria-controls")!)!;
    const collapsed = () => panel().classList.contains("hidden");

    test("controls the panel that holds the navigation, the user, Alterar senha and Sair, closed at first", () => {
      renderShell();
      expect(menu().getAttribute("aria-expanded")).toBe("false");
      expect(collapsed()).toBe(true);
      expect(within(panel()).getByRole("navigation", { name: "Principal" })).toBeDefined();
      expect(within(panel()).getByText("Ana Souza")).toBeDefined();
      expect(within(panel()).getByRole("link", { name: "Alterar senha" })).toBeDefined();
      expect(within(panel()).getByRole("button", { name: "Sair" })).toBeDefined();
      expect(panel().classList.contains("md:flex")).toBe(true);
    });

    test("opens and closes it with the mouse", async () => {
      const user = userEvent.setup();
      renderShell();
      await user.click(menu());
      expect(menu().getAttribute("aria-expanded")).toBe("true");
      expect(collapsed()).toBe(false);
      await user.click(menu());
      expect(menu().getAttribute("aria-expanded")).toBe("false");
      expect(collapsed()).toBe(true);
    });

    test("opens it from the keyboard, and Escape closes it and gives the focus back to the button", async () => {
      const user = userEvent.setup();
      renderShell();
      await user.tab(); // the skip link
      await user.tab();
      expect(document.activeElement).toBe(menu());
      await user.keyboard("{Enter}");
      expect(menu().getAttribute("aria-expanded")).toBe("true");
      await user.tab();
      expect(document.activeElement).toBe(within(panel()).getByRole("link", { name: "Contatos" }));
      await user.keyboard("{Escape}");
      expect(menu().getAttribute("aria-expanded")).toBe("false");
      expect(collapsed()).toBe(true);
      expect(document.activeElement).toBe(menu());
      await user.keyboard(" ");
      expect(menu().getAttribute("aria-expanded")).toBe("true");
    });

    test("closes it when one of its links is followed", async () => {
      const user = userEvent.setup();
      renderShell();
      await user.click(menu());
      await user.click(within(panel()).getByRole("link", { name: "Painel" }));
      expect(menu().getAttribute("aria-expanded")).toBe("false");
    });

    test("closes it when the page changes by other means (back, forward)", async () => {
      const user = userEvent.setup();
      const { rerender } = renderShell();
      await user.click(menu());
      navigation.pathname = "/dashboard";
      act(() => rerender());
      expect(menu().getAttribute("aria-expanded")).toBe("false");
      expect(collapsed()).toBe(true);
    });
  });
});
