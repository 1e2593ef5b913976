import { channelLabels, type Channel } from "./channels";

// Client-safe: what the reply box says about sending, for the attendance's channel and whether
// its provider is connected (providerStatus(), lib/messages/providers).

export function deliveryNote(channel: Channel, connected: boolean): string {
  if (channel === "email") {
    return connected
      ? "Respostas por e-mail são enviadas pelo servidor SMTP configurado; cada uma mostra se foi enviada ou por que falhou."
      : "O envio de e-mail não está configurado (SMTP): as respostas ficam na fila de envio.";
  }
  const label = channelLabels[channel];
  return connected
    ? `Respostas por ${label} são enviadas; cada uma mostra se foi enviada ou por que falhou.`
    : `O envio por ${label} ainda não está conectado: as respostas ficam na fila de envio. O e-mail é enviado quando o servidor SMTP está configurado.`;
}
