import { Cell, TableCard } from "@/components/ui/table-card";
import type { ApiDocument, Parameter } from "@/lib/api/openapi-document";
import { declaredExample } from "@/lib/api/request-example";
import { describeConstraints, describeSchema, describeType } from "@/lib/api/schema-description";
import { DocText } from "./doc-text";
import { ConstraintList, RequiredText } from "./field-cells";
import { TypeText } from "./type-text";

const places: Record<string, string> = { path: "caminho", query: "consulta (query)", header: "cabeçalho", cookie: "cookie" };

const th = "px-3 py-2";

/** An operation's parameters, wherever they go (path, query, header), with their types and constraints. */
export function ParametersTable({ document, parameters, caption }: { document: ApiDocument; parameters: Parameter[]; caption: string }) {
  return (
    <TableCard
      caption={caption}
      cards
      head={
        <>
          <th scope="col" className={th}>Nome</th>
          <th scope="col" className={th}>Onde</th>
          <th scope="col" className={th}>Tipo</th>
          <th scope="col" className={th}>Obrigatório</th>
          <th scope="col" className={th}>Restrições</th>
          <th scope="col" className={th}>Descrição</th>
        </>
      }
    >
      {parameters.map((parameter) => {
        const example = declaredExample(parameter);
        const constraints = [...describeConstraints(document, parameter.schema), ...(example !== undefined ? [`exemplo: ${String(example)}`] : [])];
        return (
          <tr key={`${parameter.in} ${parameter.name}`} className="align-top">
            <Cell className="px-3 py-2 whitespace-nowrap">
              <code className="font-mono text-xs font-semibold text-slate-900">{parameter.name}</code>
            </Cell>
            <Cell label="Onde" className="px-3 py-2 whitespace-nowrap text-slate-700">
              {places[parameter.in] ?? parameter.in}
            </Cell>
            <Cell label="Tipo" className="px-3 py-2 text-slate-700">
              <TypeText parts={describeType(document, parameter.schema)} />
            </Cell>
            <Cell label="Obrigatório" className="px-3 py-2 whitespace-nowrap">
              <RequiredText required={parameter.required} />
            </Cell>
            <Cell label="Restrições" className="px-3 py-2 text-slate-700">
              <ConstraintList constraints={constraints} />
            </Cell>
            <Cell label="Descrição" className="px-3 py-2 text-slate-700">
              <DocText text={parameter.description ?? describeSchema(document, parameter.schema)} />
            </Cell>
          </tr>
        );
      })}
    </TableCard>
  );
}
