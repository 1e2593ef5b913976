import type { ActionResult } from "@/lib/actions/result";
import { channels, type Channel } from "@/lib/messages/channels";
import { consentStatuses, type ConsentStatus } from "./consent-labels";
import { priorities, type Priority } from "./priority";

/** The form's radio group of a channel's consent; "Não informado" submits "". */
export const consentInputName = (channel: Channel) => `consent.${channel}`;

/** Reads the contact form's fields (repeated names for lists) into the raw shape contactInput parses. */
export function readContactForm(formData: FormData) {
  const text = (key: string) => (formData.get(key) as string | null) ?? undefined;
  const list = (key: string) => formData.getAll(key).filter((v): v is string => typeof v === "string");
  return {
    name: text("name"),
    document: text("document"),
    customerCode: text("customerCode"),
    responsibleUserId: text("responsibleUserId"),
    tags: list("tags"),
    priority: text("priority"),
    segmentIds: list("segmentIds"),
    phones: list("phones"),
    emails: list("emails"),
    consent: { whatsapp: text(consentInputName("whatsapp")), sms: text(consentInputName("sms")), email: text(consentInputName("email")) },
  };
}

/** What the contact form shows in its fields. */
export type ContactFormValues = {
  name: string;
  document: string;
  customerCode: string;
  responsibleUserId: string;
  tags: string[];
  priority: Priority;
  segmentIds: string[];
  phones: string[];
  emails: string[];
  /** Per channel: the chosen answer, "" for "Não informado". */
  consent: Record<Channel, ConsentStatus | "">;
};

/**
 * A contact action's answer. A refused one carries what was typed: a form posted before hydration
 * (slow network, scripts blocked) comes back as a new page, which only this can fill again.
 */
export type ContactFormResult = ActionResult<{ id: string }> & { values?: ContactFormValues };

/** The form's values as submitted, exactly as typed (nothing here is parsed or checked). */
export function submittedContactValues(formData: FormData): ContactFormValues {
  const raw = readContactForm(formData);
  return {
    ...raw,
    name: raw.name ?? "",
    document: raw.document ?? "",
    customerCode: raw.customerCode ?? "",
    responsibleUserId: raw.responsibleUserId ?? "",
    priority: priorities.find((p) => p === raw.priority) ?? "medium",
    consent: Object.fromEntries(channels.map((channel) => [channel, consentStatuses.find((s) => s === raw.consent[channel]) ?? ""])) as ContactFormValues["consent"],
  };
}

type ContactFormAction = (previous: ContactFormResult | null, formData: FormData) => Promise<ContactFormResult>;

/** A refused submit answers with what was typed, for the form to show again (see ContactFormResult). */
export const keepingWhatWasTyped =
  (action: ContactFormAction): ContactFormAction =>
  async (previous, formData) => {
    const result = await action(previous, formData);
    return result.ok ? result : { ...result, values: submittedContactValues(formData) };
  };
