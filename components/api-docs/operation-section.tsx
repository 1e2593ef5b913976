import type { oas32 } from "zod-openapi";
import { Badge } from "@/components/ui/badge";
import { componentName, resolveRef, schemaAnchor, type ApiDocument, type ApiOperation } from "@/lib/api/openapi-document";
import { curlExample } from "@/lib/api/request-example";
import { DocText } from "./doc-text";
import { MethodBadge } from "./method-badge";
import { ParametersTable } from "./parameters-table";
import { ResponsesTable } from "./responses-table";
import { SchemaTable } from "./schema-table";

const subheading = "mb-2 text-sm font-semibold text-slate-800";

/** One operation of the API: what it does, its parameters, its body, its answers and a curl to try it. */
export function OperationSection({ document, operation }: { document: ApiDocument; operation: ApiOperation }) {
  const { method, path, anchor, parameters } = operation;
  const { summary, description, deprecated, requestBody, responses } = operation.operation;
  const name = `${method.toUpperCase()} ${path}`;
  const body = requestBody ? resolveRef<oas32.RequestBodyObject>(document, requestBody) : null;
  return (
    <section id={anchor} aria-labelledby={`${anchor}-titulo`} className="scroll-mt-4 space-y-5 border-t border-slate-200 pt-8">
      <header className="space-y-2">
        <p className="flex flex-wrap items-center gap-2">
          <MethodBadge method={method} />
          <code className="font-mono text-sm break-all text-slate-900">{path}</code>
          {deprecated && <Badge tone="red">Obsoleta</Badge>}
        </p>
        <h3 id={`${anchor}-titulo`} className="text-lg font-semibold tracking-tight">
          {summary ?? name}
        </h3>
        <DocText text={description} className="text-sm text-slate-700" />
      </header>

      {parameters.length > 0 && (
        <div>
          <h4 className={subheading}>Parâmetros</h4>
          <ParametersTable document={document} parameters={parameters} caption={`Parâmetros de ${name}`} />
        </div>
      )}

      {body &&
        Object.entries(body.content).map(([mediaType, media]) => {
          const schema = resolveRef<oas32.MediaTypeObject>(document, media).schema;
          const component = componentName(schema);
          return (
            <div key={mediaType}>
              <h4 className={subheading}>
                Corpo da requisição <span className="font-normal text-slate-600">({mediaType})</span>
              </h4>
              <DocText text={body.description} className="mb-2 text-sm text-slate-700" />
              {component && (
                <p className="mb-2 text-sm text-slate-700">
                  Esquema <a href={`#${schemaAnchor(component)}`} className="font-medium text-indigo-700 hover:underline">{component}</a>:
                </p>
              )}
              <SchemaTable document={document} schema={schema} caption={`Campos do corpo de ${name}`} />
            </div>
          );
        })}

      <div>
        <h4 className={subheading}>Respostas</h4>
        <ResponsesTable document={document} responses={responses ?? {}} caption={`Respostas de ${name}`} />
      </div>

      <div>
        <h4 className={subheading}>Exemplo</h4>
        {/* A region that scrolls sideways must be reachable by keyboard, to scroll it with the arrows. */}
        <pre
          tabIndex={0}
          role="region"
          aria-label={`Exemplo de ${name} com curl`}
          className="overflow-x-auto rounded-lg bg-slate-900 p-4 text-xs leading-relaxed text-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          <code>{curlExample(document, operation)}</code>
        </pre>
      </div>
    </section>
  );
}
