import "server-only";
import { sql } from "drizzle-orm";
import { contacts } from "@/db/schema";

// Correlated subqueries name the outer table literally (`contacts.…`): drizzle renders a column
// unqualified in a select list, and inside a subquery an unqualified "organization_id" would
// silently bind to the subquery's own table. Queries using these select from `contacts`, unaliased.

/** The responsável's name, for a query over contacts. */
export const responsibleName = sql<string | null>`(select u.name from users u
  where u.organization_id = contacts.organization_id and u.id = contacts.responsible_user_id)`;

/** The names of the contact's segments, sorted, for a query over contacts. */
export const segmentNames = sql<string[]>`array(select s.name from segments s
  where s.organization_id = contacts.organization_id and s.id = any(contacts.segment_ids) order by s.name)`;

/** The columns every contact read shows, whatever the screen. */
export const contactColumns = {
  id: contacts.id,
  name: contacts.name,
  document: contacts.document,
  documentType: contacts.documentType,
  customerCode: contacts.customerCode,
  responsibleName,
  tags: contacts.tags,
  priority: contacts.priority,
  createdAt: contacts.createdAt,
  updatedAt: contacts.updatedAt,
};
