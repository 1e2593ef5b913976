import { Badge, type BadgeTone } from "@/components/ui/badge";
import { channelLabels } from "@/lib/messages/channels";

export type Channel = keyof typeof channelLabels;

const channelTones: Record<Channel, BadgeTone> = { whatsapp: "green", sms: "slate", email: "indigo" };

export function ChannelBadge({ channel }: { channel: Channel }) {
  return <Badge tone={channelTones[channel]}>{channelLabels[channel]}</Badge>;
}
