"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { type ActionResult } from "@/lib/actions/result";
import { validatedAction, withViewer } from "@/lib/actions/validated-action";
import { templateInput, type TemplatePreviewInput } from "@/lib/templates/template-input";
import { archiveTemplate, createTemplate, previewTemplate, searchPreviewContacts, updateTemplate, type PreviewContact, type TemplatePreview } from "@/lib/templates/templates";

// Every action checks the session (validatedAction/withViewer); the data layer checks
// templates.manage and, for the preview, that the contact is one the viewer sees.

const readTemplate = (formData: FormData) => ({
  name: formData.get("name"),
  channel: formData.get("channel"),
  subject: formData.get("subject"),
  body: formData.get("body"),
});

export const createTemplateAction = validatedAction<typeof templateInput, object>("createTemplateAction", templateInput, readTemplate, async (viewer, input) => {
  const result = await createTemplate(viewer, input);
  if (result.ok) redirect(`/templates/${result.id}?toast=created`);
  return result;
});

export const updateTemplateAction = validatedAction("updateTemplateAction", templateInput, readTemplate, async (viewer, input, formData) => {
  const id = String(formData.get("id") ?? "");
  const result = await updateTemplate(viewer, id, input);
  if (result.ok) {
    revalidatePath("/templates");
    revalidatePath(`/templates/${id}`);
  }
  return result;
});

export async function archiveTemplateAction(id: string): Promise<ActionResult> {
  return withViewer("archiveTemplateAction", async (viewer) => {
    const result = await archiveTemplate(viewer, id);
    if (result.ok) redirect("/templates?toast=archived");
    return result;
  });
}

export async function previewTemplateAction(input: TemplatePreviewInput): Promise<ActionResult<TemplatePreview>> {
  return withViewer("previewTemplateAction", (viewer) => previewTemplate(viewer, input));
}

/** The preview's contact picker: contacts the viewer sees, by name, código, document, phone or e-mail. */
export async function searchPreviewContactsAction(typed: string): Promise<ActionResult<{ contacts: PreviewContact[] }>> {
  return withViewer("searchPreviewContactsAction", async (viewer) => ({ ok: true, contacts: await searchPreviewContacts(viewer, typed) }));
}
