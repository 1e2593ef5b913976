import { apiRoute } from "@/lib/http/api-route";
import { problem } from "@/lib/http/problem";
import { getApiMessage } from "@/lib/messages/send-message";
import { parseId } from "@/lib/sql/ids";

// GET /api/v1/messages/{id} — a message's delivery status (scope messages:send).

export const GET = apiRoute<{ id: string }>("GET /api/v1/messages/{id}", "messages:send", async ({ viewer, params }) => {
  const id = parseId(params.id);
  const message = id ? await getApiMessage(viewer, id) : null;
  if (!message) return problem(404, "Mensagem não encontrada", { detail: "Nenhuma mensagem desta organização, visível para esta chave, tem este id." });
  return Response.json(message);
});
