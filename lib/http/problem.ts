import "server-only";
import { z } from "zod";
import { apiScopeLabels, type ApiScope } from "@/lib/api-keys/api-key-input";
import { authenticateApiKey, type ApiClient, type RateLimit } from "@/lib/api-keys/authenticate";

// The public API's errors, as RFC 9457 problem details: every refusal of /api/v1 is one of these,
// in Portuguese, with the field errors of the same zod schemas the forms use.

export type ProblemInit = {
  detail?: string;
  /** A URI naming the kind of problem; "about:blank" when the status says it all. */
  type?: string;
  /** Field errors, keyed by the field's dotted path ("phones.0"). */
  errors?: Record<string, string[]>;
  headers?: HeadersInit;
};

export function problem(status: number, title: string, init: ProblemInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/problem+json");
  headers.set("content-language", "pt-BR");
  const body = { type: init.type ?? "about:blank", title, status, detail: init.detail, errors: init.errors };
  return new Response(JSON.stringify(body), { status, headers });
}

/** A body its schema refused: 422 with every field's messages (not only the first), in Portuguese. */
export function problemFromZod(error: z.ZodError, status = 422): Response {
  const { errors, general } = portugueseIssues(error);
  return problem(status, status === 422 ? "Dados inválidos" : "Parâmetros inválidos", {
    detail: general.length > 0 ? general.join(" ") : "Corrija os campos indicados em errors.",
    errors,
  });
}

/** Every issue of a refusal, keyed by the field's dotted path ("phones.0"), in Portuguese; `general` for the whole input. */
export function portugueseIssues(error: z.ZodError): { errors: Record<string, string[]>; general: string[] } {
  const errors: Record<string, string[]> = {};
  const general: string[] = [];
  const add = (path: PropertyKey[], message: string) => {
    if (path.length === 0) general.push(message);
    else (errors[path.map(String).join(".")] ??= []).push(message);
  };
  for (const issue of error.issues) {
    // An unknown key is named on its own path, whatever message the object's schema gives itself.
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) add([...issue.path, key], "Campo desconhecido: remova-o.");
    } else {
      add(issue.path, isDefaultMessage(issue) ? portugueseMessage(issue) : issue.message);
    }
  }
  return { errors, general };
}

const english = z.locales.en().localeError;

// The schemas' own messages are Portuguese; zod's defaults (a field of the wrong type, a key no
// schema names) are English: those are told apart by being exactly what zod's English locale writes
// for the issue. An invalid_type message names the value received, which the issue no longer holds.
function isDefaultMessage(issue: z.core.$ZodIssue): boolean {
  const standard = english(issue as Parameters<typeof english>[0]);
  const text = typeof standard === "string" ? standard : standard?.message;
  if (!text) return false;
  if (issue.code === "invalid_type") return issue.message.startsWith(text.replace(/received .*$/, "received "));
  return issue.message === text;
}

const typeNames: Record<string, string> = {
  string: "um texto",
  number: "um número",
  int: "um número inteiro",
  boolean: "true ou false",
  object: "um objeto",
  array: "uma lista",
  date: "uma data",
  bigint: "um número inteiro",
};

const formatNames: Record<string, string> = {
  email: "E-mail inválido.",
  uuid: "Identificador inválido.",
  guid: "Identificador inválido.",
  url: "URL inválida.",
  datetime: "Data e hora inválidas: use o formato ISO 8601 (2026-03-05T14:30:00-03:00).",
  date: "Data inválida: use o formato AAAA-MM-DD.",
};

function portugueseMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.message.endsWith("received undefined")) return "Campo obrigatório.";
      return `Tipo inválido: esperado ${typeNames[issue.expected] ?? issue.expected}.`;
    case "too_small": {
      const n = Number(issue.minimum);
      if (issue.origin === "string") return n <= 1 ? "Campo obrigatório." : `Use ao menos ${n} caracteres.`;
      if (issue.origin === "array" || issue.origin === "set") return `Informe ao menos ${n} ${n === 1 ? "item" : "itens"}.`;
      return issue.inclusive ? `O valor mínimo é ${n}.` : `O valor deve ser maior que ${n}.`;
    }
    case "too_big": {
      const n = Number(issue.maximum);
      if (issue.origin === "string") return `Use até ${n} caracteres.`;
      if (issue.origin === "array" || issue.origin === "set") return `Informe até ${n} ${n === 1 ? "item" : "itens"}.`;
      return issue.inclusive ? `O valor máximo é ${n}.` : `O valor deve ser menor que ${n}.`;
    }
    case "invalid_value":
      return `Valor inválido: use ${issue.values.map((value) => (typeof value === "string" ? `"${value}"` : String(value))).join(", ")}.`;
    case "invalid_format":
      return formatNames[issue.format] ?? "Formato inválido.";
    case "not_multiple_of":
      return `O valor deve ser múltiplo de ${issue.divisor}.`;
    default:
      return "Valor inválido.";
  }
}

