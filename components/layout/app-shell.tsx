import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";
import type { Capabilities } from "@/lib/auth/permissions";
import { roleLabels, type Role } from "@/lib/auth/roles";
import { NavLink } from "./nav-link";


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

      {/* Under md the sidebar becomes a top bar: product, navigation and user on one wrapping row. */}
      <aside className="flex flex-wrap items-center gap-x-6 gap-y-3 border-b border-slate-200 bg-white px-4 py-3 md:sticky md:top-0 md:h-screen md:w-60 md:shrink-0 md:flex-col md:flex-nowrap md:items-stretch md:border-r md:border-b-0 md:px-3 md:py-5">
        <p className="px-3 text-lg font-semibold tracking-tight text-slate-900">Carteira</p>

        <nav aria-label="Principal" className="md:mt-4">
          <p id="nav-engajar" className="hidden px-3 pb-1 text-xs font-semibold tracking-wide text-slate-400 uppercase md:block">
            Engajar
          </p>
          <ul aria-labelledby="nav-engajar" className="flex gap-1 md:flex-col">
            <li>
              <NavLink href="/contacts">Contatos</NavLink>
            </li>
            {capabilities["dashboard.view"] && (
              <li>
                <NavLink href="/dashboard">Painel</NavLink>
              </li>
            )}
          </ul>
          {adminLinks.length > 0 && (
            <>
              <p id="nav-admin" className="hidden px-3 pt-4 pb-1 text-xs font-semibold tracking-wide text-slate-400 uppercase md:block">
                Administração
              </p>
              <ul aria-labelledby="nav-admin" className="flex gap-1 md:flex-col">
                {adminLinks.map((link) => (
                  <li key={link.href}>
                    <NavLink href={link.href}>{link.label}</NavLink>
                  </li>
                ))}
              </ul>
            </>
          )}
        </nav>

        <div className="ml-auto flex items-center gap-3 md:mt-auto md:ml-0 md:flex-col md:items-stretch md:gap-2 md:border-t md:border-slate-200 md:pt-4">
          <div className="min-w-0 px-3 text-sm">
            <p className="truncate font-medium text-slate-900">{user.name}</p>
            <p className="hidden truncate text-slate-500 sm:block">{user.email}</p>
            <p className="text-xs text-slate-500">{roleLabels[user.role]}</p>
          </div>
          <Link href="/account/password" className={buttonClasses("ghost", "w-full md:justify-start")}>
            Alterar senha
          </Link>
          <form action={signOutAction}>
            <button type="submit" className={buttonClasses("ghost", "w-full md:justify-start")}>
              Sair
            </button>
          </form>
        </div>
      </aside>

      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-end border-b border-slate-200 bg-white px-4 py-3 md:px-8">
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
