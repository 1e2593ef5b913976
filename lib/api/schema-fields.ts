import type { oas32 } from "zod-openapi";
import { componentName, isReference, resolveRef, type ApiDocument, type Schema } from "./openapi-document";
import { describeConstraints, describeSchema, describeType, type TypePart } from "./schema-description";

// An object schema as the rows of a field table: its properties, and those of the objects nested in
// them ("responsible.id", "segments[].name", "consent.*.status"), each with its type in Portuguese.
// A component schema met on the way stays a link (its own table is elsewhere on the page).

export type FieldRow = {
  /** The field's path from the top object: "segments[].id". */
  path: string;
  /** How many objects deep: 0 for a property of the top object. */
  depth: number;
  required: boolean;
  type: TypePart[];
  constraints: string[];
  description?: string;
};

type SchemaValue = Exclude<oas32.SchemaObject, boolean>;

const MAX_DEPTH = 6;

/** The rows of `schema`'s fields (a top-level reference is followed); none when it is not an object with properties. */
export function schemaFields(document: ApiDocument, schema: Schema | undefined): FieldRow[] {
  if (schema === undefined) return [];
  const top = resolveRef<oas32.SchemaObject>(document, schema);
  const object = inlineObject(document, top);
  return object ? rowsOf(document, object, "", 0) : [];
}

function rowsOf(document: ApiDocument, object: SchemaValue, prefix: string, depth: number): FieldRow[] {
  const rows: FieldRow[] = [];
  const required = new Set<string>(object.required ?? []);
  for (const [name, property] of Object.entries(object.properties ?? {})) {
    const path = `${prefix}${name}`;
    rows.push({
      path,
      depth,
      required: required.has(name),
      type: describeType(document, property),
      constraints: describeConstraints(document, property),
      description: describeSchema(document, property),
    });
    if (depth >= MAX_DEPTH) continue;
    for (const [suffix, nested] of nestedObjects(document, property)) rows.push(...rowsOf(document, nested, `${path}${suffix}`, depth + 1));
  }
  return rows;
}

/**
 * The inline objects inside a property, with the path suffix that reaches them: the object itself
 * (also when it may be null), a list's items ("[]."), a map's values (".*.").
 */
function nestedObjects(document: ApiDocument, property: Schema): [string, SchemaValue][] {
  const found: [string, SchemaValue][] = [];
  const object = inlineObject(document, property);
  if (object) found.push([".", object]);
  const value = inline(document, property);
  if (!value) return found;
  for (const branch of [value, ...(value.anyOf ?? []), ...(value.oneOf ?? [])]) {
    const listed = inline(document, branch);
    const items = listed?.items ? inlineObject(document, listed.items) : null;
    if (items) found.push(["[].", items]);
    const values = listed?.additionalProperties;
    const mapped = values && typeof values === "object" && !listed.properties ? inlineObject(document, values) : null;
    if (mapped) found.push([".*.", mapped]);
  }
  return found;
}

/** The schema as an object with properties, looking through a union with null; not through a component. */
function inlineObject(document: ApiDocument, schema: Schema): SchemaValue | null {
  const value = inline(document, schema);
  if (!value) return null;
  if (value.properties) return value;
  const branches = (value.anyOf ?? value.oneOf ?? []).map((branch) => inline(document, branch)).filter((b) => b?.properties);
  return branches.length === 1 ? branches[0] : null;
}

function inline(document: ApiDocument, schema: Schema): SchemaValue | null {
  if (typeof schema === "boolean" || componentName(schema)) return null;
  const value = isReference(schema) ? resolveRef<oas32.SchemaObject>(document, schema) : schema;
  return typeof value === "boolean" ? null : value;
}
