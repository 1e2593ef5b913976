import { describe, expect, it } from "vitest";
import { openApiDocument } from "../openapi";
import type { ApiDocument } from "../openapi-document";
import { apiContract, ContractError, openApiProblems } from "./contract";

// The harness itself: an answer that keeps the document's promises passes, one that breaks them
// fails naming the field and the reason.

const problem = { content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } };

const document: ApiDocument = {
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: {
    "/things/{id}": {
      get: {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": {
            description: "A thing.",
            headers: {
              ETag: { required: true, schema: { type: "string" } },
              "X-Count": { schema: { type: "integer", minimum: 0 } },
            },
            content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } },
          },
          "204": { description: "Nothing." },
          "4XX": { description: "Refused.", ...problem },
        },
      },
      put: {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        requestBody: { content: { "application/json": { schema: { type: "object", properties: { name: { type: "string" } }, required: ["name"] } } } },
        responses: { "200": { description: "Saved." }, default: { description: "Anything else.", ...problem } },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: "object",
        properties: {
          id: { type: "string", format: "uuid" },
          kind: { type: "string", enum: ["a", "b"] },
          tags: { type: "array", items: { type: "string" } },
          at: { type: "string", format: "date-time" },
          odd: { type: "string", format: "x-unknown" },
        },
        required: ["id", "kind"],
        additionalProperties: false,
      },
      Problem: { type: "object", properties: { title: { type: "string" }, status: { type: "integer" } }, required: ["title", "status"] },
    },
  },
};

const thing = { id: "3fa85f64-5717-4562-b3fc-2c963f66afa6", kind: "a", tags: ["x"], at: "2026-03-05T14:30:00-03:00", odd: "whatever" };
const json = (body: unknown, status = 200, headers: Record<string, string> = { etag: '"1"' }) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
const problemResponse = (status: number) =>
  new Response(JSON.stringify({ title: "Não", status }), { status, headers: { "content-type": "application/problem+json" } });

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ContractError);
  return (error as Error).message;
}

describe("apiContract", () => {
  it("passes an answer that matches, and hands back its body", async () => {
    const contract = apiContract(document);
    expect(await contract.check("GET", "/things/{id}", json(thing, 200, { etag: '"1"', "x-count": "3" }))).toEqual(thing);
    expect(await contract.check("get", "/things/{id}", new Response(null, { status: 204 }))).toBeUndefined();
  });

  it("reads the status's class (4XX) and default when the exact status is not listed", async () => {
    const contract = apiContract(document);
    expect(await contract.check("GET", "/things/{id}", problemResponse(404))).toEqual({ title: "Não", status: 404 });
    expect(await contract.check("PUT", "/things/{id}", problemResponse(503))).toMatchObject({ status: 503 });
  });

  it("fails a body that breaks the schema, naming each field and why", async () => {
    const contract = apiContract(document);
    const message = await failure(contract.check("GET", "/things/{id}", json({ id: "nope", kind: "c", tags: [1], extra: true })));
    expect(message).toContain("GET /things/{id} → 200 does not match the document:");
    expect(message).toContain('body /id: must match format "uuid" (found "nope")');
    expect(message).toContain('body /kind: must be equal to one of the allowed values: "a", "b" (found "c")');
    expect(message).toContain("body /tags/0: must be string (found 1)");
    expect(message).toContain('body (root): must NOT have additional properties: "extra"');
    expect(await failure(contract.check("GET", "/things/{id}", json({ kind: "a" })))).toContain("body (root): must have required property 'id'");
    expect(await failure(contract.check("GET", "/things/{id}", json({ ...thing, at: "ontem" })))).toContain('body /at: must match format "date-time"');
  });

  it("fails a missing required header, and a header value its schema refuses", async () => {
    const contract = apiContract(document);
    expect(await failure(contract.check("GET", "/things/{id}", json(thing, 200, {})))).toContain("header ETag: documented as required, missing");
    expect(await failure(contract.check("GET", "/things/{id}", json(thing, 200, { etag: '"1"', "x-count": "-1" })))).toContain(
      "header X-Count (root): must be >= 0",
    );
  });

  it("fails an undocumented status, another content type, a body where none is documented, and a body that is not JSON", async () => {
    const contract = apiContract(document);
    expect(await failure(contract.check("GET", "/things/{id}", json(thing, 500)))).toContain(
      "GET /things/{id} → 500: the document lists no such answer (it lists 200, 204, 4XX)",
    );
    expect(await failure(contract.check("GET", "/things/{id}", new Response("<html>", { headers: { "content-type": "text/html", etag: "1" } })))).toContain(
      'content type: "text/html", the document says "application/json"',
    );
    expect(await failure(contract.check("PUT", "/things/{id}", json({}, 200, {})))).toContain("body: the document describes none");
    expect(await failure(contract.check("GET", "/things/{id}", new Response("{", { headers: { "content-type": "application/json", etag: "1" } })))).toContain(
      "body: not JSON",
    );
  });

  it("fails a request body the API accepted but the document refuses", async () => {
    const contract = apiContract(document);
    expect(await contract.check("PUT", "/things/{id}", new Response(null), { sent: { name: "x" } })).toBeUndefined();
    expect(await failure(contract.check("PUT", "/things/{id}", new Response(null), { sent: {} }))).toContain(
      "request body (accepted by the API, refused by the document) (root): must have required property 'name'",
    );
    // A refused request proves nothing about the request schema.
    expect(await contract.check("PUT", "/things/{id}", problemResponse(422), { sent: {} })).toMatchObject({ status: 422 });
  });

  it("refuses an operation the document does not have, and records which ones were checked", async () => {
    const contract = apiContract(document);
    expect(await failure(contract.check("DELETE", "/things/{id}", new Response(null)))).toBe("DELETE /things/{id} is not an operation of the document.");
    expect(contract.unchecked()).toEqual(["GET /things/{id}", "PUT /things/{id}"]);
    await contract.check("PUT", "/things/{id}", new Response(null));
    expect(contract.checked()).toEqual(["PUT /things/{id}"]);
    expect(contract.unchecked()).toEqual(["GET /things/{id}"]);
  });

});

describe("openApiProblems", () => {
  it("finds nothing wrong with a sound document, nor with the API's", () => {
    expect(openApiProblems(document)).toEqual([]);
    expect(openApiProblems(openApiDocument())).toEqual([]);
  });

  it("names what breaks a document", () => {
    const broken: ApiDocument = {
      openapi: "3.0.3",
      info: { title: "t", version: "1" },
      paths: {
        "/a/{id}": { get: { operationId: "same", parameters: [{ name: "other", in: "path", required: true }], responses: {} } },
        "/b": { get: { operationId: "same", responses: { "200": { $ref: "#/components/responses/Gone" } } } },
      },
    };
    expect(openApiProblems(broken)).toEqual([
      'openapi is "3.0.3", not "3.1.0"',
      "GET /a/{id}: no responses",
      "GET /a/{id}: path parameter {id} is not declared",
      "GET /a/{id}: path parameter other is not in the path",
      "GET /a/{id}: operationId same is not unique",
      "GET /b: operationId same is not unique",
      "$ref #/components/responses/Gone points nowhere",
    ]);
    // "required" must be a list: the document is typed loosely enough to hold the mistake.
    const bad = { type: "object", required: "name" } as unknown as { type: "object" };
    const badSchema: ApiDocument = { ...document, components: { schemas: { ...document.components!.schemas, Bad: bad } } };
    expect(openApiProblems(badSchema)).toEqual([expect.stringContaining("a component schema is not valid JSON Schema 2020-12")]);
  });
});
