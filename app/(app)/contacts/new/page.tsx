import type { Metadata } from "next";
import { ContactForm, emptyContactValues } from "@/components/contacts/contact-form";
import { requireViewer } from "@/lib/auth/session";
import { listAssignableSegments } from "@/lib/segments/queries";
import { listAssignableResponsibles } from "@/lib/users/queries";
import { createContactAction } from "../actions";

export const metadata: Metadata = { title: "Criar contato" };

export default async function NewContactPage() {
  const viewer = await requireViewer();
  const [segmentOptions, responsibleOptions] = await Promise.all([
    listAssignableSegments(viewer),
    listAssignableResponsibles(viewer),
  ]);
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Criar contato</h1>
      <ContactForm
        action={createContactAction}
        initialValues={emptyContactValues}
        segmentOptions={segmentOptions}
        responsibleOptions={responsibleOptions}
        submitLabel="Criar contato"
        cancel="/contacts"
      />
    </div>
  );
}
