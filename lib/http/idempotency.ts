import "server-only";
import { IDEMPOTENCY_KEY } from "./idempotency-key";
import { problem } from "./problem";

// Idempotency-Key (draft-ietf-httpapi-idempotency-key-header, Stripe's model): a request sent again
// with the same key answers the first result; the same key with other content is a 409.

export type IdempotencyKeyCheck = { ok: true; key: string | null } | { ok: false; response: Response };

/** The request's Idempotency-Key (null without one), or a 400 when it is malformed. */
export function readIdempotencyKey(headers: Headers): IdempotencyKeyCheck {
  const key = headers.get("idempotency-key");
  if (key !== null && !IDEMPOTENCY_KEY.test(key)) {
    return { ok: false, response: problem(400, "Idempotency-Key inválida", { detail: "Use de 1 a 255 caracteres visíveis, sem espaços." }) };
  }
  return { ok: true, key };
}
