import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArchiveTemplateButton } from "@/components/templates/archive-template-button";
import { TemplateForm } from "@/components/templates/template-form";
import { Toast } from "@/components/ui/toast";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format/date";
import { getTemplate } from "@/lib/templates/templates";
import { archiveTemplateAction, previewTemplateAction, searchPreviewContactsAction, updateTemplateAction } from "../actions";

export const metadata: Metadata = { title: "Modelo de mensagem" };

export default async function TemplatePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ toast?: string }> }) {
  const viewer = await requireViewer();
  if (!can(viewer.role, "templates.manage")) notFound();
  // A malformed id is not found, like another organization's or an archived template.
  const template = await getTemplate(viewer, (await params).id);
  if (!template) notFound();
  const { toast } = await searchParams;

  return (
    <div className="max-w-6xl space-y-6">
      <header>
        <p className="text-sm"><Link href="/templates" className="text-indigo-700 hover:underline">← Modelos de mensagem</Link></p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{template.name}</h1>
        <p className="mt-1 text-sm text-slate-600">Atualizado em {formatDateTime(template.updatedAt)}</p>
      </header>
      <TemplateForm
        action={updateTemplateAction}
        id={template.id}
        initialValues={{ name: template.name, channel: template.channel, subject: template.subject ?? "", body: template.body }}
        submitLabel="Salvar"
        cancelHref="/templates"
        preview={previewTemplateAction}
        searchContacts={searchPreviewContactsAction}
      />
      <section aria-labelledby="template-archive" className="max-w-2xl rounded-lg bg-white p-4 shadow-sm ring-1 ring-red-200">
        <h2 id="template-archive" className="mb-1 text-sm font-semibold text-red-800">Arquivar</h2>
        <p className="mb-3 text-sm text-slate-600">Tira o modelo da lista: não poderá mais ser usado.</p>
        <ArchiveTemplateButton name={template.name} archive={archiveTemplateAction.bind(null, template.id)} />
      </section>
      {toast === "created" && <Toast message="Modelo criado." />}
    </div>
  );
}
