import type { Metadata } from "next";
import { ApiReference } from "@/components/api-docs/api-reference";
import { openApiDocument } from "@/lib/api/openapi";

// Public, like /api/v1/openapi.json: an integrator's developer reads it without a login. Outside
// the (app) layout, which would send them to sign in.

export const metadata: Metadata = {
  title: "Referência da API",
  description: "A API REST da Carteira: autenticação, limites, erros, operações e esquemas.",
};

let apiDocument: ReturnType<typeof openApiDocument> | undefined;

export default function ApiDocsPage() {
  apiDocument ??= openApiDocument();
  return <ApiReference document={apiDocument} />;
}
