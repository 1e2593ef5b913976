import Link from "next/link";
import type { ReactNode } from "react";
import { PriorityBadge } from "@/components/ui/badge";
import type { ContactDetail } from "@/lib/contacts/queries";
import { DetailItem } from "@/components/ui/detail-item";

export type ContactPanelContact = Pick<
  ContactDetail,
  "id" | "name" | "customerCode" | "documentType" | "documentMasked" | "priority" | "tags" | "segments" | "responsible"
>;

export type ContactPanelProps = {
  /** The attendance's contact, when there is one and the viewer sees it. */
  contact: ContactPanelContact | null;
  /** There is a contact, outside the viewer's carteira: nothing about it is shown. */
  hidden: boolean;
  /** "Criar contato", for a customer with no contact, when the viewer may create it here. */
  createContactSlot?: ReactNode;
};

/** The side card of the attendance screen: who the customer is, as far as the viewer may know. */
export function ContactPanel({ contact, hidden, createContactSlot }: ContactPanelProps) {
  return (
    <section aria-labelledby="contato" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 id="contato" className="text-base font-semibold">Contato</h2>
      {contact ? (
        <ContactCard contact={contact} />
      ) : hidden ? (
        <div className="mt-3 text-sm">
          <p className="font-medium text-slate-900">Contato fora da sua carteira</p>
          <p className="mt-1 text-slate-600">O cliente tem cadastro, mas em carteiras que você não vê: os dados dele não aparecem aqui.</p>
        </div>
      ) : (
        <div className="mt-3 text-sm">
          <p className="font-medium text-slate-900">Cliente sem cadastro</p>
          <p className="mt-1 text-slate-600">Nenhum contato tinha este endereço quando a conversa chegou.</p>
          {createContactSlot && <div className="mt-4">{createContactSlot}</div>}
        </div>
      )}
    </section>
  );
}

function ContactCard({ contact }: { contact: ContactPanelContact }) {
  return (
    <>
      <p className="mt-3">
        <Link href={`/contacts/${contact.id}`} className="text-base font-medium text-indigo-700 hover:underline">{contact.name}</Link>
      </p>
      <dl className="mt-3 space-y-3">
        <DetailItem label="Código do Cliente"><span className="font-mono">{contact.customerCode}</span></DetailItem>
        <DetailItem label={contact.documentType === "cpf" ? "CPF" : "CNPJ"}><span className="font-mono">{contact.documentMasked}</span></DetailItem>
        <DetailItem label="Prioridade"><PriorityBadge priority={contact.priority} /></DetailItem>
        <DetailItem label="Hashtags">
          {contact.tags.length > 0 ? (
            <span className="flex flex-wrap gap-1">
              {contact.tags.map((tag) => <span key={tag} className="rounded bg-indigo-50 px-1.5 py-0.5 text-xs text-indigo-700">#{tag}</span>)}
            </span>
          ) : "Nenhuma"}
        </DetailItem>
        <DetailItem label="Segmentos">{contact.segments.map((s) => s.name).join(", ") || "Nenhum"}</DetailItem>
        <DetailItem label="Responsável">{contact.responsible?.name ?? "Sem responsável"}</DetailItem>
      </dl>
    </>
  );
}
