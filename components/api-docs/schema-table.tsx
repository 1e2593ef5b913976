import { Cell, TableCard } from "@/components/ui/table-card";
import type { ApiDocument, Schema } from "@/lib/api/openapi-document";
import { describeType } from "@/lib/api/schema-description";
import { schemaFields } from "@/lib/api/schema-fields";
import { DocText } from "./doc-text";
import { ConstraintList, RequiredText } from "./field-cells";
import { TypeText } from "./type-text";

const th = "px-3 py-2";
// From lg up, each level of nesting indents the name, so a nested object's fields read as its own
// (on a phone's card the dotted path says it).
const indents = ["", "lg:pl-8", "lg:pl-13", "lg:pl-18", "lg:pl-23", "lg:pl-28", "lg:pl-33"];

/**
 * The fields of a schema (a request body, a response, a component), nested objects included, each
 * with its type, whether it is required, its constraints and its description. A schema that is not
 * an object with fields is told by its type alone ("lista de Contact").
 */
export function SchemaTable({ document, schema, caption }: { document: ApiDocument; schema: Schema | undefined; caption: string }) {
  const rows = schemaFields(document, schema);
  if (rows.length === 0) {
    return (
      <p className="text-sm text-slate-700">
        Tipo: <TypeText parts={describeType(document, schema)} />
      </p>
    );
  }
  return (
    <TableCard
      caption={caption}
      cards
      head={
        <>
          <th scope="col" className={th}>Campo</th>
          <th scope="col" className={th}>Tipo</th>
          <th scope="col" className={th}>Obrigatório</th>
          <th scope="col" className={th}>Restrições</th>
          <th scope="col" className={th}>Descrição</th>
        </>
      }
    >
      {rows.map((row) => (
        <tr key={row.path} className="align-top">
          <Cell className={`px-3 py-2 whitespace-nowrap ${indents[Math.min(row.depth, indents.length - 1)]}`}>
            <code className="font-mono text-xs font-semibold text-slate-900">{row.path}</code>
          </Cell>
          <Cell label="Tipo" className="px-3 py-2 text-slate-700">
            <TypeText parts={row.type} />
          </Cell>
          <Cell label="Obrigatório" className="px-3 py-2 whitespace-nowrap">
            <RequiredText required={row.required} />
          </Cell>
          <Cell label="Restrições" className="px-3 py-2 text-slate-700">
            <ConstraintList constraints={row.constraints} />
          </Cell>
          <Cell label="Descrição" className="px-3 py-2 text-slate-700">
            <DocText text={row.description} />
          </Cell>
        </tr>
      ))}
    </TableCard>
  );
}
