import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";
import { findOperation, listOperations, type ApiDocument, type ApiOperation } from "./openapi-document";
import { curlExample, exampleValue } from "./request-example";

const operation = (document: ApiDocument, method: string, path: string): ApiOperation => {
  const found = findOperation(document, method, path);
  if (!found) throw new Error(`${method} ${path} is not in the document`);
  return found;
};

describe("exampleValue", () => {
  const document: ApiDocument = {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    components: { schemas: { Item: { type: "object", properties: { id: { type: "string", format: "uuid" } }, required: ["id"] } } },
  };

  it("uses what the schema gives (example, const, default, first value), else a placeholder of its type", () => {
    expect(exampleValue(document, { type: "string", example: "CLI-1" })).toBe("CLI-1");
    expect(exampleValue(document, { type: "integer", default: 100, minimum: 1 })).toBe(100);
    expect(exampleValue(document, { type: "string", enum: ["whatsapp", "sms"] })).toBe("whatsapp");
    expect(exampleValue(document, { type: "string", format: "email" })).toBe("cliente@exemplo.com.br");
    expect(exampleValue(document, { type: "integer", minimum: 1, maximum: 500 })).toBe(1);
    expect(exampleValue(document, { type: "integer", minimum: -Number.MAX_SAFE_INTEGER })).toBe(0);
    expect(exampleValue(document, { anyOf: [{ type: "null" }, { type: "string", const: "" }, { type: "array", items: { type: "string" } }] })).toEqual(["texto"]);
  });

  it("fills an object with its required properties, then the optional ones that give an example, following references", () => {
    const value = exampleValue(document, {
      type: "object",
      properties: {
        note: { type: "string" },
        label: { type: "string", example: "Rótulo" },
        item: { $ref: "#/components/schemas/Item" },
        count: { type: "integer" },
      },
      required: ["count", "item"],
    });
    expect(value).toEqual({ item: { id: "3fa85f64-5717-4562-b3fc-2c963f66afa6" }, count: 0, label: "Rótulo" });
    expect(Object.keys(value as object)).toEqual(["item", "count", "label"]);
  });
});

describe("curlExample", () => {
  const document = openApiDocument();

  it("builds a read with the path's example, the key as a variable and no body", () => {
    expect(curlExample(document, operation(document, "GET", "/contacts/{customerCode}"))).toBe(
      ['curl -X GET "$CARTEIRA_URL/api/v1/contacts/CLI-000123"', '-H "Authorization: Bearer $CARTEIRA_KEY"'].join(" \\\n  "),
    );
  });

  it("builds a write with a JSON skeleton of the body, quoted for the shell", () => {
    const lines = curlExample(document, operation(document, "POST", "/attendances")).split(" \\\n  ");
    expect(lines.slice(0, 2)).toEqual(['curl -X POST "$CARTEIRA_URL/api/v1/attendances"', '-H "Authorization: Bearer $CARTEIRA_KEY"']);
    expect(lines).toContain("-H 'Content-Type: application/json'");
    const body = lines.at(-1)!;
    expect(body.startsWith("-d '")).toBe(true);
    expect(JSON.parse(body.slice(4, -1))).toEqual({
      channel: "whatsapp",
      address: "+55 11 98765-4321",
      message: "Olá, quero saber do meu pedido.",
      customerCode: "CLI-000123",
    });
    // A header with an example is shown with it; an optional one without, left out.
    expect(lines).toContain("-H 'Idempotency-Key: msg-2026-000123'");
  });

  it("leaves out optional parameters that give no example", () => {
    const put = curlExample(document, operation(document, "PUT", "/contacts/{customerCode}"));
    expect(put).not.toContain("If-Match");
    expect(put).toContain('"$CARTEIRA_URL/api/v1/contacts/CLI-000123"');
    expect(curlExample(document, operation(document, "GET", "/contacts"))).toContain('"$CARTEIRA_URL/api/v1/contacts"');
  });

  it("escapes a single quote inside the body", () => {
    const quoted: ApiDocument = {
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {
        "/notes": {
          post: {
            requestBody: { content: { "application/json": { schema: { type: "object", properties: { text: { type: "string", example: "it's" } } } } } },
            responses: {},
          },
        },
      },
    };
    expect(curlExample(quoted, operation(quoted, "POST", "/notes"))).toContain(`-d '{\n  "text": "it'\\''s"\n}'`);
    // No security named: no key.
    expect(curlExample(quoted, operation(quoted, "POST", "/notes"))).not.toContain("Authorization");
  });

  it("is built for every operation of the document", () => {
    for (const each of listOperations(document)) expect(curlExample(document, each)).toMatch(/^curl -X [A-Z]+ "\$CARTEIRA_URL\/api\/v1\//);
  });
});
