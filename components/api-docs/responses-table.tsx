import { Fragment } from "react";
import type { oas32 } from "zod-openapi";
import { Cell, TableCard } from "@/components/ui/table-card";
import { componentName, resolveRef, type ApiDocument } from "@/lib/api/openapi-document";
import { describeType } from "@/lib/api/schema-description";
import { schemaFields } from "@/lib/api/schema-fields";
import { DocText } from "./doc-text";
import { SchemaTable } from "./schema-table";
import { statusNames } from "./status-names";
import { TypeText } from "./type-text";

const th = "px-3 py-2";

type Answer = { status: string; response: oas32.ResponseObject };

/**
 * An operation's answers: status, meaning, body (a component schema as a link) and headers. A body
 * given inline rather than as a component gets its own field table below.
 */
export function ResponsesTable({ document, responses, caption }: { document: ApiDocument; responses: oas32.ResponsesObject; caption: string }) {
  const answers: Answer[] = Object.entries(responses)
    .filter(([status]) => /^([1-5](\d\d|XX)|default)$/.test(status))
    .map(([status, response]) => ({ status, response: resolveRef<oas32.ResponseObject>(document, response) }));
  const inline = answers.flatMap(({ status, response }) =>
    Object.entries(response.content ?? {}).flatMap(([mediaType, media]) => {
      const schema = resolveRef<oas32.MediaTypeObject>(document, media).schema;
      // A component has its own table under Esquemas; an inline body without fields is told in the Corpo column.
      return schema && !componentName(schema) && schemaFields(document, schema).length > 0 ? [{ status, mediaType, schema }] : [];
    }),
  );
  return (
    <div className="space-y-4">
      <TableCard
        caption={caption}
        cards
        head={
          <>
            <th scope="col" className={th}>Status</th>
            <th scope="col" className={th}>Quando</th>
            <th scope="col" className={th}>Corpo</th>
            <th scope="col" className={th}>Cabeçalhos</th>
          </>
        }
      >
        {answers.map(({ status, response }) => (
          <tr key={status} className="align-top">
            <Cell className="px-3 py-2 whitespace-nowrap">
              <span className="font-mono text-sm font-semibold text-slate-900">{status}</span>{" "}
              <span className="text-slate-600">{statusNames[status] ?? ""}</span>
            </Cell>
            <Cell label="Quando" className="px-3 py-2 text-slate-700">
              <DocText text={response.description} />
            </Cell>
            <Cell label="Corpo" className="px-3 py-2 text-slate-700">
              <Body document={document} response={response} />
            </Cell>
            <Cell label="Cabeçalhos" className="px-3 py-2 text-slate-700">
              <Headers document={document} response={response} />
            </Cell>
          </tr>
        ))}
      </TableCard>
      {inline.map(({ status, mediaType, schema }) => (
        <div key={`${status} ${mediaType}`}>
          <h5 className="mb-2 text-sm font-semibold text-slate-800">
            Corpo da resposta {status} <span className="font-normal text-slate-600">({mediaType})</span>
          </h5>
          <SchemaTable document={document} schema={schema} caption={`Campos do corpo da resposta ${status}`} />
        </div>
      ))}
    </div>
  );
}

function Body({ document, response }: { document: ApiDocument; response: oas32.ResponseObject }) {
  const content = Object.entries(response.content ?? {});
  if (content.length === 0) return <span className="text-slate-600">Nenhum</span>;
  return (
    <ul className="space-y-1">
      {content.map(([mediaType, media]) => {
        const schema = resolveRef<oas32.MediaTypeObject>(document, media).schema;
        return (
          <li key={mediaType}>
            {schema && <TypeText parts={describeType(document, schema)} />}{" "}
            <span className="font-mono text-xs text-slate-600">
              <MediaType name={mediaType} />
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function Headers({ document, response }: { document: ApiDocument; response: oas32.ResponseObject }) {
  const headers = Object.entries(response.headers ?? {});
  if (headers.length === 0) return <span className="text-slate-600">Nenhum</span>;
  return (
    <dl className="space-y-1">
      {headers.map(([name, value]) => {
        const header = resolveRef<oas32.HeaderObject>(document, value);
        return (
          <div key={name}>
            <dt>
              <code className="font-mono text-xs font-semibold text-slate-900">{name}</code>
              <span className="text-slate-600">{header.required ? " (sempre)" : " (opcional)"}</span>
            </dt>
            <dd>
              <DocText text={header.description} />
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** A media type that may break after its "/" and "+" ("application/ problem+ json"), never inside a word. */
function MediaType({ name }: { name: string }) {
  return name.split(/(?<=[/+])/).map((part, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}
