import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { contacts } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { contactColumns } from "@/lib/contacts/columns";
import { contactVisibleTo } from "@/lib/contacts/visibility";
import { maskDocument } from "@/lib/documents/document";
import { parseId } from "@/lib/sql/ids";
import { variableValueSql } from "./render-sql";
import { firstNameOf, type TemplateValues } from "./variables";

/**
 * The variables' values for one contact the viewer sees (null for any other contact, or a
 * malformed id), for the editor's preview and the API. The name's first word and the mask are
 * computed here, in JS; render-sql.db.test.ts proves the SQL renderer computes the same.
 */
export async function templateValuesOf(viewer: Viewer, contactId: string): Promise<TemplateValues | null> {
  const id = parseId(contactId);
  if (!id) return null;
  const [contact] = await getDb()
    .select({
      name: contactColumns.name,
      document: contactColumns.document,
      documentType: contactColumns.documentType,
      customerCode: contactColumns.customerCode,
      responsibleName: contactColumns.responsibleName,
      segmentName: variableValueSql("segmento"),
    })
    .from(contacts)
    .where(and(contactVisibleTo(viewer), eq(contacts.id, id)));
  if (!contact) return null;
  return {
    contactname: contact.name,
    contactfirstname: firstNameOf(contact.name),
    contactcustomcode: contact.customerCode,
    contactdocument: maskDocument(contact.document, contact.documentType),
    responsavel: contact.responsibleName,
    segmento: contact.segmentName,
  };
}
