import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";
import type { ApiDocument } from "./openapi-document";
import { typeText } from "./schema-description";
import { schemaFields } from "./schema-fields";

const rows = (document: ApiDocument, name: string) =>
  schemaFields(document, { $ref: `#/components/schemas/${name}` }).map((row) => [row.path, typeText(row.type), row.required]);

describe("schemaFields", () => {
  const document = openApiDocument();

  it("lists a contact's fields, the nested objects' too (nullable, in lists, in maps)", () => {
    expect(rows(document, "Contact")).toEqual([
      ["customerCode", "texto", true],
      ["name", "texto", true],
      ["document", "texto", true],
      ["documentType", "um de: cpf, cnpj", true],
      ["priority", "um de: high, medium, low", true],
      ["tags", "lista de texto", true],
      ["phones", "lista de texto", true],
      ["emails", "lista de texto", true],
      ["segments", "lista de objeto", true],
      ["segments[].id", "UUID", true],
      ["segments[].name", "texto", true],
      ["responsible", "objeto ou null", true],
      ["responsible.id", "UUID", true],
      ["responsible.name", "texto", true],
      ["responsible.email", "texto", true],
      ["consent", "objeto (chave: um de: whatsapp, sms, email; valor: objeto)", true],
      ["consent.*.status", "um de: granted, denied", true],
      ["consent.*.at", "texto", true],
      ["consent.*.source", "texto", true],
      ["consent.*.by", "texto", true],
      ["version", "inteiro", true],
      ["createdAt", "data e hora (ISO 8601)", true],
      ["updatedAt", "data e hora (ISO 8601)", true],
    ]);
    const depth = Object.fromEntries(schemaFields(document, { $ref: "#/components/schemas/Contact" }).map((row) => [row.path, row.depth]));
    expect([depth.segments, depth["segments[].id"], depth["consent.*.at"]]).toEqual([0, 1, 1]);
  });

  it("keeps a component met inside another as a link, not a copy of its table", () => {
    expect(rows(document, "ContactPage")).toEqual([
      ["data", "lista de Contact", true],
      ["next", "texto ou null", true],
    ]);
  });

  it("carries constraints and descriptions, and says which fields are optional", () => {
    const problem = schemaFields(document, { $ref: "#/components/schemas/Problem" });
    expect(problem.find((row) => row.path === "detail")).toMatchObject({ required: false, description: "O que aconteceu e o que fazer." });
    expect(problem.find((row) => row.path === "errors")).toMatchObject({ required: false, type: ["objeto (chave: texto; valor: lista de texto)"] });
  });

  it("is empty for what is not an object", () => {
    expect(schemaFields(document, { type: "array", items: { $ref: "#/components/schemas/Contact" } })).toEqual([]);
    expect(schemaFields(document, undefined)).toEqual([]);
  });
});
