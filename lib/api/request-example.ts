import type { oas32 } from "zod-openapi";
import { isReference, resolveRef, type ApiDocument, type ApiOperation, type Schema } from "./openapi-document";

// An example request built from an operation of the document, for the reference page: a curl
// command with the path's example values, the key and a JSON body skeleton from the body schema.

type SchemaValue = Exclude<oas32.SchemaObject, boolean>;

const formatExamples: Record<string, string> = {
  uuid: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
  email: "cliente@exemplo.com.br",
  "date-time": "2026-03-05T14:30:00-03:00",
  date: "2026-03-05",
  uri: "https://exemplo.com.br",
};

const MAX_DEPTH = 6;

/**
 * A value of the schema, to fill in: its example or default if it has one, else the first allowed
 * value, else a placeholder of its type. An object has its required properties, then the optional
 * ones that give an example.
 */
export function exampleValue(document: ApiDocument, schema: Schema | undefined, depth = 0): unknown {
  if (schema === undefined || typeof schema === "boolean" || depth > MAX_DEPTH) return null;
  if (isReference(schema)) return exampleValue(document, resolveRef<oas32.SchemaObject>(document, schema), depth + 1);
  const given = ownExample(schema);
  if (given !== undefined) return given;
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    // The first branch that is neither null nor the empty string (an "optional" marker).
    const useful = branches.find((b) => !isNullOrEmpty(document, b)) ?? branches[0];
    return exampleValue(document, useful, depth + 1);
  }
  if (schema.allOf?.length) return exampleValue(document, schema.allOf[0], depth + 1);
  const type = Array.isArray(schema.type) ? (schema.type.find((t) => t !== "null") ?? "null") : schema.type;
  switch (type ?? (schema.properties ? "object" : schema.items ? "array" : undefined)) {
    case "string":
      return (schema.format && formatExamples[schema.format]) ?? "texto";
    case "integer":
    case "number":
      // zod writes an integer's safe range as its bounds: no example starts there.
      return schema.minimum !== undefined && Math.abs(schema.minimum) < Number.MAX_SAFE_INTEGER ? schema.minimum : 0;
    case "boolean":
      return true;
    case "array":
      return schema.items ? [exampleValue(document, schema.items, depth + 1)] : [];
    case "object": {
      // The required fields, and the optional ones the schema gives an example of: an optional
      // field's placeholder ("texto" for an id) would make the example fail as pasted.
      const properties = Object.entries(schema.properties ?? {});
      const required = new Set(schema.required ?? []);
      const shown = [
        ...properties.filter(([name]) => required.has(name)),
        ...properties.filter(([name, property]) => !required.has(name) && hasExample(document, property)),
      ];
      return Object.fromEntries(shown.map(([name, property]) => [name, exampleValue(document, property, depth + 1)]));
    }
    default:
      return null;
  }
}

function ownExample(schema: SchemaValue): unknown {
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  return undefined;
}

function hasExample(document: ApiDocument, schema: Schema): boolean {
  const value = typeof schema === "boolean" || !isReference(schema) ? schema : resolveRef<oas32.SchemaObject>(document, schema);
  return typeof value === "object" && (value.example !== undefined || (Array.isArray(value.examples) && value.examples.length > 0));
}

function isNullOrEmpty(document: ApiDocument, schema: Schema): boolean {
  const value = typeof schema === "boolean" ? schema : isReference(schema) ? resolveRef<oas32.SchemaObject>(document, schema) : schema;
  return typeof value === "object" && (value.type === "null" || value.const === "");
}

/** The JSON body an operation takes, as a skeleton; null when it takes none. */
export function requestBodyExample(document: ApiDocument, operation: ApiOperation): { mediaType: string; value: unknown } | null {
  const body = operation.operation.requestBody ? resolveRef<oas32.RequestBodyObject>(document, operation.operation.requestBody) : null;
  const [mediaType, value] = Object.entries(body?.content ?? {})[0] ?? [];
  if (!mediaType) return null;
  const media = resolveRef<oas32.MediaTypeObject>(document, value);
  return { mediaType, value: media.example !== undefined ? media.example : exampleValue(document, media.schema) };
}

/** The example a parameter declares, on itself or on its schema (where zod-openapi puts it). */
export function declaredExample(parameter: oas32.ParameterObject): unknown {
  if (parameter.example !== undefined) return parameter.example;
  const schema = parameter.schema;
  if (typeof schema !== "object" || isReference(schema)) return undefined;
  return schema.example ?? (Array.isArray(schema.examples) ? schema.examples[0] : undefined);
}

/** A parameter's example: the declared one, else one made from its schema. */
function parameterExample(document: ApiDocument, parameter: oas32.ParameterObject): string {
  const value = declaredExample(parameter) ?? exampleValue(document, parameter.schema);
  return typeof value === "string" ? value : JSON.stringify(value);
}

// A value inside single quotes in a POSIX shell: a quote closes, is escaped and reopens.
const shellQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/**
 * The operation as a curl command. The address and the key are the shell variables CARTEIRA_URL and
 * CARTEIRA_KEY, so the command runs as pasted and the key stays out of the shell's history. Path
 * parameters get their examples; query parameters and headers, those that are required or that
 * give an example.
 */
export function curlExample(document: ApiDocument, operation: ApiOperation): string {
  const base = document.servers?.[0]?.url ?? "";
  let path = operation.path;
  const query = new URLSearchParams();
  const headers: string[] = [];
  for (const parameter of operation.parameters) {
    const shown = parameter.required || declaredExample(parameter) !== undefined;
    if (parameter.in === "path") path = path.replaceAll(`{${parameter.name}}`, encodeURIComponent(parameterExample(document, parameter)));
    else if (parameter.in === "query" && shown) query.set(parameter.name, parameterExample(document, parameter));
    else if (parameter.in === "header" && shown) headers.push(`${parameter.name}: ${parameterExample(document, parameter)}`);
  }
  const search = query.size > 0 ? `?${query}` : "";
  const lines = [`curl -X ${operation.method.toUpperCase()} "$CARTEIRA_URL${base}${path}${search}"`];
  if (operation.operation.security?.length ?? document.security?.length) lines.push(`-H "Authorization: Bearer $CARTEIRA_KEY"`);
  for (const header of headers) lines.push(`-H ${shellQuote(header)}`);
  const body = requestBodyExample(document, operation);
  if (body) {
    lines.push(`-H ${shellQuote(`Content-Type: ${body.mediaType}`)}`);
    lines.push(`-d ${shellQuote(JSON.stringify(body.value, null, 2))}`);
  }
  return lines.join(" \\\n  ");
}
