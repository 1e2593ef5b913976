import type { Channel } from "@/db/enums";
import { formatPhone } from "@/lib/phones/phone";

/** A customer's address as people read it: a phone "(11) 98765-4321", an e-mail as stored. */
export function formatAddress(channel: Channel, address: string): string {
  return channel === "email" ? address : formatPhone(address);
}
