import { schemaAnchor, type ApiOperation } from "@/lib/api/openapi-document";
import { MethodBadge } from "./method-badge";

/** The reference's contents: the guide's sections, each operation (method, path, summary) and each schema. */
export function Contents({ sections, operations, schemas }: { sections: { id: string; label: string }[]; operations: ApiOperation[]; schemas: string[] }) {
  const item = "block rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600";
  const group = "mt-4 px-2 pb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase";
  return (
    <>
      <ul className="space-y-0.5">
        <li>
          <a href="#titulo" className={item}>
            Introdução
          </a>
        </li>
        {sections.map((section) => (
          <li key={section.id}>
            <a href={`#${section.id}`} className={item}>
              {section.label}
            </a>
          </li>
        ))}
      </ul>
      <p className={group}>
        <a href="#operacoes" className="hover:underline">
          Operações
        </a>
      </p>
      <ul className="space-y-0.5">
        {operations.map((operation) => (
          <li key={operation.anchor}>
            <a href={`#${operation.anchor}`} className={item}>
              <span className="flex items-center gap-2">
                <MethodBadge method={operation.method} />
                <code className="font-mono text-xs break-all">{operation.path}</code>
              </span>
              {operation.operation.summary && <span className="mt-0.5 block text-xs text-slate-600">{operation.operation.summary}</span>}
            </a>
          </li>
        ))}
      </ul>
      {schemas.length > 0 && (
        <>
          <p className={group}>
            <a href="#esquemas" className="hover:underline">
              Esquemas
            </a>
          </p>
          <ul className="space-y-0.5">
            {schemas.map((name) => (
              <li key={name}>
                <a href={`#${schemaAnchor(name)}`} className={`${item} font-mono text-xs`}>
                  {name}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
