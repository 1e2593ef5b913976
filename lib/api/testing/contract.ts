import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import type { oas32 } from "zod-openapi";
import { findOperation, listOperations, operationKey, resolveRef, unresolvedRefs, type ApiDocument, type Schema } from "../openapi-document";

// The contract tests' harness: does an answer of the API match what the OpenAPI document promises
// for its operation and status (status, content type, body schema, required headers)? Failures say
// which field failed and why. It records the operations it checked, so a test file can demand that
// every operation of the document has been exercised.

export class ContractError extends Error {
  override name = "ContractError";
}

export type ApiContract = {
  /**
   * Checks `response` against the document's `method` `path` (the path template, "/contacts/{customerCode}")
   * and answers its parsed body. `sent`: the JSON body of the request, checked against the documented
   * request schema when the API accepted it (2xx), since the document must not refuse what the API takes.
   */
  check(method: string, path: string, response: Response, options?: { sent?: unknown }): Promise<unknown>;
  /** The operations checked so far ("GET /contacts"), sorted. */
  checked(): string[];
  /** The operations of the document not checked yet, sorted. */
  unchecked(): string[];
};

// The base URI the components are registered under in ajv; the document's "#/components/schemas/X"
// refs are rewritten to point there.
const COMPONENTS = "https://carteira.invalid/openapi/components.json";

// The formats zod writes, checked; any other format in the document is accepted unchecked
// (ajv-formats is not a dependency, and ajv refuses to compile a format it does not know).
const formats: Record<string, RegExp> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  "date-time": /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i,
  date: /^\d{4}-\d{2}-\d{2}$/,
  uri: /^[a-z][a-z0-9+.-]*:\S+$/i,
};

function createAjv(document: ApiDocument): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  // OpenAPI's own schema keywords (the 3.1 dialect), which JSON Schema does not define.
  ajv.addVocabulary(["example", "discriminator", "xml", "externalDocs"]);
  for (const format of formatsIn(document)) ajv.addFormat(format, formats[format] ?? true);
  ajv.addSchema({ $id: COMPONENTS, $defs: toAjv(document.components?.schemas ?? {}) });
  return ajv;
}

function formatsIn(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => formatsIn(item, found));
  else if (typeof node === "object" && node !== null) {
    const format = (node as { format?: unknown }).format;
    if (typeof format === "string") found.add(format);
    Object.values(node).forEach((value) => formatsIn(value, found));
  }
  return found;
}

/** A copy of a schema whose refs to the document's components point at ajv's copy of them. */
function toAjv<T>(schema: T): T {
  return JSON.parse(JSON.stringify(schema), (key, value) =>
    key === "$ref" && typeof value === "string" && value.startsWith("#/components/schemas/")
      ? `${COMPONENTS}#/$defs/${value.slice("#/components/schemas/".length)}`
      : value,
  );
}

