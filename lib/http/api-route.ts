import "server-only";
import { logFailure } from "@/lib/actions/log-failure";
import type { ApiScope } from "@/lib/api-keys/api-key-input";
import { apiViewer } from "@/lib/api-keys/api-viewer";
import type { ApiClient } from "@/lib/api-keys/authenticate";
import type { Viewer } from "@/lib/auth/viewer";
import { problem, rateLimitHeaders, requireApiClient } from "./problem";

export type ApiRequest<P> = { request: Request; client: ApiClient; viewer: Viewer; params: P };

/**
 * A route handler of /api/v1: authenticates the key and its scope (401/429/403), runs the handler as
 * the key's viewer, adds the rate-limit fields to the answer, and turns anything unexpected into a
 * 500 problem in Portuguese (logged) rather than Next's HTML error page.
 */
export function apiRoute<P = Record<string, never>>(name: string, scope: ApiScope, handler: (call: ApiRequest<P>) => Promise<Response>) {
  return async (request: Request, context?: { params: Promise<P> }): Promise<Response> => {
    try {
      const auth = await requireApiClient(request, scope);
      if (!auth.ok) return auth.response;
      // Next always passes the context; a test calling the handler directly may not.
      const params = (await context?.params) as P;
      const response = await handler({ request, client: auth.client, viewer: apiViewer(auth.client), params });
      for (const [header, value] of Object.entries(rateLimitHeaders(auth.client.rateLimit))) response.headers.set(header, value);
      return response;
    } catch (error) {
      logFailure(name, error);
      return problem(500, "Erro interno", { detail: "Não foi possível atender agora. Tente novamente em instantes." });
    }
  };
}
