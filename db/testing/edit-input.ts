import { contactInput, type RawContactInput } from "@/lib/contacts/contact-input";
import type { LoadedContact } from "@/lib/contacts/queries";

/** What the edit form sends for a stored contact: its values, the segments the viewer may edit, and overrides. */
export function editInput(current: LoadedContact, editable: (segmentId: string) => boolean, overrides: Partial<RawContactInput> = {}) {
  return contactInput.parse({
    name: current.name,
    document: current.document,
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
