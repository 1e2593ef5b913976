"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { failure, type ActionResult } from "@/lib/actions/result";
import { validatedAction, withViewer } from "@/lib/actions/validated-action";
import { contactInput, contactUpdateInput } from "@/lib/contacts/contact-input";
import { keepingWhatWasTyped, readContactForm } from "@/lib/contacts/contact-form-data";
import { contactListHref } from "@/lib/contacts/list-link";
import { createContact, deleteContact, revealContactDocument, updateContact } from "@/lib/contacts/mutations";
import { idField, parseId } from "@/lib/sql/ids";

const contactNotFound = () => failure("not_found", "Contato não encontrado.");
const contactRef = z.object({ id: idField(), version: z.coerce.number().int().positive() });

export const createContactAction = keepingWhatWasTyped(
  validatedAction<typeof contactInput, { id: string }>("createContactAction", contactInput, readContactForm, async (viewer, input) => {
    const result = await createContact(viewer, input, "form");
    if (!result.ok) return result;
    revalidatePath("/contacts");
    redirect(`/contacts/${result.id}?toast=created`);
  }),
);

export const updateContactAction = keepingWhatWasTyped(
  validatedAction<typeof contactUpdateInput, { id: string }>("updateContactAction", contactUpdateInput, readContactForm, async (viewer, input, formData) => {
    const ref = contactRef.safeParse({ id: formData.get("id"), version: formData.get("version") });
    if (!ref.success) return contactNotFound();
    const result = await updateContact(viewer, ref.data.id, ref.data.version, input, "form");
    if (!result.ok) return result;
    revalidatePath("/contacts");
    redirect(`/contacts/${result.id}?toast=updated`);
  }),
);

export async function revealDocumentAction(rawId: string): Promise<ActionResult<{ document: string }>> {
  return withViewer("revealDocumentAction", async (viewer) => {
    const id = parseId(rawId);
    return id ? revealContactDocument(viewer, id) : contactNotFound();
  });
}

export async function deleteContactAction(rawId: string): Promise<ActionResult> {
  return withViewer("deleteContactAction", async (viewer) => {
    const id = parseId(rawId);
    const result = id ? await deleteContact(viewer, id, "form") : contactNotFound();
    if (!result.ok) return result;
    revalidatePath("/contacts");
    redirect(contactListHref({}, { toast: "deleted" }));
  });
}
