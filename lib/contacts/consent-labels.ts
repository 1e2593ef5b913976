import type { ConsentRecord } from "@/db/schema";
import type { Channel, ConsentStatus } from "@/db/enums";
import { formatDateTime } from "@/lib/format/date";
import { channelLabels, channels } from "@/lib/messages/channels";
import { changeSourceLabels } from "./change-sources";

// Client-safe: a contact's consent (LGPD) in words, for the form, the contact page, the history and
// the refusals of whatever would message a contact (API, campaigns). A channel with no record is
// "não informado", and not reachable: without consent, no message.

export { consentStatuses, type ConsentStatus } from "@/db/enums";
export type { ConsentRecord, ContactConsent } from "@/db/schema";

export const consentStatusLabels: Record<ConsentStatus, string> = { granted: "Aceita", denied: "Não aceita" };
export const noConsentLabel = "Não informado";

/** The status as a sentence says it: "aceita", "não aceita", "não informado". */
export const consentStatusWords = (status: ConsentStatus | null) => (status ? consentStatusLabels[status] : noConsentLabel).toLowerCase();

/** How a recorded answer came to be: "Registrado em 12/03/2026 às 14:05 por Ana Souza, pelo formulário". */
export const describeConsentRecord = (record: ConsentRecord) =>
  `Registrado em ${formatDateTime(new Date(record.at))} por ${record.by}, ${changeSourceLabels[record.source]}`;

/** Why a message to a contact is refused on `channel`: no consent recorded, or consent denied. */
export const consentRefusalMessage = (channel: Channel) => `O contato não aceita mensagens por ${channelLabels[channel]}.`;

/** A channel's consent as the history names the field ("consent.whatsapp"), one entry per channel. */
export type ConsentHistoryField = `consent.${Channel}`;
export const consentHistoryField = (channel: Channel): ConsentHistoryField => `consent.${channel}`;
export const channelOfConsentField = (field: string): Channel | null => channels.find((channel) => field === consentHistoryField(channel)) ?? null;
