import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rowsOf, type Transaction } from "@/db/client";
import { failure, type ActionResult } from "@/lib/actions/result";
import { refuseWithout } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import type { ContactInput } from "@/lib/contacts/contact-input";
import { createContact } from "@/lib/contacts/mutations";
import { loadVisibleContact } from "@/lib/contacts/queries";
import { contactVisibleTo } from "@/lib/contacts/visibility";
import { parseId } from "@/lib/sql/ids";
import { attendanceOpenTo } from "./scope";

// "Criar contato" in the middle of an attendance: the contact form's schema and rules, written by
// the contact writer with source "live", and the attendance linked to it in the same transaction.
// Or, when the customer is already a contact the viewer sees, that contact linked instead.

const notFound = () => failure("not_found", "Atendimento não encontrado.");
const alreadyLinked = () => failure("conflict", "Este atendimento já tem um contato.");

/**
 * Links the attendance to the contact, if the viewer may open the attendance and it has none yet;
 * false otherwise. Its place in the queue follows the contact's priority from now on.
 */
async function link(tx: Transaction, viewer: Viewer, attendanceId: string, contactId: string): Promise<boolean> {
  const linked = rowsOf(
    await tx.execute(sql`
      update attendances a set contact_id = ${contactId}::uuid,
        priority_rank = (select priority_rank from contacts where organization_id = a.organization_id and id = ${contactId}::uuid)
      where a.organization_id = ${viewer.organizationId}::uuid and a.id = ${attendanceId}::uuid and a.contact_id is null and ${attendanceOpenTo(viewer)}
      returning a.id`),
  );
  return linked.length === 1;
}

async function attendanceWithoutContact(viewer: Viewer, attendanceId: string) {
  const [row] = rowsOf<{ channel: string; address: string; contact_id: string | null }>(
    await getDb().execute(sql`
      select a.channel, a.address, a.contact_id from attendances a
      where a.organization_id = ${viewer.organizationId}::uuid and a.id = ${attendanceId}::uuid and ${attendanceOpenTo(viewer)}`),
  );
  return row ?? null;
}

export async function createContactForAttendance(viewer: Viewer, rawAttendanceId: string, input: ContactInput): Promise<ActionResult<{ id: string }>> {
  const refused = refuseWithout(viewer, "contacts.create");
  if (refused) return refused;
  const attendanceId = parseId(rawAttendanceId);
  const attendance = attendanceId ? await attendanceWithoutContact(viewer, attendanceId) : null;
  if (!attendanceId || !attendance) return notFound();
  if (attendance.contact_id) return alreadyLinked();
  class AlreadyLinked extends Error {}
  try {
    return await createContact(viewer, input, "live", async (tx, id) => {
      // Linked meanwhile by someone else: the new contact is not kept either.
      if (!(await link(tx, viewer, attendanceId, id))) throw new AlreadyLinked();
    });
  } catch (error) {
    if (error instanceof AlreadyLinked) return alreadyLinked();
    throw error;
  }
}

export async function linkContactToAttendance(viewer: Viewer, rawAttendanceId: string, rawContactId: string): Promise<ActionResult> {
  const attendanceId = parseId(rawAttendanceId);
  const contact = await loadVisibleContact(viewer, rawContactId);
  if (!attendanceId || !contact) return failure("not_found", "Contato não encontrado.");
  const linked = await getDb().transaction((tx) => link(tx, viewer, attendanceId, contact.id));
  return linked ? { ok: true } : alreadyLinked();
}

export type MatchingContact = { id: string; name: string; customerCode: string };

/**
 * The visible contacts that already have the attendance's phone or e-mail, or the código typed in
 * the form (after it was refused as in use), to link instead of creating one.
 */
export async function contactsMatchingAttendance(viewer: Viewer, rawAttendanceId: string, customerCode?: string): Promise<MatchingContact[]> {
  const attendanceId = parseId(rawAttendanceId);
  const attendance = attendanceId ? await attendanceWithoutContact(viewer, attendanceId) : null;
  if (!attendance || attendance.contact_id) return [];
  const list = attendance.channel === "email" ? sql`contacts.emails` : sql`contacts.phones`;
  return rowsOf<{ id: string; name: string; customer_code: string }>(
    await getDb().execute(sql`
      select contacts.id, contacts.name, contacts.customer_code from contacts
      where ${contactVisibleTo(viewer)}
        and (${list} @> array[${attendance.address}]::text[] ${customerCode ? sql`or contacts.customer_code = ${customerCode}` : sql``})
      order by contacts.updated_at desc limit 5`),
  ).map((row) => ({ id: row.id, name: row.name, customerCode: row.customer_code }));
}
