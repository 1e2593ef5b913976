import { logFailure } from "@/lib/actions/log-failure";
import { problem, problemFromZod, readJsonBody, requireApiClient } from "@/lib/http/problem";
import { attendanceInput } from "@/lib/live/attendance-input";
import { receiveAttendance } from "@/lib/live/receive";

// POST /api/v1/attendances — a customer's message from an integration (scope attendances:write).
// 201 with the new attendance; 200 when the message continues one that is waiting or open, or
// replays an earlier request with the same Idempotency-Key (then `Idempotent-Replayed: true`).
// Errors are RFC 9457 problem details in Portuguese.

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export async function POST(request: Request) {
  const auth = await requireApiClient(request, "attendances:write");
  if (!auth.ok) return auth.response;
  const idempotencyKey = request.headers.get("idempotency-key");
  if (idempotencyKey !== null && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    return problem(400, "Idempotency-Key inválida", { detail: "Use de 1 a 255 caracteres visíveis, sem espaços." });
  }
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const parsed = attendanceInput.safeParse(body.value);
  if (!parsed.success) return problemFromZod(parsed.error);
  try {
    const received = await receiveAttendance(auth.client, parsed.data, idempotencyKey);
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
  } catch (error) {
    logFailure("POST /api/v1/attendances", error);
    return problem(500, "Erro interno", { detail: "Não foi possível registrar agora. Tente novamente em instantes." });
  }
}
