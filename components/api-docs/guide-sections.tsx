import Link from "next/link";
import type { oas32 } from "zod-openapi";
import { apiScopeLabels, apiScopes, REQUESTS_PER_MINUTE_DEFAULT } from "@/lib/api-keys/api-key-input";
import { resolveRef, type ApiDocument, type ApiOperation, type Schema } from "@/lib/api/openapi-document";
import { DocText, InlineCode } from "./doc-text";
import { SchemaTable } from "./schema-table";

// The reference's guide, before the operations: how to authenticate, the rate limit, the errors and
// idempotency. What the document says (schemes, the problem schema, the operations reading an
// Idempotency-Key) comes from it; the rest is how lib/http answers every operation alike.

export const heading = "scroll-mt-4 text-xl font-semibold tracking-tight";
export const prose = "space-y-3 text-sm leading-relaxed text-slate-700";
export const code = "rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em] text-slate-800";
export const link = "font-medium text-indigo-700 underline-offset-2 hover:underline";

export function AuthenticationSection({ document }: { document: ApiDocument }) {
  return (
    <section id="autenticacao" aria-labelledby="autenticacao-titulo" className="space-y-3">
      <h2 id="autenticacao-titulo" className={heading}>
        Autenticação
      </h2>
      <div className={prose}>
        {Object.entries(document.components?.securitySchemes ?? {}).map(([name, value]) => (
          <SecurityScheme key={name} scheme={resolveRef<oas32.SecuritySchemeObject>(document, value)} />
        ))}
        <p>
          Crie uma chave em{" "}
          <Link href="/settings/api-keys" className={link}>
            Configurações → Chaves de API
          </Link>{" "}
          (administradores da organização). A chave aparece uma única vez, na criação: guarde-a num cofre de segredos, nunca no código. Cada
          chave tem só as permissões escolhidas e pode ficar restrita a alguns segmentos; revogada, para de funcionar na hora.
        </p>
        <p>Sem chave, ou com uma chave inválida ou revogada, a resposta é 401; sem a permissão da operação, 403. As permissões:</p>
        <ul className="list-disc space-y-1 pl-5">
          {apiScopes.map((scope) => (
            <li key={scope}>
              <code className={code}>{scope}</code>: {apiScopeLabels[scope]}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

function SecurityScheme({ scheme }: { scheme: oas32.SecuritySchemeObject }) {
  const header =
    scheme.type === "http" && scheme.scheme?.toLowerCase() === "bearer"
      ? "Authorization: Bearer <chave>"
      : scheme.type === "apiKey" && scheme.in === "header"
        ? `${scheme.name}: <chave>`
        : null;
  return (
    <>
      {header && (
        <p>
          Envie a chave em toda requisição, no cabeçalho <code className={code}>{header}</code>.
        </p>
      )}
      {scheme.description && (
        <p>
          <InlineCode text={scheme.description} />
        </p>
      )}
    </>
  );
}

export function RateLimitSection() {
  return (
    <section id="limites" aria-labelledby="limites-titulo" className="space-y-3">
      <h2 id="limites-titulo" className={heading}>
        Limite de requisições
      </h2>
      <div className={prose}>
        <p>
          Cada chave pode fazer um número de requisições por minuto, definido na sua criação ({REQUESTS_PER_MINUTE_DEFAULT} se nada for
          informado). Toda resposta a uma chave válida, com a permissão da operação, traz <code className={code}>RateLimit-Limit</code>, <code className={code}>RateLimit-Remaining</code> e{" "}
          <code className={code}>RateLimit-Reset</code> (segundos até a janela recomeçar).
        </p>
        <p>
          Passado o limite, a resposta é <strong>429</strong> com <code className={code}>Retry-After</code>: espere esses segundos antes de tentar
          de novo. Cada chave tem a sua janela.
        </p>
      </div>
    </section>
  );
}

export function ErrorsSection({ document, operations }: { document: ApiDocument; operations: ApiOperation[] }) {
  const problemSchema = findProblemSchema(document, operations);
  return (
    <section id="erros" aria-labelledby="erros-titulo" className="space-y-3">
      <h2 id="erros-titulo" className={heading}>
        Erros
      </h2>
      <div className={prose}>
        <p>
          Toda recusa é um <em>problem details</em> (RFC 9457), com <code className={code}>Content-Type: application/problem+json</code> e textos
          em português. Nos dados inválidos (422), <code className={code}>errors</code> traz as mensagens de cada campo, pelo caminho do campo:
        </p>
        <pre tabIndex={0} role="region" aria-label="Exemplo de erro" className="overflow-x-auto rounded-lg bg-slate-900 p-4 text-xs text-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
          <code>{JSON.stringify(problemExample, null, 2)}</code>
        </pre>
      </div>
      {problemSchema && <SchemaTable document={document} schema={problemSchema} caption="Campos de um erro (problem details)" />}
    </section>
  );
}

const problemExample = {
  type: "about:blank",
  title: "Dados inválidos",
  status: 422,
  detail: "Corrija os campos indicados em errors.",
  errors: { "phones.0": ["Telefone inválido: 123"], extra: ["Campo desconhecido: remova-o."] },
};

/** The schema of the API's problem details: the one its problem+json answers name. */
function findProblemSchema(document: ApiDocument, operations: ApiOperation[]): Schema | undefined {
  for (const { operation } of operations) {
    for (const value of Object.values(operation.responses ?? {})) {
      const media = resolveRef<oas32.ResponseObject>(document, value).content?.["application/problem+json"];
      const schema = media && resolveRef<oas32.MediaTypeObject>(document, media).schema;
      if (schema) return schema;
    }
  }
  return undefined;
}

const IDEMPOTENCY_KEY = "idempotency-key";

/** The operations that read an Idempotency-Key header. */
export const idempotentOperations = (operations: ApiOperation[]) =>
  operations.filter((o) => o.parameters.some((p) => p.in === "header" && p.name.toLowerCase() === IDEMPOTENCY_KEY));

export function IdempotencySection({ operations }: { operations: ApiOperation[] }) {
  return (
    <section id="idempotencia" aria-labelledby="idempotencia-titulo" className="space-y-3">
      <h2 id="idempotencia-titulo" className={heading}>
        Idempotência
      </h2>
      <div className={prose}>
        <p>
          Uma rede instável faz reenviar requisições. Nas operações abaixo, envie o cabeçalho <code className={code}>Idempotency-Key</code> com
          um valor único por operação (o id da mensagem no seu sistema, por exemplo): um reenvio com a mesma chave não repete o efeito.
        </p>
        <DocText text={operations[0].parameters.find((p) => p.name.toLowerCase() === IDEMPOTENCY_KEY)?.description} />
        <ul className="list-disc space-y-1 pl-5">
          {operations.map((operation) => (
            <li key={operation.anchor}>
              <a href={`#${operation.anchor}`} className={link}>
                {operation.method.toUpperCase()} {operation.path}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
