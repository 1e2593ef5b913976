import { describe, expect, it } from "vitest";
import { componentName, findOperation, listOperations, operationKey, resolveRef, unresolvedRefs, type ApiDocument } from "./openapi-document";
import { openApiDocument } from "./openapi";

const document: ApiDocument = {
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: {
    "/things/{id}": {
      parameters: [
        { name: "id", in: "path", required: true, schema: { type: "string" } },
        { name: "trace", in: "header", schema: { type: "string" }, description: "from the path" },
      ],
      post: {
        operationId: "createThing",
        parameters: [{ $ref: "#/components/parameters/Trace" }],
        responses: {},
      },
      get: { responses: {} },
    },
  },
  components: {
    parameters: { Trace: { name: "trace", in: "header", schema: { type: "string" }, description: "the operation's own" } },
    schemas: { "a/b~c": { type: "string" } },
  },
};

describe("listOperations", () => {
  it("lists each method of each path in the usual order, with the path's parameters and the operation's own winning", () => {
    const operations = listOperations(document);
    expect(operations.map((o) => [operationKey(o.method, o.path), o.anchor])).toEqual([
      ["GET /things/{id}", "get-things-id"],
      ["POST /things/{id}", "createThing"],
    ]);
    expect(operations[1].parameters.map((p) => [p.name, p.description])).toEqual([
      ["id", undefined],
      ["trace", "the operation's own"],
    ]);
    expect(findOperation(document, "GET", "/things/{id}")?.operation).toBe(document.paths!["/things/{id}"].get);
    expect(findOperation(document, "DELETE", "/things/{id}")).toBeUndefined();
  });
});

describe("references", () => {
  it("follow JSON pointers, escapes included, and say which one points nowhere", () => {
    expect(resolveRef(document, { $ref: "#/components/schemas/a~1b~0c" })).toEqual({ type: "string" });
    expect(componentName({ $ref: "#/components/schemas/a~1b~0c" })).toBe("a/b~c");
    expect(componentName({ $ref: "#/components/parameters/Trace" })).toBeNull();
    expect(() => resolveRef(document, { $ref: "#/components/schemas/Nope" })).toThrow("#/components/schemas/Nope");
    expect(() => resolveRef(document, { $ref: "https://example.com/schema.json" })).toThrow("https://example.com/schema.json");
    expect(unresolvedRefs({ ...document, paths: { "/x": { get: { responses: { "200": { $ref: "#/components/responses/Gone" } } } } } })).toEqual([
      "#/components/responses/Gone",
    ]);
  });

  it("all resolve in the API's document", () => {
    expect(unresolvedRefs(openApiDocument())).toEqual([]);
  });
});
