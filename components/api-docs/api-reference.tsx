import { listOperations, schemaAnchor, type ApiDocument } from "@/lib/api/openapi-document";
import { describeSchema } from "@/lib/api/schema-description";
import { DocText } from "./doc-text";
import { AuthenticationSection, code, ErrorsSection, heading, IdempotencySection, idempotentOperations, link, prose, RateLimitSection } from "./guide-sections";
import { OperationSection } from "./operation-section";
import { Contents } from "./page-contents";
import { SchemaTable } from "./schema-table";

// The API's reference, read from its OpenAPI document: whatever operations and schemas the document
// has, this page shows, so it needs no change when the API grows.

export function ApiReference({ document }: { document: ApiDocument }) {
  const operations = listOperations(document);
  const schemas = Object.entries(document.components?.schemas ?? {});
  const idempotent = idempotentOperations(operations);
  const base = document.servers?.[0]?.url ?? "";
  const sections = [
    { id: "autenticacao", label: "Autenticação" },
    { id: "limites", label: "Limite de requisições" },
    { id: "erros", label: "Erros" },
    ...(idempotent.length > 0 ? [{ id: "idempotencia", label: "Idempotência" }] : []),
  ];
  const contents = <Contents sections={sections} operations={operations} schemas={schemas.map(([name]) => name)} />;

  return (
    <div className="min-h-screen">
      <a
        href="#conteudo"
        className="sr-only z-50 rounded-md bg-white px-4 py-2 text-sm font-medium text-indigo-700 shadow focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:outline-2 focus:outline-indigo-600"
      >
        Pular para o conteúdo
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-2 px-4 py-3 sm:px-6">
          <p className="text-lg font-semibold tracking-tight text-indigo-700">Carteira</p>
          <p className="text-sm">
            <a href={`${base}/openapi.json`} className={link}>
              openapi.json
            </a>
          </p>
        </div>
      </header>

      <div className="mx-auto max-w-7xl px-4 sm:px-6 lg:flex lg:gap-10">
        {/* On a phone the contents fold away above the page; from lg up they stay beside it. */}
        <details className="mt-4 rounded-lg bg-white shadow-sm ring-1 ring-slate-200 lg:hidden">
          <summary className="cursor-pointer px-4 py-3 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-indigo-600">
            Conteúdo da página
          </summary>
          <nav aria-label="Nesta página" className="border-t border-slate-200 px-4 py-3">
            {contents}
          </nav>
        </details>
        <nav aria-label="Nesta página" className="sticky top-0 hidden max-h-screen w-64 shrink-0 overflow-y-auto py-8 lg:block">
          {contents}
        </nav>

        <main id="conteudo" className="min-w-0 flex-1 space-y-12 py-8">
          <section aria-labelledby="titulo" className="space-y-3">
            <h1 id="titulo" className="text-2xl font-semibold tracking-tight">
              {document.info.title}
            </h1>
            <p className="text-sm text-slate-600">Versão {document.info.version}</p>
            <DocText text={document.info.description} className={prose} />
            <div className={prose}>
              <p>
                Endereço base: <code className={code}>https://&lt;sua Carteira&gt;{base}</code>. O contrato completo, em OpenAPI 3.1, está em{" "}
                <a href={`${base}/openapi.json`} className={link}>
                  {base}/openapi.json
                </a>{" "}
                (para gerar clientes ou importar no Postman, Insomnia etc.).
              </p>
              <p>
                Nos exemplos, <code className={code}>CARTEIRA_URL</code> é o endereço da sua Carteira e <code className={code}>CARTEIRA_KEY</code> a sua
                chave: defina as duas no terminal e cole o comando.
              </p>
            </div>
          </section>

          <AuthenticationSection document={document} />

          <RateLimitSection />

          <ErrorsSection document={document} operations={operations} />

          {idempotent.length > 0 && <IdempotencySection operations={idempotent} />}

          <section id="operacoes" aria-labelledby="operacoes-titulo" className="space-y-8">
            <h2 id="operacoes-titulo" className={heading}>
              Operações
            </h2>
            {operations.map((operation) => (
              <OperationSection key={operation.anchor} document={document} operation={operation} />
            ))}
          </section>

          {schemas.length > 0 && (
            <section id="esquemas" aria-labelledby="esquemas-titulo" className="space-y-8">
              <h2 id="esquemas-titulo" className={heading}>
                Esquemas
              </h2>
              {schemas.map(([name, schema]) => (
                <section key={name} id={schemaAnchor(name)} aria-labelledby={`${schemaAnchor(name)}-titulo`} className="scroll-mt-4 space-y-3 border-t border-slate-200 pt-8">
                  <h3 id={`${schemaAnchor(name)}-titulo`} className="font-mono text-lg font-semibold">
                    {name}
                  </h3>
                  <DocText text={describeSchema(document, schema)} className="text-sm text-slate-700" />
                  <SchemaTable document={document} schema={schema} caption={`Campos de ${name}`} />
                </section>
              ))}
            </section>
          )}
        </main>
      </div>
    </div>
  );
}




