import { channelLabels, type Channel } from "./channels";

// Client-safe: what Live's reply box and a campaign say about sending, for a channel and whether
// its provider is connected (providerStatus(), lib/messages/providers).

export function deliveryNote(channel: Channel, connected: boolean): string {
  if (channel === "email") {
    return connected
      ? "Mensagens por e-mail são enviadas pelo servidor SMTP configurado; cada uma mostra se foi enviada ou por que falhou."
      : "O envio de e-mail não está configurado (SMTP): as mensagens ficam na fila de envio.";
  }
  const label = channelLabels[channel];
  return connected
    ? `Mensagens por ${label} são enviadas; cada uma mostra se foi enviada ou por que falhou.`
    : `O envio por ${label} ainda não está conectado: as mensagens ficam na fila de envio. O e-mail é enviado quando o servidor SMTP está configurado.`;
}
