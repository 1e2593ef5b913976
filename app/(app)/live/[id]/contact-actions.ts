"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { failure, type ActionResult } from "@/lib/actions/result";
import { validatedAction, withViewer } from "@/lib/actions/validated-action";
import { contactInput } from "@/lib/contacts/contact-input";
import { keepingWhatWasTyped, readContactForm } from "@/lib/contacts/contact-form-data";
import { contactsMatchingAttendance, createContactForAttendance, linkContactToAttendance } from "@/lib/live/attendance-contact";
import { parseId } from "@/lib/sql/ids";

// "Criar contato" in the middle of an attendance, and linking a contact that already exists.

const attendanceNotFound = () => failure("not_found", "Atendimento não encontrado.");

/** The contact form's action, with the attendance's id as a hidden field. */
export const createContactForAttendanceAction = keepingWhatWasTyped(
  validatedAction<typeof contactInput, { id: string }>("createContactForAttendanceAction", contactInput, readContactForm, async (viewer, input, formData) => {
    const attendanceId = parseId(formData.get("attendanceId"));
    if (!attendanceId) return attendanceNotFound();
    const result = await createContactForAttendance(viewer, attendanceId, input);
    if (!result.ok) {
      // The código belongs to a contact the viewer sees: the panel offers to link it instead.
      const taken = result.fieldErrors.customerCode && (await contactsMatchingAttendance(viewer, attendanceId, input.customerCode)).length > 0;
      if (taken) redirect(`/live/${attendanceId}?codigo=${encodeURIComponent(input.customerCode)}`);
      return result;
    }
    revalidatePath(`/live/${attendanceId}`);
    redirect(`/live/${attendanceId}?toast=contact-created`);
  }),
);

export async function linkContactAction(rawAttendanceId: string, rawContactId: string): Promise<ActionResult> {
  return withViewer("linkContactAction", async (viewer) => {
    const attendanceId = parseId(rawAttendanceId);
    if (!attendanceId) return attendanceNotFound();
    const result = await linkContactToAttendance(viewer, attendanceId, rawContactId);
    if (!result.ok) return result;
    revalidatePath(`/live/${attendanceId}`);
    redirect(`/live/${attendanceId}?toast=contact-linked`);
  });
}
