import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ContactAttendances } from "@/components/contacts/contact-attendances";
import { ContactConsentList } from "@/components/contacts/contact-consent";
import { ContactHistory } from "@/components/contacts/contact-history";
import { DeleteContactButton } from "@/components/contacts/delete-contact-button";
import { DocumentReveal } from "@/components/contacts/document-reveal";
import { PriorityBadge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Toast } from "@/components/ui/toast";
import { capabilitiesOf } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import { getContact, getContactHistory } from "@/lib/contacts/queries";
import { listContactAttendances } from "@/lib/live/contact-attendances";
import { formatDateTime } from "@/lib/format/date";
import { formatPhone } from "@/lib/phones/phone";
import { parseId } from "@/lib/sql/ids";
import { deleteContactAction, revealDocumentAction } from "../actions";
import { DetailItem } from "@/components/ui/detail-item";

export const metadata: Metadata = { title: "Contato" };

const toasts: Record<string, string> = { created: "Contato criado.", updated: "Alterações salvas." };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ toast?: string }> };

export default async function ContactPage({ params, searchParams }: Props) {
  const viewer = await requireViewer();
  const id = parseId((await params).id);
  if (!id) notFound();
  const { toast } = await searchParams;
  const [contact, history, attendances] = await Promise.all([getContact(viewer, id), getContactHistory(viewer, id), listContactAttendances(viewer, id)]);
  if (!contact) notFound();

  return (
    <div className="space-y-6">
      <nav aria-label="Trilha" className="text-sm text-slate-500">
        <Link href="/contacts" className="hover:underline">Contatos</Link> / <span>{contact.name}</span>
      </nav>
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{contact.name}</h1>
          <p className="mt-1 flex items-center gap-2 text-sm text-slate-600">
            <span className="font-mono">{contact.customerCode}</span>
            <PriorityBadge priority={contact.priority} />
          </p>
        </div>
        <div className="flex items-center gap-2">
          <Link href={`/contacts/${contact.id}/edit`} className={buttonClasses("primary")}>Editar</Link>
          {capabilitiesOf(viewer.role)["contacts.delete"] && <DeleteContactButton contact={{ name: contact.name, customerCode: contact.customerCode }} remove={deleteContactAction.bind(null, contact.id)} />}
        </div>
      </header>

      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="dados" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200 lg:col-span-2">
          <h2 id="dados" className="text-base font-semibold">Dados do contato</h2>
          <dl className="mt-4 grid gap-x-6 gap-y-4 sm:grid-cols-2">
            <DetailItem label={contact.documentType === "cpf" ? "CPF" : "CNPJ"}>
              <DocumentReveal masked={contact.documentMasked} reveal={revealDocumentAction.bind(null, contact.id)} />
            </DetailItem>
            <DetailItem label="Código do Cliente"><span className="font-mono">{contact.customerCode}</span></DetailItem>
            <DetailItem label="Responsável">{contact.responsible?.name ?? "Sem responsável"}</DetailItem>
            <DetailItem label="Prioridade"><PriorityBadge priority={contact.priority} /></DetailItem>
            <DetailItem label="Segmentos">{contact.segments.map((s) => s.name).join(", ") || "Nenhum"}</DetailItem>
            <DetailItem label="Hashtags">
              {contact.tags.length > 0 ? (
                <span className="flex flex-wrap gap-1">
                  {contact.tags.map((tag) => (
                    <span key={tag} className="rounded bg-indigo-50 px-1.5 py-0.5 text-xs text-indigo-700">#{tag}</span>
                  ))}
                </span>
              ) : "Nenhuma"}
            </DetailItem>
            <DetailItem label="Telefones">
              {contact.phones.length > 0 ? contact.phones.map((p) => <div key={p}>{formatPhone(p)}</div>) : "Nenhum"}
            </DetailItem>
            <DetailItem label="E-mails">
              {contact.emails.length > 0 ? contact.emails.map((e) => <div key={e}>{e}</div>) : "Nenhum"}
            </DetailItem>
            <DetailItem label="Criado em">{formatDateTime(contact.createdAt)}</DetailItem>
            <DetailItem label="Atualizado em">{formatDateTime(contact.updatedAt)}</DetailItem>
          </dl>
          <h3 className="mt-6 mb-3 text-sm font-semibold">Consentimento (LGPD)</h3>
          <ContactConsentList consent={contact.consent} />
        </section>

        <section aria-labelledby="historico" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200 lg:row-span-2">
          <h2 id="historico" className="mb-4 text-base font-semibold">Histórico</h2>
          <ContactHistory entries={history} />
        </section>

        <section aria-labelledby="atendimentos" className="min-w-0 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200 lg:col-span-2">
          <h2 id="atendimentos" className="mb-4 text-base font-semibold">Atendimentos</h2>
          <ContactAttendances attendances={attendances} />
        </section>
      </div>
      {toast && toasts[toast] && <Toast message={toasts[toast]} />}
    </div>
  );
}
