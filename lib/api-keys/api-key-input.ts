import { z } from "zod";
import { segmentIdsField } from "@/lib/contacts/contact-input";
import { hasControlCharacters } from "@/lib/sql/values";

// Shared by the "Nova chave" form, its server action and the data layer: client-safe, no server imports.

/** What an API key may be used for; a route handler names the one it needs (lib/http/problem.ts, requireApiClient). */
export const apiScopes = ["contacts:read", "contacts:write", "messages:send", "attendances:write"] as const;
export type ApiScope = (typeof apiScopes)[number];

export const apiScopeLabels: Record<ApiScope, string> = {
  "contacts:read": "Ler contatos",
  "contacts:write": "Criar e alterar contatos",
  "messages:send": "Enviar mensagens",
  "attendances:write": "Registrar atendimentos (Live)",
};

export const API_KEY_NAME_MAX = 80;
export const REQUESTS_PER_MINUTE_DEFAULT = 600;
export const REQUESTS_PER_MINUTE_MAX = 100_000;

export const apiKeyInput = z.object({
  name: z
    .string({ error: "Dê um nome à chave." })
    .trim()
    .min(1, { error: "Dê um nome à chave." })
    .max(API_KEY_NAME_MAX, { error: `O nome pode ter até ${API_KEY_NAME_MAX} caracteres.` })
    .refine((value) => !hasControlCharacters(value), { error: "O nome tem caracteres de controle: digite-o de novo." }),
  scopes: z
    .array(z.enum(apiScopes, { error: "Escolha permissões da lista." }), { error: "Escolha ao menos uma permissão." })
    .min(1, { error: "Escolha ao menos uma permissão." })
    // Stored in the list's order, each once, whatever order the form sent them in.
    .transform((chosen) => apiScopes.filter((scope) => chosen.includes(scope))),
  // None: the whole organization.
  segmentIds: segmentIdsField,
  // Left out or blank: the default.
  requestsPerMinute: z.preprocess(
    (value) => (value === null || value === "" ? undefined : value),
    z.coerce
      .number({ error: "Informe um número de requisições por minuto." })
      .int({ error: "Informe um número inteiro." })
      .min(1, { error: "Permita ao menos 1 requisição por minuto." })
      .max(REQUESTS_PER_MINUTE_MAX, { error: `O limite é de até ${REQUESTS_PER_MINUTE_MAX.toLocaleString("pt-BR")} requisições por minuto.` })
      .default(REQUESTS_PER_MINUTE_DEFAULT),
  ),
});
export type ApiKeyInput = z.output<typeof apiKeyInput>;
