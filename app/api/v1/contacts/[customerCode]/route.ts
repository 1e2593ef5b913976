import { customerCodeField } from "@/lib/contacts/contact-input";
import { getApiContact, patchApiContact, putApiContact, type ApiContactWrite, type Precondition } from "@/lib/contacts/api-contacts";
import { apiRoute } from "@/lib/http/api-route";
import { etagOf, readPreconditions } from "@/lib/http/preconditions";
import { problem, readJsonBody } from "@/lib/http/problem";

// /api/v1/contacts/{customerCode} — one contact by its código do cliente, the key of integrations.
// GET (contacts:read) answers it with its version as ETag; PUT creates or replaces it and PATCH
// changes some fields (contacts:write), refusing a stale If-Match with 412. Every change is written by
// the contact writer, and its history names the key: "API (<key name>)".

type Params = { customerCode: string };

const notFound = () => problem(404, "Contato não encontrado", { detail: "Nenhum contato visível para esta chave tem este código." });

/** The código of the address, or null when it cannot be one (then nothing has it). */
function codeOf(params: Params): string | null {
  const parsed = customerCodeField.safeParse(params.customerCode);
  return parsed.success && parsed.data === params.customerCode ? parsed.data : null;
}

export const GET = apiRoute<Params>("GET /api/v1/contacts/{customerCode}", "contacts:read", async ({ viewer, params }) => {
  const code = codeOf(params);
  const contact = code ? await getApiContact(viewer, code) : null;
  if (!contact) return notFound();
  return Response.json(contact, { headers: { ETag: etagOf(contact.version) } });
});

export const PUT = apiRoute<Params>("PUT /api/v1/contacts/{customerCode}", "contacts:write", (call) =>
  writeContact(call.request, call.params, (code, body, precondition) => putApiContact(call.viewer, code, body, precondition)),
);

export const PATCH = apiRoute<Params>("PATCH /api/v1/contacts/{customerCode}", "contacts:write", (call) =>
  writeContact(call.request, call.params, (code, body, precondition) => patchApiContact(call.viewer, code, body, precondition)),
);

async function writeContact(
  request: Request,
  params: Params,
  write: (code: string, body: unknown, precondition: Precondition) => Promise<ApiContactWrite>,
): Promise<Response> {
  const preconditions = readPreconditions(request.headers);
  if (!preconditions.ok) return problem(400, "Pré-condição inválida", { detail: preconditions.detail });
  const code = codeOf(params);
  if (!code) {
    return problem(422, "Dados inválidos", { detail: "Código do cliente inválido no endereço.", errors: { customerCode: ["Use até 64 caracteres, sem espaços."] } });
  }
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const written = await write(code, body.value, preconditions.precondition);
  if (written.ok) {
    const { contact, created } = written;
    const headers: Record<string, string> = { ETag: etagOf(contact.version) };
    if (created) headers.Location = new URL(`/api/v1/contacts/${encodeURIComponent(contact.customerCode)}`, request.url).toString();
    return Response.json(contact, { status: created ? 201 : 200, headers });
  }
  switch (written.code) {
    case "precondition_failed":
      return problem(412, "Pré-condição falhou", { detail: written.message });
    case "not_found":
      return notFound();
    case "forbidden":
    case "invalid":
      return problem(422, "Dados inválidos", { detail: written.message, errors: written.fieldErrors as Record<string, string[]> });
    default:
      return problem(409, "Conflito", { detail: written.message });
  }
}
