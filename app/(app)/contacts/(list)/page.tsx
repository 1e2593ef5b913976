import type { Metadata } from "next";
import Link from "next/link";
import { ContactSearch } from "@/components/contacts/contact-search";
import { ContactTable } from "@/components/contacts/contact-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Toast } from "@/components/ui/toast";
import { buttonClasses } from "@/components/ui/button";
import { requireViewer } from "@/lib/auth/session";
import { findContacts } from "@/lib/contacts/queries";

// In its own route group so that its loading state does not wrap the contact pages: a streamed
// page cannot answer 404 any more, and an invisible contact must be a real 404.

export const metadata: Metadata = { title: "Contatos" };

type SearchParams = Promise<{ q?: string; after?: string; before?: string; toast?: string }>;

export default async function ContactsPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer();
  const { q = "", after, before, toast } = await searchParams;
  const page = await findContacts(viewer, { q, after, before, limit: 25 });
  const pageHref = (cursor: Record<string, string>) => `/contacts?${new URLSearchParams({ ...(q ? { q } : {}), ...cursor })}`;

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Contatos</h1>
        <p className="mt-1 text-sm text-slate-600">
          {viewer.role === "admin" ? "Todos os contatos da organização." : "Os contatos da sua carteira."}
        </p>
      </header>

      <ContactSearch defaultValue={q} />

      {page.items.length === 0 ? (
        q ? (
          <EmptyState title={`Nenhum contato encontrado para “${q}”.`} description="Busque pelo código do cliente, CPF/CNPJ ou parte do nome." />
        ) : (
          <EmptyState
            title="Nenhum contato na sua carteira ainda."
            action={<Link href="/contacts/new" className={buttonClasses("primary")}>+ Criar contato</Link>}
          />
        )
      ) : (
        <ContactTable items={page.items} />
      )}

      {(page.previousCursor || page.nextCursor) && (
        <nav aria-label="Paginação" className="flex justify-between">
          {page.previousCursor ? (
            <Link href={pageHref({ before: page.previousCursor })} className={buttonClasses("secondary")}>← Anteriores</Link>
          ) : <span />}
          {page.nextCursor && (
            <Link href={pageHref({ after: page.nextCursor })} className={buttonClasses("secondary")}>Próximos →</Link>
          )}
        </nav>
      )}
      {toast === "deleted" && <Toast message="Contato excluído." />}
    </div>
  );
}
