import type { Channel } from "@/db/enums";

// Client-safe: the channels' names, for every screen that shows one (Live, templates, campaigns, consent).

export { channels, type Channel } from "@/db/enums";

export const channelLabels: Record<Channel, string> = { whatsapp: "WhatsApp", sms: "SMS", email: "E-mail" };