export function apiContract(document: ApiDocument): ApiContract {
  const ajv = createAjv(document);
  const validators = new Map<string, ValidateFunction>();
  const validatorOf = (id: string, schema: Schema) => {
    let validate = validators.get(id);
    if (!validate) {
      validate = ajv.compile(typeof schema === "boolean" ? schema : toAjv(schema));
      validators.set(id, validate);
    }
    return validate;
  };
  const checked = new Set<string>();

  async function check(method: string, path: string, response: Response, options: { sent?: unknown } = {}): Promise<unknown> {
    const key = operationKey(method, path);
    const found = findOperation(document, method, path);
    if (!found) throw new ContractError(`${key} is not an operation of the document.`);
    checked.add(key);

    const status = String(response.status);
    const responses = found.operation.responses ?? {};
    const statusKey = [status, `${status[0]}XX`, "default"].find((candidate) => responses[candidate] !== undefined);
    const title = `${key} → ${status}`;
    if (!statusKey) {
      const text = await response.clone().text();
      throw new ContractError(`${title}: the document lists no such answer (it lists ${Object.keys(responses).join(", ")}). The body was: ${truncate(text)}`);
    }
    const documented = resolveRef<oas32.ResponseObject>(document, responses[statusKey]);
    const problems: string[] = [];

    for (const [name, value] of Object.entries(documented.headers ?? {})) {
      const header = resolveRef<oas32.HeaderObject>(document, value);
      const actual = response.headers.get(name);
      if (actual === null) {
        if (header.required) problems.push(`header ${name}: documented as required, missing`);
        continue;
      }
      if (header.schema) {
        const validate = validatorOf(`${title} header ${name}`, header.schema);
        if (!validate(headerValue(document, header.schema, actual))) problems.push(...describeErrors(`header ${name}`, validate.errors, actual));
      }
    }

    const body = await readBody(response, documented, problems, validatorOf, title);

    if (options.sent !== undefined && status.startsWith("2")) {
      const requestBody = found.operation.requestBody && resolveRef<oas32.RequestBodyObject>(document, found.operation.requestBody);
      const media = requestBody?.content["application/json"];
      const schema = media && resolveRef<oas32.MediaTypeObject>(document, media).schema;
      if (!schema) problems.push("request: the API accepted a JSON body, but the document describes none");
      else {
        const validate = validatorOf(`${key} request`, schema);
        if (!validate(options.sent)) {
          problems.push(...describeErrors("request body (accepted by the API, refused by the document)", validate.errors, options.sent));
        }
      }
    }

    if (problems.length > 0) throw new ContractError(`${title} does not match the document:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    return body;
  }

  return {
    check,
    checked: () => [...checked].sort(),
    unchecked: () =>
      listOperations(document)
        .map((o) => operationKey(o.method, o.path))
        .filter((key) => !checked.has(key))
        .sort(),
  };
}

async function readBody(
  response: Response,
  documented: oas32.ResponseObject,
  problems: string[],
  validatorOf: (id: string, schema: Schema) => ValidateFunction,
  title: string,
): Promise<unknown> {
  const text = await response.clone().text();
  const content = documented.content ?? {};
  const mediaTypes = Object.keys(content);
  const contentType = (response.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (mediaTypes.length === 0) {
    if (text !== "") problems.push(`body: the document describes none, the API answered ${contentType || "a body"}: ${truncate(text)}`);
    return undefined;
  }
  if (!content[contentType]) {
    problems.push(`content type: "${contentType}", the document says ${mediaTypes.map((m) => `"${m}"`).join(" or ")}`);
    return undefined;
  }
  if (!/[/+]json$/.test(contentType)) return text;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    problems.push(`body: not JSON: ${truncate(text)}`);
    return undefined;
  }
  const media = content[contentType] as oas32.MediaTypeObject;
  if (media.schema) {
    const validate = validatorOf(`${title} ${contentType}`, media.schema);
    if (!validate(body)) problems.push(...describeErrors("body", validate.errors, body));
  }
  return body;
}

/** A header's text as the value its schema describes: "37" is the number 37 to an integer schema. */
function headerValue(document: ApiDocument, schema: Schema, text: string): unknown {
  const resolved = resolveRef<oas32.SchemaObject>(document, schema);
  const type = typeof resolved === "object" ? resolved.type : undefined;
  const numeric = type === "integer" || type === "number" || (Array.isArray(type) && (type.includes("integer") || type.includes("number")));
  return numeric && text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text;
}

/** One line per ajv error: where (the JSON pointer), why, and the value found there. */
function describeErrors(where: string, errors: ErrorObject[] | null | undefined, data: unknown): string[] {
  return (errors ?? []).map((error) => {
    const at = error.instancePath || "(root)";
    const detail =
      error.keyword === "additionalProperties"
        ? `: "${(error.params as { additionalProperty: string }).additionalProperty}"`
        : error.keyword === "enum"
          ? `: ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")}`
          : "";
    return `${where} ${at}: ${error.message}${detail} (found ${truncate(JSON.stringify(valueAt(data, error.instancePath)))})`;
  });
}

function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const part of pointer.split("/").slice(1).map((p) => p.replaceAll("~1", "/").replaceAll("~0", "~"))) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

const truncate = (text: string | undefined, max = 200) => (text === undefined ? "nothing" : text.length > max ? `${text.slice(0, max)}…` : text);

/**
 * What makes the document unusable as OpenAPI 3.1, structurally: the version, paths and their
 * operations with answers, path parameters that match the template, refs that resolve, component
 * schemas that compile as JSON Schema 2020-12. An empty list for a sound document.
 */
export function openApiProblems(document: ApiDocument): string[] {
  const problems: string[] = [];
  if (document.openapi !== "3.1.0") problems.push(`openapi is ${JSON.stringify(document.openapi)}, not "3.1.0"`);
  if (!document.info?.title || !document.info.version) problems.push("info needs a title and a version");
  const operations = listOperations(document);
  if (operations.length === 0) problems.push("no operations under paths");
  for (const path of Object.keys(document.paths ?? {})) if (!path.startsWith("/")) problems.push(`path ${path} does not start with /`);
  for (const { method, path, operation, parameters } of operations) {
    const key = operationKey(method, path);
    if (Object.keys(operation.responses ?? {}).length === 0) problems.push(`${key}: no responses`);
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    const declared = parameters.filter((p) => p.in === "path");
    for (const name of templated) {
      const parameter = declared.find((p) => p.name === name);
      if (!parameter) problems.push(`${key}: path parameter {${name}} is not declared`);
      else if (!parameter.required) problems.push(`${key}: path parameter {${name}} must be required`);
    }
    for (const parameter of declared) if (!templated.includes(parameter.name)) problems.push(`${key}: path parameter ${parameter.name} is not in the path`);
    if (operation.operationId && operations.filter((o) => o.operation.operationId === operation.operationId).length > 1) {
      problems.push(`${key}: operationId ${operation.operationId} is not unique`);
    }
  }
  for (const ref of unresolvedRefs(document)) problems.push(`$ref ${ref} points nowhere`);
  if (problems.length > 0) return problems;
  try {
    const ajv = createAjv(document);
    for (const name of Object.keys(document.components?.schemas ?? {})) ajv.compile({ $ref: `${COMPONENTS}#/$defs/${name.replaceAll("~", "~0").replaceAll("/", "~1")}` });
  } catch (error) {
    problems.push(`a component schema is not valid JSON Schema 2020-12: ${(error as Error).message}`);
  }
  return problems;
}
