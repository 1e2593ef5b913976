import type { oas32 } from "zod-openapi";
import { componentName, isReference, resolveRef, type ApiDocument, type Schema } from "./openapi-document";

// A JSON Schema (of an OpenAPI 3.1 document) told in Portuguese, for the reference page: "texto (até
// 64)", "lista de texto", "inteiro de 1 a 500", "um de: high, medium, low". Pure and client-safe.

/** A piece of a type's description: words, or a component schema the page links to. */
export type TypePart = string | { component: string };

type SchemaValue = Exclude<oas32.SchemaObject, boolean>;

const formatNames: Record<string, string> = {
  uuid: "UUID",
  email: "e-mail",
  "date-time": "data e hora (ISO 8601)",
  date: "data (AAAA-MM-DD)",
  time: "hora (ISO 8601)",
  uri: "URL",
  url: "URL",
};

// zod writes z.int()'s safe-integer range as bounds: they say "integer", not a limit worth reading.
const isSafeIntegerBound = (n: number | undefined) => n !== undefined && Math.abs(n) === Number.MAX_SAFE_INTEGER;

/** The type of `schema`, in Portuguese; a reference to a component schema stays a part of its own. */
export function describeType(document: ApiDocument, schema: Schema | undefined): TypePart[] {
  return merge(typeParts(document, schema, 0));
}

/** The same description as one string ("lista de Contact"). */
export function typeText(parts: TypePart[]): string {
  return parts.map((part) => (typeof part === "string" ? part : part.component)).join("");
}

function typeParts(document: ApiDocument, schema: Schema | undefined, depth: number): TypePart[] {
  if (schema === undefined || schema === true) return ["qualquer valor"];
  if (schema === false) return ["nenhum valor"];
  const component = componentName(schema);
  if (component) return [{ component }];
  if (isReference(schema)) return depth > 8 ? ["objeto"] : typeParts(document, resolveRef<oas32.SchemaObject>(document, schema), depth + 1);

  const values = literalValues(document, schema);
  if (values) return [values.length > 1 ? `um de: ${values.map(literal).join(", ")}` : values[0] === null ? "null" : `o valor ${literal(values[0])}`];

  const branches = schema.anyOf ?? schema.oneOf;
  // Inside a union a single value reads as itself: 'texto ou "" ou null'.
  if (branches) return joinParts(branches.map((branch) => singleValue(document, branch) ?? typeParts(document, branch, depth + 1)), " ou ");
  if (schema.allOf) return joinParts(schema.allOf.map((member) => typeParts(document, member, depth + 1)), " e ");

  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : inferredTypes(schema);
  if (types.length === 0) return ["qualquer valor"];
  return joinParts(types.map((type) => typeOf(document, schema, type, depth)), " ou ");
}

function inferredTypes(schema: SchemaValue): string[] {
  if (schema.properties || schema.additionalProperties !== undefined) return ["object"];
  if (schema.items) return ["array"];
  return [];
}

function typeOf(document: ApiDocument, schema: SchemaValue, type: string, depth: number): TypePart[] {
  switch (type) {
    case "string": {
      const name = schema.format ? (formatNames[schema.format] ?? "texto") : "texto";
      const size = range(schema.minLength && schema.minLength > 1 ? schema.minLength : undefined, schema.maxLength);
      return [size ? `${name} (${size})` : name];
    }
    case "integer":
    case "number": {
      const min = isSafeIntegerBound(schema.minimum) ? undefined : schema.minimum;
      const max = isSafeIntegerBound(schema.maximum) ? undefined : schema.maximum;
      const name = type === "integer" ? "inteiro" : "número";
      const bounds = [
        range(min, max, "a partir de"),
        schema.exclusiveMinimum !== undefined ? `maior que ${number(schema.exclusiveMinimum)}` : "",
        schema.exclusiveMaximum !== undefined ? `menor que ${number(schema.exclusiveMaximum)}` : "",
      ].filter(Boolean);
      return [[name, ...bounds].join(" ")];
    }
    case "boolean":
      return ["true ou false"];
    case "null":
      return ["null"];
    case "array": {
      const items = schema.items === undefined ? ["qualquer valor"] : typeParts(document, schema.items, depth + 1);
      const count = range(schema.minItems || undefined, schema.maxItems);
      return ["lista de ", ...items, ...(count ? [` (${count} itens)`] : [])];
    }
    case "object": {
      const values = schema.additionalProperties;
      if (schema.properties || values === undefined || typeof values === "boolean") return ["objeto"];
      const keys = schema.propertyNames ? typeParts(document, schema.propertyNames, depth + 1) : ["texto"];
      return ["objeto (chave: ", ...keys, "; valor: ", ...typeParts(document, values, depth + 1), ")"];
    }
    default:
      return [type];
  }
}

