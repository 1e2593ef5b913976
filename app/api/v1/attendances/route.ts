import { apiRoute } from "@/lib/http/api-route";
import { readIdempotencyKey } from "@/lib/http/idempotency";
import { problem, problemFromZod, readJsonBody } from "@/lib/http/problem";
import { attendanceInput } from "@/lib/live/attendance-input";
import { receiveAttendance } from "@/lib/live/receive";

// POST /api/v1/attendances — a customer's message from an integration (scope attendances:write).
// 201 with the new attendance; 200 when the message continues one that is waiting or open, or
// replays an earlier request with the same Idempotency-Key (then `Idempotent-Replayed: true`).
// Errors are RFC 9457 problem details in Portuguese.

export const POST = apiRoute("POST /api/v1/attendances", "attendances:write", async ({ request, client }) => {
  const idempotencyKey = readIdempotencyKey(request.headers);
  if (!idempotencyKey.ok) return idempotencyKey.response;
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const parsed = attendanceInput.safeParse(body.value);
  if (!parsed.success) return problemFromZod(parsed.error);
  const received = await receiveAttendance(client, parsed.data, idempotencyKey.key);
  if (!received.ok) {
    return received.code === "conflict"
      ? problem(409, "Conflito", { detail: received.message })
      : problem(422, "Dados inválidos", { detail: received.message, errors: received.fieldErrors as Record<string, string[]> });
  }
  const { replayed, ...attendance } = received.attendance;
  return Response.json(attendance, {
    status: attendance.continued ? 200 : 201,
    headers: replayed ? { "Idempotent-Replayed": "true" } : {},
  });
});
