import "server-only";
import { channels, type Channel } from "@/db/enums";
import { emailProvider } from "./email";
import { notConnectedProvider } from "./not-connected";
import type { MessageProvider } from "./provider";

// Each channel's provider: the one place a real WhatsApp or SMS provider is plugged in.
const providers: Record<Channel, MessageProvider> = {
  email: emailProvider,
  whatsapp: notConnectedProvider("whatsapp"),
  sms: notConnectedProvider("sms"),
};

export function providerFor(channel: Channel): MessageProvider {
  return providers[channel];
}

/** The channels whose messages delivery sends now. */
export function connectedChannels(): Channel[] {
  return channels.filter((channel) => providers[channel].connected());
}

/** Per channel, whether its messages are sent (true) or stay queued (false): for Live's screens and the API. */
export function providerStatus(): Record<Channel, boolean> {
  return Object.fromEntries(channels.map((channel) => [channel, providers[channel].connected()])) as Record<Channel, boolean>;
}
