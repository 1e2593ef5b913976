"use client";

import Link from "next/link";
import { PriorityBadge } from "@/components/ui/badge";
import { Cell } from "@/components/ui/table-card";
import type { ContactListItem } from "@/lib/contacts/contact-list";
import { RowCheckbox } from "./bulk-selection";

/** A row of the contact list as the server sends it: the values shown, the date already in Brasília's dd/mm/aaaa. */
export type ContactRow = Omit<ContactListItem, "createdAt" | "updatedAt"> & { updated: string };

/**
 * The contact list's rows (see ContactTable). Drawn here from their values, because sent from the
 * server as elements every row's markup and classes travelled twice: in the HTML and again in the
 * page's RSC payload (about 2 KB a row). Each column's classes are in app/globals.css, for the same
 * reason: once per page rather than once per row.
 */
export function ContactRows({ rows, selectable }: { rows: ContactRow[]; selectable: boolean }) {
  return rows.map((contact) => (
    <tr key={contact.id} className="contact-row">
      {selectable && (
        <td className="contact-select">
          <RowCheckbox id={contact.id} name={contact.name} />
        </td>
      )}
      <td className="contact-name" title={contact.name}>
        <Link href={`/contacts/${contact.id}`}>{contact.name}</Link>
      </td>
      <td className="contact-document">{contact.documentMasked}</td>
      <Cell label="Código" className="contact-code">{contact.customerCode}</Cell>
      <Cell label="Responsável" className="contact-responsible" title={contact.responsibleName ?? undefined}>
        {contact.responsibleName ?? "—"}
      </Cell>
      <td className="contact-tags" title={contact.tags.map((tag) => `#${tag}`).join(" ")}>
        {contact.tags.map((tag) => `#${tag}`).join(" ")}
      </td>
      <Cell label="Prioridade" className="contact-priority"><PriorityBadge priority={contact.priority} /></Cell>
      <Cell label="Segmentos" className="contact-segments">
        {contact.segmentNames.join(", ") || "—"}
      </Cell>
      <td className="contact-updated">{contact.updated}</td>
    </tr>
  ));
}
