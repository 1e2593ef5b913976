import type { Channel } from "@/db/enums";

// What delivery (lib/messages/delivery.ts) needs of a channel's provider. A provider never throws
// for a refused or failed send: it answers whether trying again later may help.

/** An outbound message as delivery hands it to its channel's provider. */
export type OutgoingMessage = {
  organizationId: string;
  id: string;
  channel: Channel;
  /** E.164 phone or e-mail address, as the outbox holds it. */
  address: string;
  /** E-mail only. */
  subject: string | null;
  body: string;
};

/** Sent; or not, and then `permanent` when no later attempt can succeed (an unknown mailbox). */
export type SendResult = { ok: true } | { ok: false; error: string; permanent: boolean };

export interface MessageProvider {
  channel: Channel;
  /** Configured to send: delivery takes only the messages of connected channels; the rest stay queued. */
  connected(): boolean;
  send(message: OutgoingMessage): Promise<SendResult>;
}

/** How many messages delivery sends at once per channel; a provider may keep as many connections. */
export const SENDS_AT_ONCE = 5;
