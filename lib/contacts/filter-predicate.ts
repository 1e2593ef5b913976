import "server-only";
import { gte, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { contacts } from "@/db/schema";
import { noResponsible, type ContactFilters } from "./contact-filters";
import { contactInSegments } from "./visibility";
import { textArray } from "@/lib/sql/arrays";
import { startOfDay, startOfNextDay } from "@/lib/sql/brasilia-days";


// Equality, not cardinality(): the column's statistics estimate it (the empty array is a common value).
const withoutSegment = sql`${contacts.segmentIds} = '{}'::uuid[]`;

/**
 * The advanced filters as SQL conditions, ANDed together. They only ever narrow: callers always
 * AND them with contactVisibleTo(viewer), so no filter can show an invisible contact.
 */
export function filterConditions(filters: ContactFilters): SQL[] {
  const conditions: (SQL | undefined)[] = [];
  if (filters.segment.length > 0) conditions.push(contactInSegments(filters.segment));
  if (filters.noSegment) conditions.push(withoutSegment);
  if (filters.responsible.length > 0) {
    const userIds = filters.responsible.filter((r) => r !== noResponsible);
    conditions.push(
      or(
        userIds.length > 0 ? inArray(contacts.responsibleUserId, userIds) : undefined,
        filters.responsible.includes(noResponsible) ? isNull(contacts.responsibleUserId) : undefined,
      ),
    );
  }
  if (filters.tagAll.length > 0) conditions.push(sql`${contacts.tags} @> ${textArray(filters.tagAll)}`);
  if (filters.tagAny.length > 0) conditions.push(sql`${contacts.tags} && ${textArray(filters.tagAny)}`);
  if (filters.tagNone.length > 0) conditions.push(sql`not (${contacts.tags} && ${textArray(filters.tagNone)})`);
  if (filters.priority.length > 0) conditions.push(inArray(contacts.priority, filters.priority));
  if (filters.createdFrom) conditions.push(gte(contacts.createdAt, startOfDay(filters.createdFrom)));
  if (filters.createdTo) conditions.push(lt(contacts.createdAt, startOfNextDay(filters.createdTo)));
  if (filters.updatedFrom) conditions.push(gte(contacts.updatedAt, startOfDay(filters.updatedFrom)));
  if (filters.updatedTo) conditions.push(lt(contacts.updatedAt, startOfNextDay(filters.updatedTo)));
  if (filters.hasPhone) conditions.push(sql`cardinality(${contacts.phones}) ${sql.raw(filters.hasPhone === "yes" ? ">" : "=")} 0`);
  if (filters.hasEmail) conditions.push(sql`cardinality(${contacts.emails}) ${sql.raw(filters.hasEmail === "yes" ? ">" : "=")} 0`);
  return conditions.filter((c): c is SQL => c !== undefined);
}
