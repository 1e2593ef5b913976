import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { contactHistory, contacts, contactSegments, segments, type ChangeSource, type ContactConsent, type HistoryAction, type HistoryChange } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { maskDocument } from "@/lib/documents/document";
import { contactColumns } from "./columns";
import { contactVisibleTo } from "./visibility";
import { parseId } from "@/lib/sql/ids";

export type ContactDetail = {
  id: string;
  name: string;
  documentType: "cpf" | "cnpj";
  documentMasked: string;
  customerCode: string;
  responsible: { id: string; name: string } | null;
  tags: string[];
  priority: "high" | "medium" | "low";
  segments: { id: string; name: string }[];
  phones: string[];
  emails: string[];
  /** Per channel, the recorded answer with when, how and by whom; a channel absent: não informado. */
  consent: ContactConsent;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

/** One visible contact, or null: an invisible one and a missing one look the same. */
export async function getContact(viewer: Viewer, id: string): Promise<ContactDetail | null> {
  const contact = await loadVisibleContact(viewer, id);
  if (!contact) return null;
  const { document, responsibleUserId: _, responsibleName, ...rest } = contact;
  return {
    ...rest,
    documentMasked: maskDocument(document, contact.documentType),
    responsible: contact.responsibleUserId ? { id: contact.responsibleUserId, name: responsibleName ?? "" } : null,
  };
}

/**
 * What the edit form needs. The document only masked: the page is sent to the browser, and seeing
 * the whole document is a recorded reveal (revealContactDocument), on this form as on the contact.
 */
export async function getContactForEdit(viewer: Viewer, id: string) {
  const contact = await loadVisibleContact(viewer, id);
  if (!contact) return null;
  const { document, ...rest } = contact;
  return { ...rest, documentMasked: maskDocument(document, contact.documentType) };
}

export type LoadedContact = NonNullable<Awaited<ReturnType<typeof loadVisibleContact>>>;

export async function loadVisibleContact(viewer: Viewer, rawId: string) {
  // The one loader of a contact for reads and writes: it treats a malformed id as not found itself.
  const id = parseId(rawId);
  if (!id) return null;
  const db = getDb();
  const [contact] = await db
    .select({
      ...contactColumns,
      responsibleUserId: contacts.responsibleUserId,
      phones: contacts.phones,
      emails: contacts.emails,
      consent: contacts.consent,
      version: contacts.version,
    })
    .from(contacts)
    .where(and(contactVisibleTo(viewer), eq(contacts.id, id)));
  if (!contact) return null;
  const contactSegmentRows = await db
    .select({ id: segments.id, name: segments.name })
    .from(contactSegments)
    .innerJoin(
      segments,
      and(eq(segments.organizationId, contactSegments.organizationId), eq(segments.id, contactSegments.segmentId)),
    )
    .where(and(eq(contactSegments.organizationId, viewer.organizationId), eq(contactSegments.contactId, id)))
    .orderBy(asc(segments.name));
  return { ...contact, segments: contactSegmentRows };
}

export type HistoryEntry = {
  id: string;
  actorName: string;
  source: ChangeSource;
  action: HistoryAction;
  changes: HistoryChange[];
  createdAt: Date;
};

/** The history of a visible contact, newest first; empty when the contact is not visible. */
export async function getContactHistory(viewer: Viewer, rawId: string, limit = 100): Promise<HistoryEntry[]> {
  const id = parseId(rawId);
  if (!id) return [];
  const visible = getDb()
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(contactVisibleTo(viewer), eq(contacts.id, id)));
  const entries = await getDb()
    .select({
      id: contactHistory.id,
      actorName: contactHistory.actorName,
      source: contactHistory.source,
      action: contactHistory.action,
      changes: contactHistory.changes,
      createdAt: contactHistory.createdAt,
    })
    .from(contactHistory)
    .where(
      and(
        eq(contactHistory.organizationId, viewer.organizationId),
        eq(contactHistory.contactId, id),
        inArray(contactHistory.contactId, visible),
      ),
    )
    .orderBy(desc(contactHistory.createdAt), desc(contactHistory.id))
    .limit(limit);
  // The history never shows more of a document than the page does: seeing it whole is a recorded reveal.
  return entries.map((entry) => ({ ...entry, changes: entry.changes.map(maskDocumentChange) }));
}

function maskDocumentChange(change: HistoryChange): HistoryChange {
  if (change.field !== "document") return change;
  const mask = (value: unknown) =>
    typeof value === "string" ? maskDocument(value, value.length === 11 ? "cpf" : "cnpj") : value;
  return { ...change, from: mask(change.from), to: mask(change.to) };
}

