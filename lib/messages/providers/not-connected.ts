import type { Channel } from "@/db/enums";
import type { MessageProvider } from "./provider";

// WhatsApp and SMS have no provider yet. Their outbound messages stay queued ("na fila de envio"):
// delivery takes only connected channels' messages. A real provider (WhatsApp Business Cloud API,
// an SMS gateway) is a MessageProvider of its own file, connected when its settings are in the
// environment (as email.ts reads SMTP_URL), put in place of this one in providers/index.ts; its
// messages then go out on the next delivery run, with the same retries.

export function notConnectedProvider(channel: Channel): MessageProvider {
  return {
    channel,
    connected: () => false,
    send: async () => ({ ok: false, error: "Canal não conectado.", permanent: false }),
  };
}
