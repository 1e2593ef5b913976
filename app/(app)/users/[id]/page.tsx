import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeactivateUserForm } from "@/components/users/deactivate-user-form";
import { RenewInvite } from "@/components/users/renew-invite";
import { UserAccessForm } from "@/components/users/user-access-form";
import { requireViewer } from "@/lib/auth/session";
import { roleLabels } from "@/lib/auth/roles";
import type { ContactFilters } from "@/lib/contacts/contact-filters";
import { contactListHref } from "@/lib/contacts/list-link";
import { priorityLabels } from "@/lib/contacts/priority";
import { parseId } from "@/lib/sql/ids";
import { listAssignableSegments } from "@/lib/segments/queries";
import { getUserOverview, responsibleBreakdown } from "@/lib/users/admin";
import { listAssignableResponsibles } from "@/lib/users/queries";
import { deactivateUserAction, renewInviteAction, updateUserAccessAction } from "../actions";
import { formatNumber } from "@/lib/format/number";

export const metadata: Metadata = { title: "Usuário" };


export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer();
  const id = parseId((await params).id);
  if (!id) notFound();
  const [user, assignable, breakdown, segments] = await Promise.all([
    getUserOverview(viewer, id),
    listAssignableResponsibles(viewer),
    responsibleBreakdown(viewer, id),
    listAssignableSegments(viewer),
  ]);
  if (!user || !breakdown) notFound();
  const contactsOf = (filters: Partial<ContactFilters> = {}) => contactListHref({ responsible: [user.id], ...filters });

  return (
    <div className="max-w-4xl space-y-6">
      <header>
        <p className="text-sm"><Link href="/users" className="text-indigo-700 hover:underline">← Usuários</Link></p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{user.name}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {user.email} · {roleLabels[user.role]} · {!user.active ? "Desativado" : user.invitePending ? "Convite pendente" : "Ativo"}
        </p>
      </header>

      <section aria-labelledby="user-carteira" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 id="user-carteira" className="text-sm font-semibold">Carteira como responsável</h2>
        <p className="mt-1 text-sm">
          <Link href={contactsOf()} className="text-indigo-700 hover:underline">{formatNumber(user.responsibleFor)} contatos</Link>
        </p>
        {user.responsibleFor > 0 && (
          <div className="mt-3 grid gap-6 sm:grid-cols-2">
            <table className="text-sm">
              <caption className="mb-1 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">Por prioridade</caption>
              <tbody>
                {breakdown.byPriority.map((p) => (
                  <tr key={p.priority}>
                    <th scope="row" className="pr-6 text-left font-normal">{priorityLabels[p.priority]}</th>
                    <td className="text-right tabular-nums"><Link href={contactsOf({ priority: [p.priority] })} className="text-indigo-700 hover:underline">{formatNumber(p.contacts)}</Link></td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table className="text-sm">
              <caption className="mb-1 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">Por segmento</caption>
              <tbody>
                {breakdown.bySegment.map((s) => (
                  <tr key={s.segmentId ?? "none"}>
                    <th scope="row" className="pr-6 text-left font-normal">{s.name ?? "Sem segmento"}</th>
                    <td className="text-right tabular-nums">
                      <Link href={contactsOf(s.segmentId ? { segment: [s.segmentId] } : { noSegment: true })} className="text-indigo-700 hover:underline">{formatNumber(s.contacts)}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {user.active && (
        <>
          <section aria-labelledby="user-access" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <h2 id="user-access" className="mb-3 text-sm font-semibold">Acesso</h2>
            <UserAccessForm user={user} segments={segments} action={updateUserAccessAction} />
          </section>
          {user.invitePending && (
            <section aria-labelledby="user-invite" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
              <h2 id="user-invite" className="mb-3 text-sm font-semibold">Convite</h2>
              <RenewInvite renew={renewInviteAction.bind(null, user.id)} />
            </section>
          )}
          <section aria-labelledby="user-deactivate" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-red-200">
            <h2 id="user-deactivate" className="mb-3 text-sm font-semibold text-red-800">Desativar</h2>
            <DeactivateUserForm
              user={user}
              heirs={(assignable ?? []).filter((u) => u.id !== user.id)}
              action={deactivateUserAction}
            />
          </section>
        </>
      )}
    </div>
  );
}
