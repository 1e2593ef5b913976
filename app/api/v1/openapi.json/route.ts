import { openApiDocument } from "@/lib/api/openapi";

// GET /api/v1/openapi.json — the API's contract, public like any API reference: it names no data.

let document: ReturnType<typeof openApiDocument> | undefined;

export function GET() {
  document ??= openApiDocument();
  return Response.json(document, { headers: { "Cache-Control": "public, max-age=300" } });
}