export const JSON_BODY_MAX_BYTES = 64 * 1024;

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

const jsonMediaType = /^application\/([a-z0-9.+-]+\+)?json$/;
const invalidJson = (detail: string) => ({ ok: false as const, response: problem(400, "JSON inválido", { detail }) });

/**
 * Reads a JSON request body of at most `maxBytes`, streamed: a bigger body is refused as soon as
 * it passes the limit (or at once, by its Content-Length), never held whole in memory.
 */
export async function readJsonBody(request: Request, maxBytes = JSON_BODY_MAX_BYTES): Promise<JsonBody> {
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (!jsonMediaType.test(mediaType)) {
    return { ok: false, response: problem(415, "Tipo de conteúdo não suportado", { detail: "Envie o corpo em JSON, com Content-Type: application/json." }) };
  }
  const tooBig = () => ({
    ok: false as const,
    response: problem(413, "Corpo grande demais", { detail: `O corpo pode ter até ${Math.floor(maxBytes / 1024)} KiB.` }),
  });
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return tooBig();

  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes) {
          await reader.cancel().catch(() => {});
          return tooBig();
        }
        chunks.push(value);
      }
    } catch {
      // The client went away mid-body, or sent a body shorter than its Content-Length.
      return invalidJson("O corpo chegou incompleto.");
    }
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    return invalidJson("O corpo não está em UTF-8.");
  }
  if (text.trim() === "") return invalidJson("O corpo está vazio: envie um objeto JSON.");
  let nul = false;
  let value: unknown;
  try {
    value = JSON.parse(text, (_key, item) => {
      if (typeof item === "string" && item.includes("\u0000")) nul = true;
      return item;
    });
  } catch {
    return invalidJson("O corpo não é um JSON válido.");
  }
  // PostgreSQL refuses NUL in text and jsonb with an error: no legitimate value holds one.
  if (nul) return invalidJson("O JSON contém o caractere nulo (\\u0000), que não é aceito.");
  return { ok: true, value };
}

export type ApiClientCheck = { ok: true; client: ApiClient } | { ok: false; response: Response };

/**
 * The API client of a request, allowed `scope`: 401 without a valid key (RFC 6750: the challenge
 * names the error only when a key was sent), 429 past the key's requests per minute, 403 when the
 * key lacks the scope.
 */
export async function requireApiClient(request: Request, scope: ApiScope): Promise<ApiClientCheck> {
  const header = request.headers.get("authorization");
  const client = await authenticateApiKey(header);
  if (!client) {
    return {
      ok: false,
      response: header
        ? problem(401, "Chave de API inválida", {
            detail: "A chave enviada não existe ou foi revogada.",
            headers: { "WWW-Authenticate": 'Bearer error="invalid_token"' },
          })
        : problem(401, "Chave de API ausente", {
            detail: "Envie a chave no cabeçalho Authorization: Bearer <chave>.",
            headers: { "WWW-Authenticate": "Bearer" },
          }),
    };
  }
  if (client.rateLimit.remaining < 0) {
    return {
      ok: false,
      response: problem(429, "Limite de requisições atingido", {
        detail: `Esta chave pode fazer ${client.rateLimit.limit} requisições por minuto. Tente de novo em ${client.rateLimit.resetSeconds} s.`,
        headers: { "Retry-After": String(client.rateLimit.resetSeconds), ...rateLimitHeaders(client.rateLimit) },
      }),
    };
  }
  if (!client.scopes.includes(scope)) {
    return {
      ok: false,
      response: problem(403, "Permissão insuficiente", {
        detail: `Esta chave não tem a permissão “${apiScopeLabels[scope]}” (${scope}).`,
        headers: { "WWW-Authenticate": `Bearer error="insufficient_scope", scope="${scope}"` },
      }),
    };
  }
  return { ok: true, client };
}

/** The key's window, as the IETF RateLimit fields (draft-ietf-httpapi-ratelimit-headers) name it. */
export function rateLimitHeaders(rate: RateLimit): Record<string, string> {
  return {
    "RateLimit-Limit": String(rate.limit),
    "RateLimit-Remaining": String(Math.max(0, rate.remaining)),
    "RateLimit-Reset": String(rate.resetSeconds),
  };
}
