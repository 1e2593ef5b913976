import { apiRoute } from "@/lib/http/api-route";
import { readIdempotencyKey } from "@/lib/http/idempotency";
import { problem, problemFromZod, readJsonBody } from "@/lib/http/problem";
import { sendMessage } from "@/lib/messages/send-message";
import { sendMessageInput } from "@/lib/messages/send-message-input";

// POST /api/v1/messages — Send Message (scope messages:send): one message to one contact, found by
// código (or phone, or e-mail), from a template or a free text, into the outbox. 201 with the
// message; a replay of the same Idempotency-Key and body answers it again (Idempotent-Replayed).

export const POST = apiRoute("POST /api/v1/messages", "messages:send", async ({ request, viewer }) => {
  const idempotencyKey = readIdempotencyKey(request.headers);
  if (!idempotencyKey.ok) return idempotencyKey.response;
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const parsed = sendMessageInput.safeParse(body.value);
  if (!parsed.success) return problemFromZod(parsed.error);
  const sent = await sendMessage(viewer, parsed.data, idempotencyKey.key);
  if (!sent.ok) {
    return sent.code === "conflict"
      ? problem(409, "Conflito", { detail: sent.message })
      : problem(422, "Mensagem recusada", { detail: sent.message, errors: sent.fieldErrors as Record<string, string[]> });
  }
  const headers: Record<string, string> = { Location: new URL(`/api/v1/messages/${sent.message.id}`, request.url).toString() };
  if (sent.replayed) headers["Idempotent-Replayed"] = "true";
  return Response.json(sent.message, { status: 201, headers });
});
