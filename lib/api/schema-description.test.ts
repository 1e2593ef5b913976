import { describe, expect, it } from "vitest";
import type { ApiDocument, Schema } from "./openapi-document";
import { describeConstraints, describeSchema, describeType, typeText } from "./schema-description";

const document: ApiDocument = {
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  components: {
    schemas: {
      Contact: { type: "object", properties: { name: { type: "string" } } },
      Priority: { type: "string", enum: ["high", "medium", "low"], description: "A prioridade." },
      Alias: { $ref: "#/components/schemas/Priority" },
    },
  },
};

describe("describeType", () => {
  const cases: [string, Schema, string][] = [
    ["a string", { type: "string" }, "texto"],
    ["a non-empty string up to 64", { type: "string", minLength: 1, maxLength: 64 }, "texto (até 64)"],
    ["a string of 3 to 10", { type: "string", minLength: 3, maxLength: 10 }, "texto (de 3 a 10)"],
    ["a string of at least 8", { type: "string", minLength: 8 }, "texto (ao menos 8)"],
    ["a long string, its bound as the UI writes numbers", { type: "string", maxLength: 4000 }, "texto (até 4.000)"],
    ["a maximum only", { type: "integer", maximum: 100000 }, "inteiro até 100.000"],
    ["a UUID", { type: "string", format: "uuid" }, "UUID"],
    ["a date-time", { type: "string", format: "date-time" }, "data e hora (ISO 8601)"],
    ["an unnamed format", { type: "string", format: "int64" }, "texto"],
    ["an integer in range", { type: "integer", minimum: 1, maximum: 500 }, "inteiro de 1 a 500"],
    ["zod's safe-integer bounds", { type: "integer", minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER }, "inteiro"],
    ["a minimum only", { type: "number", minimum: 0 }, "número a partir de 0"],
    ["an exclusive minimum", { type: "number", exclusiveMinimum: 0 }, "número maior que 0"],
    ["a boolean", { type: "boolean" }, "true ou false"],
    ["an enum", { type: "string", enum: ["high", "medium", "low"] }, "um de: high, medium, low"],
    ["a const", { type: "string", const: "x" }, "o valor x"],
    ["a list of text", { type: "array", items: { type: "string" } }, "lista de texto"],
    ["a capped list", { type: "array", items: { type: "string", maxLength: 50 }, maxItems: 30 }, "lista de texto (até 50) (até 30 itens)"],
    ["a list of a component", { type: "array", items: { $ref: "#/components/schemas/Contact" } }, "lista de Contact"],
    ["a nullable string (type list)", { type: ["string", "null"] }, "texto ou null"],
    ["a nullable string (anyOf)", { anyOf: [{ type: "string", maxLength: 9 }, { type: "null" }] }, "texto (até 9) ou null"],
    [
      "an enum, the empty string or null, as one list",
      { anyOf: [{ type: "string", enum: ["high", "low"] }, { type: "string", const: "" }, { type: "null" }] },
      'um de: high, low, "", null',
    ],
    ["a union with a value", { anyOf: [{ type: "string", pattern: "^[a-f]+$" }, { type: "string", const: "" }, { type: "null" }] }, 'texto ou "" ou null'],
    ["a union with a list of values", { anyOf: [{ type: "string", enum: ["a", "b"] }, { type: "integer" }] }, "um de: a, b ou inteiro"],
    ["an object", { type: "object", properties: { a: { type: "string" } } }, "objeto"],
    [
      "a map",
      { type: "object", propertyNames: { type: "string", enum: ["sms", "email"] }, additionalProperties: { type: "array", items: { type: "string" } } },
      "objeto (chave: um de: sms, email; valor: lista de texto)",
    ],
    ["a component", { $ref: "#/components/schemas/Contact" }, "Contact"],
    ["anything", {}, "qualquer valor"],
    ["the same branch twice, once", { anyOf: [{ type: "string" }, { type: "string" }] }, "texto"],
  ];
  it.each(cases)("%s", (_name, schema, expected) => {
    expect(typeText(describeType(document, schema))).toBe(expected);
  });

  it("keeps a component as a part of its own, for the page to link", () => {
    expect(describeType(document, { anyOf: [{ $ref: "#/components/schemas/Contact" }, { type: "null" }] })).toEqual([{ component: "Contact" }, " ou null"]);
  });

  it("names the component a reference points to, not the one it passes through", () => {
    expect(describeType(document, { $ref: "#/components/schemas/Alias" })).toEqual([{ component: "Alias" }]);
  });

  it("refuses a reference that points nowhere, naming it", () => {
    expect(() => describeType(document, { $ref: "#/components/responses/Missing" })).toThrow("#/components/responses/Missing");
  });
});

describe("describeConstraints", () => {
  it("names what the type does not: default, non-empty, pattern, unnamed formats, items", () => {
    expect(describeConstraints(document, { type: "integer", default: 100 })).toEqual(["padrão: 100"]);
    expect(describeConstraints(document, { type: "string", minLength: 1, pattern: "^\\S*$" })).toEqual(["não vazio", "expressão regular: ^\\S*$"]);
    expect(describeConstraints(document, { type: "string", format: "int64" })).toEqual(["formato: int64"]);
    expect(describeConstraints(document, { anyOf: [{ type: "array", items: { type: "string", pattern: "^[a-z]+$" } }, { type: "null" }] })).toEqual([
      "cada item: expressão regular: ^[a-z]+$",
    ]);
    expect(describeConstraints(document, { type: "string", format: "uuid", pattern: "^[0-9a-f-]{36}$" })).toEqual([]);
  });
});

describe("describeSchema", () => {
  it("is the schema's description, else its first branch's, never a component's", () => {
    expect(describeSchema(document, { type: "string", description: "O nome." })).toBe("O nome.");
    expect(describeSchema(document, { anyOf: [{ type: "string", description: "Um código." }, { type: "null" }] })).toBe("Um código.");
    expect(describeSchema(document, { $ref: "#/components/schemas/Priority" })).toBeUndefined();
  });
});
