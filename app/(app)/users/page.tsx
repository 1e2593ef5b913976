import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NewUserForm } from "@/components/users/new-user-form";
import { Toast } from "@/components/ui/toast";
import { TableCard } from "@/components/ui/table-card";
import { requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { roleLabels } from "@/lib/auth/roles";
import { contactListHref } from "@/lib/contacts/list-link";
import { listAssignableSegments } from "@/lib/segments/queries";
import { listUsersOverview } from "@/lib/users/admin";
import { createUserAction } from "./actions";
import { formatNumber } from "@/lib/format/number";

export const metadata: Metadata = { title: "Usuários" };


export default async function UsersPage({ searchParams }: { searchParams: Promise<{ toast?: string }> }) {
  const viewer = await requireViewer();
  const [people, segments] = await Promise.all([listUsersOverview(viewer), listAssignableSegments(viewer)]);
  if (!people) notFound();
  const { toast } = await searchParams;
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Usuários</h1>
        <p className="mt-1 text-sm text-slate-600">Quem entra na Carteira, com que papel e em quais carteiras.</p>
      </header>

      <section aria-labelledby="new-user" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 id="new-user" className="mb-3 text-sm font-semibold">Novo usuário</h2>
        <NewUserForm action={createUserAction} segments={segments} />
      </section>

      <TableCard
        caption="Usuários"
        head={
          <>
            <th scope="col" className="px-4 py-3">Nome</th>
            <th scope="col" className="px-4 py-3">E-mail</th>
            <th scope="col" className="px-4 py-3">Papel</th>
            <th scope="col" className="px-4 py-3">Segmentos</th>
            <th scope="col" className="px-4 py-3 text-right">Responsável por</th>
            <th scope="col" className="px-4 py-3">Situação</th>
          </>
        }
      >
        {people.map((u) => (
          <tr key={u.id} className={u.active ? "hover:bg-slate-50" : "bg-slate-50 text-slate-500"}>
            <td className="px-4 py-3 font-medium"><Link href={`/users/${u.id}`} className="text-indigo-700 hover:underline">{u.name}</Link></td>
            <td className="px-4 py-3">{u.email}</td>
            <td className="px-4 py-3">{roleLabels[u.role]}</td>
            <td className="px-4 py-3 text-slate-600">{can(u.role, "contacts.viewAll") ? "todos" : u.segmentNames.join(", ") || "—"}</td>
            <td className="px-4 py-3 text-right tabular-nums">
              <Link href={contactListHref({ responsible: [u.id] })} className="text-indigo-700 hover:underline" aria-label={`${formatNumber(u.responsibleFor)} contatos de ${u.name}`}>
                {formatNumber(u.responsibleFor)}
              </Link>
            </td>
            <td className="px-4 py-3">{!u.active ? "Desativado" : u.invitePending ? "Convite pendente" : "Ativo"}</td>
          </tr>
        ))}
      </TableCard>
      {toast === "deactivated" && <Toast message="Usuário desativado." />}
    </div>
  );
}
