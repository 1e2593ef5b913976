import { TableCard } from "@/components/ui/table-card";
import type { ContactListItem } from "@/lib/contacts/contact-list";
import { formatDate } from "@/lib/format/date";
import { PageCheckbox } from "./bulk-selection";
import { ContactRows } from "./contact-rows";

const th = "px-3 py-2.5 whitespace-nowrap";

/**
 * The contact list: a table on wide screens, cards on phones (name, código, priority, segments,
 * responsável). With `selectable`, each row has a checkbox for bulk actions (inside a
 * BulkSelectionProvider), and a ticked row is highlighted.
 */
export function ContactTable({ items, selectable = false }: { items: ContactListItem[]; selectable?: boolean }) {
  return (
    <TableCard
      caption="Contatos"
      cards
      head={
        <>
          {selectable && <th scope="col" className="w-10 px-3 py-2.5"><PageCheckbox /></th>}
          <th scope="col" className={th}>Nome</th>
          <th scope="col" className={`${th} hidden xl:table-cell`}>CPF / CNPJ</th>
          <th scope="col" className={th}>Código</th>
          <th scope="col" className={th}>Responsável</th>
          <th scope="col" className={`${th} hidden xl:table-cell`}>Hashtags</th>
          <th scope="col" className={th}>Prioridade</th>
          <th scope="col" className={th}>Segmentos</th>
          <th scope="col" className={`${th} hidden 2xl:table-cell`}>Atualizado em</th>
        </>
      }
    >
      <ContactRows rows={items.map(({ createdAt: _, updatedAt, ...contact }) => ({ ...contact, updated: formatDate(updatedAt) }))} selectable={selectable} />
    </TableCard>
  );
}
