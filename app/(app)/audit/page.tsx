import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { auditDetails } from "@/components/audit/audit-details";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { TableCard } from "@/components/ui/table-card";
import { requireViewer } from "@/lib/auth/session";
import { listAuditEvents } from "@/lib/audit/audit";
import { auditActionLabels, auditFilters } from "@/lib/audit/audit-filters";
import { formatDateTime } from "@/lib/format/date";
import { listOrganizationUsers } from "@/lib/users/queries";

export const metadata: Metadata = { title: "Auditoria" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer();
  const filters = auditFilters.parse(await searchParams);
  const [log, people] = await Promise.all([listAuditEvents(viewer, filters), listOrganizationUsers(viewer)]);
  if (!log || !people) notFound();
  const next = new URLSearchParams(Object.entries({ ...filters, before: log.nextCursor ?? undefined }).filter((e): e is [string, string] => !!e[1]));
  const filtered = !!(filters.user || filters.action || filters.from || filters.to);

  return (
    <div className="space-y-5">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Auditoria</h1>
        <p className="mt-1 text-sm text-slate-600">Toda mudança administrativa e toda exportação de contatos: quem fez, o quê e quando.</p>
      </header>

      <form method="get" className="flex flex-wrap items-end gap-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <div>
          <label htmlFor="audit-user" className="mb-1.5 block text-sm font-medium text-slate-800">Usuário</label>
          <Select id="audit-user" name="user" defaultValue={filters.user ?? ""}>
            <option value="">Todos</option>
            {people.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </Select>
        </div>
        <div>
          <label htmlFor="audit-action" className="mb-1.5 block text-sm font-medium text-slate-800">Ação</label>
          <Select id="audit-action" name="action" defaultValue={filters.action ?? ""}>
            <option value="">Todas</option>
            {Object.entries(auditActionLabels).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </Select>
        </div>
        <div>
          <label htmlFor="audit-from" className="mb-1.5 block text-sm font-medium text-slate-800">De</label>
          <Input id="audit-from" type="date" name="from" defaultValue={filters.from} />
        </div>
        <div>
          <label htmlFor="audit-to" className="mb-1.5 block text-sm font-medium text-slate-800">Até</label>
          <Input id="audit-to" type="date" name="to" defaultValue={filters.to} />
        </div>
        <button type="submit" className={buttonClasses("primary")}>Filtrar</button>
        {filtered && <Link href="/audit" className={buttonClasses("ghost")}>Limpar</Link>}
      </form>

      {log.events.length === 0 ? (
        <EmptyState title={filtered ? "Nenhuma mudança com estes filtros." : "Nenhuma mudança administrativa ainda."} />
      ) : (
        <TableCard
          caption="Auditoria"
          head={
            <>
              <th scope="col" className="px-4 py-3">Quando</th>
              <th scope="col" className="px-4 py-3">Quem</th>
              <th scope="col" className="px-4 py-3">Ação</th>
              <th scope="col" className="px-4 py-3">Alvo</th>
              <th scope="col" className="px-4 py-3">Detalhes</th>
            </>
          }
        >
          {log.events.map((event) => (
            <tr key={event.id}>
              <td className="whitespace-nowrap px-4 py-3 text-slate-600"><time dateTime={event.createdAt.toISOString()}>{formatDateTime(event.createdAt)}</time></td>
              <td className="px-4 py-3">{event.actorName}</td>
              <td className="px-4 py-3">{auditActionLabels[event.action]}</td>
              <td className="px-4 py-3 font-medium">{event.targetLabel}</td>
              <td className="px-4 py-3 text-slate-600">{auditDetails(event) || "—"}</td>
            </tr>
          ))}
        </TableCard>
      )}
      {log.nextCursor && (
        <nav aria-label="Paginação" className="flex justify-end">
          <Link href={`/audit?${next}`} className={buttonClasses("secondary")}>Mais antigas →</Link>
        </nav>
      )}
    </div>
  );
}
