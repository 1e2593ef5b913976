import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ContactForm } from "@/components/contacts/contact-form";
import { requireViewer } from "@/lib/auth/session";
import { getContactForEdit } from "@/lib/contacts/queries";
import { formatPhone } from "@/lib/phones/phone";
import { parseId } from "@/lib/sql/ids";
import { listAssignableSegments } from "@/lib/segments/queries";
import { listAssignableResponsibles } from "@/lib/users/queries";
import { revealDocumentAction, updateContactAction } from "../../actions";

export const metadata: Metadata = { title: "Editar contato" };

export default async function EditContactPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer();
  const id = parseId((await params).id);
  if (!id) notFound();
  const contact = await getContactForEdit(viewer, id);
  if (!contact) notFound();
  const [segmentOptions, responsibleOptions] = await Promise.all([
    listAssignableSegments(viewer),
    listAssignableResponsibles(viewer),
  ]);
  const editable = new Set(segmentOptions.map((s) => s.id));

  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Editar contato</h1>
      <ContactForm
        action={updateContactAction}
        initialValues={{
          name: contact.name,
          document: "",
          customerCode: contact.customerCode,
          responsibleUserId: contact.responsibleUserId ?? "",
          tags: contact.tags,
          priority: contact.priority,
          segmentIds: contact.segments.filter((s) => editable.has(s.id)).map((s) => s.id),
          phones: contact.phones.map(formatPhone),
          emails: contact.emails,
          consent: { whatsapp: contact.consent.whatsapp?.status ?? "", sms: contact.consent.sms?.status ?? "", email: contact.consent.email?.status ?? "" },
        }}
        hidden={{ id: contact.id, version: String(contact.version) }}
        segmentOptions={segmentOptions}
        lockedSegments={contact.segments.filter((s) => !editable.has(s.id))}
        storedDocument={{ masked: contact.documentMasked, reveal: revealDocumentAction.bind(null, contact.id) }}
        consentRecords={contact.consent}
        responsibleOptions={responsibleOptions}
        responsibleName={contact.responsibleName}
        submitLabel="Salvar alterações"
        cancel={`/contacts/${contact.id}`}
      />
    </div>
  );
}
