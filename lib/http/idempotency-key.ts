// What an Idempotency-Key may be: 1 to 255 visible ASCII characters, no spaces. Client-safe: the
// OpenAPI document (lib/api/openapi.ts) describes it, and lib/http/idempotency.ts reads it.
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
