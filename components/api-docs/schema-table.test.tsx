// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, test } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import type { ApiDocument } from "@/lib/api/openapi-document";
import { SchemaTable } from "./schema-table";

afterEach(cleanup);

const document = openApiDocument();
const rowOf = (table: HTMLElement, path: string) => within(table).getByText(path, { selector: "td:first-child > code" }).closest("tr")!;
const cells = (row: HTMLElement) => within(row).getAllByRole("cell").map((cell) => cell.textContent);

describe("SchemaTable", () => {
  test("lists a component's fields with type, whether required, constraints and description, nested ones too", () => {
    render(<SchemaTable document={document} schema={{ $ref: "#/components/schemas/Contact" }} caption="Campos de Contact" />);
    const table = screen.getByRole("table", { name: "Campos de Contact" });
    expect(within(table).getAllByRole("columnheader").map((th) => th.textContent)).toEqual(["Campo", "Tipo", "Obrigatório", "Restrições", "Descrição"]);
    expect(cells(rowOf(table, "priority"))).toEqual(["priority", "um de: high, medium, low", "Sim", "—Nenhuma", "Alta, média ou baixa: ordena a fila de atendimento."]);
    expect(cells(rowOf(table, "segments[].id"))).toEqual(["segments[].id", "UUID", "Sim", "—Nenhuma", ""]);
    expect(cells(rowOf(table, "phones"))).toEqual(["phones", "lista de texto", "Sim", "—Nenhuma", "Em E.164: +5511987654321."]);
    expect(rowOf(table, "consent.*.status")).toBeTruthy();
  });

  test("links a component met inside another to its own table, and marks optional fields", () => {
    render(<SchemaTable document={document} schema={{ $ref: "#/components/schemas/ContactPage" }} caption="Campos de ContactPage" />);
    const table = screen.getByRole("table", { name: "Campos de ContactPage" });
    expect(within(rowOf(table, "data")).getByRole("link", { name: "Contact" })).toHaveProperty("hash", "#schema-Contact");
    cleanup();
    render(<SchemaTable document={document} schema={{ $ref: "#/components/schemas/Problem" }} caption="Problema" />);
    expect(cells(rowOf(screen.getByRole("table", { name: "Problema" }), "detail"))[2]).toBe("Não");
  });

  test("shows a body's constraints, each on its line, and the code in its description", () => {
    const doc: ApiDocument = {
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      components: {
        schemas: {
          Query: {
            type: "object",
            properties: {
              limit: { type: "integer", minimum: 1, maximum: 500, default: 100, description: "Use `limit` para o tamanho da página." },
              code: { type: "string", minLength: 1, maxLength: 64, pattern: "^\\S*$" },
            },
          },
        },
      },
    };
    render(<SchemaTable document={doc} schema={{ $ref: "#/components/schemas/Query" }} caption="Consulta" />);
    const row = rowOf(screen.getByRole("table", { name: "Consulta" }), "limit");
    expect(cells(row).slice(1, 3)).toEqual(["inteiro de 1 a 500", "Não"]);
    expect(within(row).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["padrão: 100"]);
    expect(within(row).getByText("limit", { selector: "p code" })).toBeTruthy();
    const code = rowOf(screen.getByRole("table", { name: "Consulta" }), "code");
    expect(within(code).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["não vazio", "expressão regular: ^\\S*$"]);
  });

  test("tells a schema that is not an object by its type, linking the component", () => {
    render(<SchemaTable document={document} schema={{ type: "array", items: { $ref: "#/components/schemas/Contact" } }} caption="Lista" />);
    expect(screen.queryByRole("table")).toBeNull();
    expect(screen.getByText(/Tipo:/).textContent).toBe("Tipo: lista de Contact");
    expect(screen.getByRole("link", { name: "Contact" })).toHaveProperty("hash", "#schema-Contact");
  });
});
