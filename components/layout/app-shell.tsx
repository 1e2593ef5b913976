import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";
import type { Capabilities } from "@/lib/auth/permissions";
import { roleLabels, type Role } from "@/lib/auth/roles";
import { NavLink } from "./nav-link";
import { Sidebar } from "./sidebar";

export type AppShellProps = {
  user: { name: string; email: string; role: Role };
  /** What the viewer may do (lib/auth/permissions.ts): the navigation links what they may open. */
  capabilities: Capabilities;
  signOutAction: () => Promise<void>;
  children: ReactNode;
};


const administration = [
  { href: "/segments", label: "Segmentos", capability: "segments.manage" },
  { href: "/users", label: "Usuários", capability: "users.manage" },
  { href: "/audit", label: "Auditoria", capability: "audit.view" },
  { href: "/settings/api-keys", label: "Chaves de API", capability: "apiKeys.manage" },
  { href: "/settings/live", label: "Configurações do Live", capability: "live.configure" },
] as const;

export function AppShell({ user, capabilities, signOutAction, children }: AppShellProps) {
  const adminLinks = administration.filter((link) => capabilities[link.capability]);
  return (
    <div className="min-h-screen bg-slate-50 md:flex">
      <a
        href="#conteudo"
        className="sr-only z-50 rounded-md bg-white px-4 py-2 text-sm font-medium text-indigo-700 shadow focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:outline-2 focus:outline-indigo-600"
      >
        Pular para o conteúdo
      </a>

      <Sidebar>
        <nav aria-label="Principal">
          <p id="nav-engajar" className="px-3 pb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase">
            Engajar
          </p>
          <ul aria-labelledby="nav-engajar" className="flex flex-col gap-1">
            <li>
              <NavLink href="/contacts">Contatos</NavLink>
            </li>
            {(capabilities["live.attend"] || capabilities["live.supervise"]) && (
              <li>
                <NavLink href="/live">Live</NavLink>
              </li>
            )}
            {capabilities["dashboard.view"] && (
              <li>
                <NavLink href="/dashboard">Painel</NavLink>
              </li>
            )}
            {capabilities["reports.attendances"] && (
              <li>
                <NavLink href="/reports/attendances">Relatórios</NavLink>
              </li>
            )}
            {capabilities["templates.manage"] && (
              <li>
                <NavLink href="/templates">Modelos</NavLink>
              </li>
            )}
            {capabilities["campaigns.send"] && (
              <li>
                <NavLink href="/campaigns">Campanhas</NavLink>
              </li>
            )}
          </ul>
          {adminLinks.length > 0 && (
            <>
              <p id="nav-admin" className="px-3 pt-4 pb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase">
                Administração
              </p>
              <ul aria-labelledby="nav-admin" className="flex flex-col gap-1">
                {adminLinks.map((link) => (
                  <li key={link.href}>
                    <NavLink href={link.href}>{link.label}</NavLink>
                  </li>
                ))}
              </ul>
            </>
          )}
        </nav>

        <div className="flex flex-col gap-2 border-t border-slate-200 pt-4 md:mt-auto">
          <div className="min-w-0 px-3 text-sm">
            <p className="truncate font-medium text-slate-900">{user.name}</p>
            <p className="truncate text-slate-500">{user.email}</p>
            <p className="text-xs text-slate-500">{roleLabels[user.role]}</p>
          </div>
          <Link href="/account/password" className={buttonClasses("ghost", "w-full justify-start")}>
            Alterar senha
          </Link>
          <form action={signOutAction}>
            <button type="submit" className={buttonClasses("ghost", "w-full justify-start")}>
              Sair
            </button>
          </form>
        </div>
      </Sidebar>

      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-end gap-2 border-b border-slate-200 bg-white px-4 py-3 md:px-8">
          {capabilities["contacts.import"] && (
            <Link href="/contacts/import" className={buttonClasses("secondary")}>
              Importar
            </Link>
          )}
          {capabilities["contacts.create"] && (
            <Link href="/contacts/new" className={buttonClasses("primary")}>
              + Criar contato
            </Link>
          )}
        </header>
        <main id="conteudo" tabIndex={-1} className="flex-1 px-4 py-6 focus:outline-none md:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
