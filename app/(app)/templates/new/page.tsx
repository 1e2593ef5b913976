import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { emptyTemplateValues, TemplateForm } from "@/components/templates/template-form";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import { createTemplateAction, previewTemplateAction, searchPreviewContactsAction } from "../actions";

export const metadata: Metadata = { title: "Novo modelo" };

export default async function NewTemplatePage() {
  const viewer = await requireViewer();
  if (!can(viewer.role, "templates.manage")) notFound();
  return (
    <div className="max-w-6xl space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Novo modelo</h1>
      <TemplateForm
        action={createTemplateAction}
        initialValues={emptyTemplateValues}
        submitLabel="Criar modelo"
        cancelHref="/templates"
        preview={previewTemplateAction}
        searchContacts={searchPreviewContactsAction}
      />
    </div>
  );
}