// Numbers as the UI writes them: 4.000, 0,5.
const number = (n: number) => n.toLocaleString("pt-BR");

const range = (min: number | undefined, max: number | undefined, atLeast = "ao menos") =>
  min !== undefined && max !== undefined
    ? min === max
      ? `exatamente ${number(min)}`
      : `de ${number(min)} a ${number(max)}`
    : max !== undefined
      ? `até ${number(max)}`
      : min !== undefined
        ? `${atLeast} ${number(min)}`
        : "";

/**
 * The values a schema allows when it is only a list of them (enum, const, null, or a union of
 * those): told as one list rather than "um de: a, b ou o valor "" ou null".
 */
function literalValues(document: ApiDocument, schema: Schema, depth = 0): unknown[] | null {
  if (typeof schema === "boolean" || depth > 8) return null;
  if (isReference(schema)) return componentName(schema) ? null : literalValues(document, resolveRef<oas32.SchemaObject>(document, schema), depth + 1);
  if (Array.isArray(schema.enum)) return schema.enum;
  if (schema.const !== undefined) return [schema.const];
  if (schema.type === "null") return [null];
  const branches = schema.anyOf ?? schema.oneOf;
  if (!branches) return null;
  const lists = branches.map((branch) => literalValues(document, branch, depth + 1));
  return lists.every((list) => list !== null) ? lists.flat() : null;
}

function singleValue(document: ApiDocument, schema: Schema): TypePart[] | null {
  const values = literalValues(document, schema);
  return values?.length === 1 ? [literal(values[0])] : null;
}

const literal = (value: unknown) => (typeof value === "string" && /^[\w.:@+-]+$/.test(value) ? value : JSON.stringify(value));

function joinParts(lists: TypePart[][], separator: string): TypePart[] {
  const unique: TypePart[][] = [];
  for (const list of lists) if (!unique.some((seen) => typeText(seen) === typeText(list))) unique.push(list);
  return unique.flatMap((list, i) => (i === 0 ? list : [separator, ...list]));
}

/** Adjacent words made one string, so a description reads as few parts as it has links. */
function merge(parts: TypePart[]): TypePart[] {
  const merged: TypePart[] = [];
  for (const part of parts) {
    const last = merged.at(-1);
    if (typeof part === "string" && typeof last === "string") merged[merged.length - 1] = last + part;
    else merged.push(part);
  }
  return merged;
}

/**
 * What the type does not say: the pattern, the default, "não vazio", a format without a Portuguese
 * name, the constraints of a list's items ("cada item: …").
 */
export function describeConstraints(document: ApiDocument, schema: Schema | undefined): string[] {
  return [...new Set(constraintsOf(document, schema, 0))];
}

function constraintsOf(document: ApiDocument, schema: Schema | undefined, depth: number): string[] {
  if (schema === undefined || typeof schema === "boolean" || depth > 8 || componentName(schema)) return [];
  if (isReference(schema)) return constraintsOf(document, resolveRef<oas32.SchemaObject>(document, schema), depth + 1);
  const found: string[] = [];
  if (schema.default !== undefined) found.push(`padrão: ${JSON.stringify(schema.default)}`);
  if (schema.minLength === 1) found.push("não vazio");
  // A named format says more than zod's regular expression for it.
  if (schema.pattern && !(schema.format && formatNames[schema.format])) found.push(`expressão regular: ${schema.pattern}`);
  if (schema.format && !formatNames[schema.format]) found.push(`formato: ${schema.format}`);
  if (schema.multipleOf !== undefined) found.push(`múltiplo de ${schema.multipleOf}`);
  if (schema.uniqueItems) found.push("sem repetições");
  if (schema.deprecated) found.push("obsoleto");
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) found.push(...constraintsOf(document, branch, depth + 1));
  if (schema.items) found.push(...constraintsOf(document, schema.items, depth + 1).map((c) => `cada item: ${c}`));
  return found;
}

/** The schema's own description, else that of the first branch of a union that has one. */
export function describeSchema(document: ApiDocument, schema: Schema | undefined): string | undefined {
  if (schema === undefined || typeof schema === "boolean") return undefined;
  if (schema.description) return schema.description;
  if (isReference(schema)) return componentName(schema) ? undefined : describeSchema(document, resolveRef<oas32.SchemaObject>(document, schema));
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) {
    const found = describeSchema(document, branch);
    if (found) return found;
  }
  return undefined;
}
