import type { oas32 } from "zod-openapi";

// Walking an OpenAPI 3.1 document: its operations, its parameters and its local $refs. Shared by the
// reference page (/api-docs) and the contract tests, so both read any operation the document gains.
// Pure and client-safe.

// zod-openapi's createDocument is typed with its 3.2 model, a superset of the 3.1 it writes.
export type ApiDocument = oas32.OpenAPIObject;
export type Schema = oas32.SchemaObject | oas32.ReferenceObject;
export type Parameter = oas32.ParameterObject;

export const httpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
export type HttpMethod = (typeof httpMethods)[number];

export type ApiOperation = {
  method: HttpMethod;
  /** The path template, as the document names it: "/contacts/{customerCode}". */
  path: string;
  operation: oas32.OperationObject;
  /** The operation's path-level and own parameters, resolved (the operation's win, by name and place). */
  parameters: Parameter[];
  /** A fragment id for the page's links: the operationId, else the method and path. */
  anchor: string;
};

/** "GET /contacts/{customerCode}": how the contract tests and their messages name an operation. */
export const operationKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

/** Every operation of the document, in the document's order of paths and the methods' usual order. */
export function listOperations(document: ApiDocument): ApiOperation[] {
  const operations: ApiOperation[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    const pathItem = resolveRef<oas32.PathItemObject>(document, item);
    for (const method of httpMethods) {
      const operation = pathItem[method];
      if (!operation) continue;
      const shared = (pathItem.parameters ?? []).map((p) => resolveRef<Parameter>(document, p));
      const own = (operation.parameters ?? []).map((p) => resolveRef<Parameter>(document, p));
      const parameters = [...shared.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)), ...own];
      operations.push({ method, path, operation, parameters, anchor: anchorOf(operation.operationId ?? `${method}${path}`) });
    }
  }
  return operations;
}

export function findOperation(document: ApiDocument, method: string, path: string): ApiOperation | undefined {
  return listOperations(document).find((o) => o.method === method.toLowerCase() && o.path === path);
}

const anchorOf = (text: string) => text.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "");

/** The page's fragment id of a component schema. */
export const schemaAnchor = (name: string) => `schema-${anchorOf(name)}`;

const COMPONENT_SCHEMA = "#/components/schemas/";

/** "Contact" for "#/components/schemas/Contact"; null for a value that is not a reference to a schema component. */
export function componentName(value: unknown): string | null {
  const ref = isReference(value) ? value.$ref : null;
  return ref?.startsWith(COMPONENT_SCHEMA) ? decodePointerPart(ref.slice(COMPONENT_SCHEMA.length)) : null;
}

export function isReference(value: unknown): value is oas32.ReferenceObject {
  return typeof value === "object" && value !== null && typeof (value as { $ref?: unknown }).$ref === "string";
}

/**
 * The value itself, or what its local `$ref` ("#/components/…") points to, followed until it is not
 * a reference. Throws, naming the reference, when it points nowhere or in a circle.
 */
export function resolveRef<T>(document: ApiDocument, value: T | oas32.ReferenceObject): T {
  let current: unknown = value;
  const seen = new Set<string>();
  while (isReference(current)) {
    const ref = current.$ref;
    if (seen.has(ref)) throw new Error(`A referência ${ref} aponta para si mesma.`);
    seen.add(ref);
    const target = pointerTarget(document, ref);
    if (target === undefined) throw new Error(`A referência ${ref} não aponta para nada no documento.`);
    current = target;
  }
  return current as T;
}

function pointerTarget(document: ApiDocument, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  let node: unknown = document;
  for (const part of ref.slice(2).split("/").map(decodePointerPart)) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

// RFC 6901 inside a URI fragment: percent-decoding first, then ~1 and ~0.
const decodePointerPart = (part: string) => decodeURIComponent(part).replaceAll("~1", "/").replaceAll("~0", "~");

/** Every `$ref` anywhere in the document that points nowhere (an empty list for a sound document). */
export function unresolvedRefs(document: ApiDocument): string[] {
  const broken = new Set<string>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === "object" && node !== null) {
      const ref = (node as { $ref?: unknown }).$ref;
      if (typeof ref === "string" && pointerTarget(document, ref) === undefined) broken.add(ref);
      Object.values(node).forEach(visit);
    }
  };
  visit(document);
  return [...broken];
}
