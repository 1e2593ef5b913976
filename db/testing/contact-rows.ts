import { and, asc, eq } from "drizzle-orm";
import { getDb } from "../client";
import { auditEvents, contactHistory, contacts, messages, type AuditAction } from "../schema";

// What the endpoint tests read back from the tables, beside what the answers said.

export async function contactCode(id: string): Promise<string> {
  const [row] = await getDb().select({ code: contacts.customerCode }).from(contacts).where(eq(contacts.id, id));
  return row.code;
}

export async function contactByCode(organizationId: string, customerCode: string) {
  const [row] = await getDb()
    .select({ id: contacts.id, version: contacts.version })
    .from(contacts)
    .where(and(eq(contacts.organizationId, organizationId), eq(contacts.customerCode, customerCode)));
  return row ?? null;
}

export async function contactVersion(id: string): Promise<number> {
  const [row] = await getDb().select({ version: contacts.version }).from(contacts).where(eq(contacts.id, id));
  return row.version;
}

export function historyRows(contactId: string) {
  return getDb()
    .select({ actorName: contactHistory.actorName, actorUserId: contactHistory.actorUserId, source: contactHistory.source, action: contactHistory.action })
    .from(contactHistory)
    .where(eq(contactHistory.contactId, contactId))
    .orderBy(asc(contactHistory.createdAt));
}

export function auditRows(organizationId: string, action: AuditAction) {
  return getDb()
    .select({ actorName: auditEvents.actorName, actorUserId: auditEvents.actorUserId, action: auditEvents.action })
    .from(auditEvents)
    .where(and(eq(auditEvents.organizationId, organizationId), eq(auditEvents.action, action)));
}

export function outboundMessagesOf(contactId: string) {
  return getDb()
    .select({ id: messages.id, status: messages.status, body: messages.body, apiKeyId: messages.apiKeyId })
    .from(messages)
    .where(and(eq(messages.contactId, contactId), eq(messages.direction, "outbound")))
    .orderBy(asc(messages.createdAt));
}
