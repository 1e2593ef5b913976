"use client";

import Link from "next/link";
import { PriorityBadge } from "@/components/ui/badge";
import { Cell } from "@/components/ui/table-card";
import type { ContactListItem } from "@/lib/contacts/contact-list";
import { RowCheckbox } from "./bulk-selection";

/** A row of the contact list as the server sends it: the values shown, the date already in Brasília's dd/mm/aaaa. */
export type ContactRow = Omit<ContactListItem, "createdAt" | "updatedAt"> & { updated: string };

const td = "px-3 py-2";
// Long values stay on one line (a row is one line tall), whole in the title.
const clip = "max-w-0 truncate lg:max-w-40";

/**
 * The contact list's rows (see ContactTable). Drawn here from their values, because sent from the
 * server as elements every row's markup and classes travelled twice: in the HTML and again in the
 * page's RSC payload (about 2 KB a row).
 */
export function ContactRows({ rows, selectable }: { rows: ContactRow[]; selectable: boolean }) {
  return rows.map((contact) => (
    <tr key={contact.id} className="hover:bg-slate-50 has-checked:bg-indigo-50 max-lg:has-[input[type=checkbox]]:pl-11">
      {selectable && (
        <td className={`${td} max-lg:absolute max-lg:top-3 max-lg:left-4 max-lg:!p-0`}>
          <RowCheckbox id={contact.id} name={contact.name} />
        </td>
      )}
      <td className={`${td} font-medium lg:max-w-64 lg:truncate`} title={contact.name}>
        <Link href={`/contacts/${contact.id}`} className="text-indigo-700 hover:underline max-lg:text-base">
          {contact.name}
        </Link>
      </td>
      <td className={`${td} hidden font-mono text-xs whitespace-nowrap text-slate-600 max-lg:hidden! xl:table-cell`}>{contact.documentMasked}</td>
      <Cell label="Código" className={`${td} font-mono text-xs whitespace-nowrap max-lg:inline-block max-lg:before:!hidden max-lg:mr-2`}>{contact.customerCode}</Cell>
      <Cell label="Responsável" className={`${td} whitespace-nowrap text-slate-700 lg:max-w-40 lg:truncate max-lg:!block`} title={contact.responsibleName ?? undefined}>
        {contact.responsibleName ?? "—"}
      </Cell>
      <td className={`${td} hidden text-slate-600 max-lg:hidden! xl:table-cell ${clip}`} title={contact.tags.map((tag) => `#${tag}`).join(" ")}>
        {contact.tags.map((tag) => `#${tag}`).join(" ")}
      </td>
      <Cell label="Prioridade" className={`${td} max-lg:absolute max-lg:top-3 max-lg:right-4 max-lg:!p-0 max-lg:before:!hidden`}><PriorityBadge priority={contact.priority} /></Cell>
      <Cell label="Segmentos" className={`${td} text-slate-600 lg:min-w-32`}>
        {contact.segmentNames.join(", ") || "—"}
      </Cell>
      <td className={`${td} hidden whitespace-nowrap text-slate-600 max-lg:hidden! 2xl:table-cell`}>{contact.updated}</td>
    </tr>
  ));
}
