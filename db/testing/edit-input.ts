import { contactUpdateInput, type RawContactInput } from "@/lib/contacts/contact-input";
import type { getContactForEdit } from "@/lib/contacts/queries";

type EditedContact = NonNullable<Awaited<ReturnType<typeof getContactForEdit>>>;

/**
 * What the edit form sends for a stored contact: its values, the segments the viewer may edit, and
 * overrides. Like the form, it leaves the (masked) document out unless an override replaces it.
 */
export function editInput(current: EditedContact, editable: (segmentId: string) => boolean, overrides: Partial<RawContactInput> = {}) {
  return contactUpdateInput.parse({
    name: current.name,
    customerCode: current.customerCode,
    responsibleUserId: current.responsibleUserId,
    tags: current.tags,
    priority: current.priority,
    segmentIds: current.segments.map((s) => s.id).filter(editable),
    phones: current.phones,
    emails: current.emails,
    ...overrides,
  });
}
