"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { failure, type ActionResult } from "@/lib/actions/result";
import { validatedAction, withViewer } from "@/lib/actions/validated-action";
import { contactInput, contactUpdateInput } from "@/lib/contacts/contact-input";
import { readContactForm } from "@/lib/contacts/contact-form-data";
import { createContact, deleteContact, revealContactDocument, updateContact } from "@/lib/contacts/mutations";

const contactRef = z.object({ id: z.guid(), version: z.coerce.number().int().positive() });

export const createContactAction = validatedAction<typeof contactInput, { id: string }>(contactInput, readContactForm, async (viewer, input) => {
  const result = await createContact(viewer, input, "form");
  if (!result.ok) return result;
  revalidatePath("/contacts");
  redirect(`/contacts/${result.id}?toast=created`);
});

export const updateContactAction = validatedAction<typeof contactUpdateInput, { id: string }>(contactUpdateInput, readContactForm, async (viewer, input, formData) => {
  const ref = contactRef.safeParse({ id: formData.get("id"), version: formData.get("version") });
  if (!ref.success) return failure("not_found", "Contato não encontrado.");
  const result = await updateContact(viewer, ref.data.id, ref.data.version, input, "form");
  if (!result.ok) return result;
  revalidatePath("/contacts");
  redirect(`/contacts/${result.id}?toast=updated`);
});

export async function revealDocumentAction(id: string): Promise<ActionResult<{ document: string }>> {
  return withViewer((viewer) => revealContactDocument(viewer, String(id)));
}

export async function deleteContactAction(id: string): Promise<ActionResult> {
  return withViewer(async (viewer) => {
    const result = await deleteContact(viewer, String(id), "form");
    if (!result.ok) return result;
    revalidatePath("/contacts");
    redirect("/contacts?toast=deleted");
  });
}
