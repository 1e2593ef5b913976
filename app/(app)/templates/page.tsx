import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChannelBadge } from "@/components/live/channel-badge";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Cell, TableCard } from "@/components/ui/table-card";
import { Toast } from "@/components/ui/toast";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format/date";
import { listTemplates } from "@/lib/templates/templates";

export const metadata: Metadata = { title: "Modelos de mensagem" };

export default async function TemplatesPage({ searchParams }: { searchParams: Promise<{ toast?: string }> }) {
  const viewer = await requireViewer();
  const templates = await listTemplates(viewer);
  if (!templates) notFound();
  const mayManage = can(viewer.role, "templates.manage");
  const { toast } = await searchParams;
  const newTemplate = mayManage && (
    <Link href="/templates/new" className={buttonClasses("primary")}>Novo modelo</Link>
  );

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Modelos de mensagem</h1>
          <p className="mt-1 text-sm text-slate-600">
            Textos prontos para campanhas e para a API, com variáveis que se tornam os dados de cada contato.
          </p>
        </div>
        {newTemplate}
      </header>

      {templates.length === 0 ? (
        <EmptyState
          title="Nenhum modelo ainda."
          description="Um modelo guarda o texto de uma mensagem, como “Olá {{contactfirstname}}, seu código é @ChaveCliente”."
          action={newTemplate}
        />
      ) : (
        <TableCard
          caption="Modelos de mensagem"
          cards
          head={
            <>
              <th scope="col" className="px-4 py-3">Nome</th>
              <th scope="col" className="px-4 py-3">Canal</th>
              <th scope="col" className="px-4 py-3">Trecho</th>
              <th scope="col" className="px-4 py-3">Atualizado</th>
            </>
          }
        >
          {templates.map((template) => (
            <tr key={template.id} className="hover:bg-slate-50">
              <Cell className="px-4 py-3 font-medium">
                {mayManage ? (
                  <Link href={`/templates/${template.id}`} className="text-indigo-700 hover:underline">{template.name}</Link>
                ) : (
                  template.name
                )}
              </Cell>
              <Cell label="Canal" className="px-4 py-3"><ChannelBadge channel={template.channel} /></Cell>
              <Cell label="Trecho" className="max-w-md px-4 py-3 text-slate-600">
                <span className="line-clamp-2 break-words">{template.subject ? `${template.subject} — ${template.excerpt}` : template.excerpt}</span>
              </Cell>
              <Cell label="Atualizado" className="px-4 py-3 whitespace-nowrap text-slate-600">{formatDateTime(template.updatedAt)}</Cell>
            </tr>
          ))}
        </TableCard>
      )}
      {toast === "archived" && <Toast message="Modelo arquivado." />}
    </div>
  );
}
