import Link from "next/link";
import { PriorityBadge } from "@/components/ui/badge";
import { TableCard } from "@/components/ui/table-card";
import type { ContactListItem } from "@/lib/contacts/contact-list";
import { formatDate } from "@/lib/format/date";
import { PageCheckbox, RowCheckbox } from "./bulk-selection";

/** With `selectable`, each row has a checkbox for bulk actions (inside a BulkSelectionProvider). */
export function ContactTable({ items, selectable = false }: { items: ContactListItem[]; selectable?: boolean }) {
  return (
    <TableCard
      caption="Contatos"
      head={
        <>
          {selectable && <th scope="col" className="w-10 px-4 py-3"><PageCheckbox /></th>}
          <th scope="col" className="px-4 py-3">Nome</th>
          <th scope="col" className="px-4 py-3">CPF / CNPJ</th>
          <th scope="col" className="px-4 py-3">Código do Cliente</th>
          <th scope="col" className="px-4 py-3">Responsável</th>
          <th scope="col" className="px-4 py-3">Hashtags</th>
          <th scope="col" className="px-4 py-3">Prioridade</th>
          <th scope="col" className="px-4 py-3">Segmentos</th>
          <th scope="col" className="px-4 py-3">Atualizado em</th>
        </>
      }
    >
      {items.map((contact) => (
        <tr key={contact.id} className="hover:bg-slate-50">
          {selectable && <td className="px-4 py-3"><RowCheckbox id={contact.id} name={contact.name} /></td>}
          <td className="px-4 py-3 font-medium">
            <Link href={`/contacts/${contact.id}`} className="text-indigo-700 hover:underline">
              {contact.name}
            </Link>
          </td>
          <td className="whitespace-nowrap px-4 py-3 font-mono text-xs text-slate-600">{contact.documentMasked}</td>
          <td className="whitespace-nowrap px-4 py-3 font-mono text-xs">{contact.customerCode}</td>
          <td className="px-4 py-3 text-slate-700">{contact.responsibleName ?? "—"}</td>
          <td className="px-4 py-3 text-slate-600">{contact.tags.map((tag) => `#${tag}`).join(" ")}</td>
          <td className="px-4 py-3"><PriorityBadge priority={contact.priority} /></td>
          <td className="px-4 py-3 text-slate-600">{contact.segmentNames.join(", ") || "—"}</td>
          <td className="whitespace-nowrap px-4 py-3 text-slate-600">{formatDate(contact.updatedAt)}</td>
        </tr>
      ))}
    </TableCard>
  );
}
