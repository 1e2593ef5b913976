// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, test } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { findOperation, type ApiDocument } from "@/lib/api/openapi-document";
import { OperationSection } from "./operation-section";

afterEach(cleanup);

const document = openApiDocument();
const operation = (doc: ApiDocument, method: string, path: string) => {
  const found = findOperation(doc, method, path);
  if (!found) throw new Error(`${method} ${path} is not in the document`);
  return found;
};
const rowOf = (table: HTMLElement, first: string) =>
  within(table)
    .getAllByRole("row")
    .find((row) => row.querySelector("td")?.textContent?.startsWith(first))!;

describe("OperationSection", () => {
  test("names the operation: method, path, summary as its heading, description with the permission", () => {
    render(<OperationSection document={document} operation={operation(document, "PUT", "/contacts/{customerCode}")} />);
    const section = screen.getByRole("region", { name: "Criar ou substituir um contato" });
    expect(section.id).toBe("putContact");
    expect(within(section).getByText("PUT")).toBeTruthy();
    expect(within(section).getByText("/contacts/{customerCode}", { selector: "header code" })).toBeTruthy();
    expect(within(section).getByText("contacts:write", { selector: "code" })).toBeTruthy();
  });

  test("lists the parameters, where each goes, whether required and its example", () => {
    render(<OperationSection document={document} operation={operation(document, "PUT", "/contacts/{customerCode}")} />);
    const parameters = screen.getByRole("table", { name: "Parâmetros de PUT /contacts/{customerCode}" });
    expect(within(rowOf(parameters, "customerCode")).getAllByRole("cell").map((c) => c.textContent).slice(0, 4)).toEqual([
      "customerCode",
      "caminho",
      "texto",
      "Sim",
    ]);
    expect(within(rowOf(parameters, "customerCode")).getByText("exemplo: CLI-000123")).toBeTruthy();
    expect(within(rowOf(parameters, "If-Match")).getAllByRole("cell").map((c) => c.textContent).slice(1, 4)).toEqual(["cabeçalho", "texto", "Não"]);
  });

  test("shows the body's fields and every answer, with its body and headers", () => {
    render(<OperationSection document={document} operation={operation(document, "PUT", "/contacts/{customerCode}")} />);
    const body = screen.getByRole("table", { name: "Campos do corpo de PUT /contacts/{customerCode}" });
    expect(within(rowOf(body, "name")).getAllByRole("cell").map((c) => c.textContent).slice(0, 3)).toEqual(["name", "texto (até 200)", "Sim"]);
    expect(within(rowOf(body, "customerCode")).getAllByRole("cell")[2].textContent).toBe("Não");

    const responses = screen.getByRole("table", { name: "Respostas de PUT /contacts/{customerCode}" });
    const created = rowOf(responses, "201");
    expect(within(created).getByRole("link", { name: "Contact" })).toHaveProperty("hash", "#schema-Contact");
    expect(within(created).getByText("Location")).toBeTruthy();
    expect(within(created).getByText("ETag")).toBeTruthy();
    expect(within(rowOf(responses, "412")).getByRole("link", { name: "Problem" })).toBeTruthy();
    expect(within(rowOf(responses, "429")).getByText("Retry-After")).toBeTruthy();
  });

  test("gives a curl to try it, in a region reachable by keyboard", () => {
    render(<OperationSection document={document} operation={operation(document, "POST", "/attendances")} />);
    const example = screen.getByRole("region", { name: "Exemplo de POST /attendances com curl" });
    expect(example.tabIndex).toBe(0);
    expect(example.textContent).toContain('curl -X POST "$CARTEIRA_URL/api/v1/attendances"');
    expect(example.textContent).toContain("Idempotency-Key: msg-2026-000123");
    expect(example.textContent).toContain('"channel": "whatsapp"');
  });

  test("shows an answer's inline schema as its own table, and an operation with no parameters or body", () => {
    const doc: ApiDocument = {
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {
        "/ping": {
          get: {
            responses: {
              "200": {
                description: "Vivo.",
                content: { "application/json": { schema: { type: "object", properties: { ok: { type: "boolean" } }, required: ["ok"] } } },
              },
            },
          },
        },
      },
    };
    render(<OperationSection document={doc} operation={operation(doc, "GET", "/ping")} />);
    expect(screen.getByRole("heading", { name: "GET /ping" })).toBeTruthy();
    expect(screen.queryByRole("table", { name: /Parâmetros/ })).toBeNull();
    const inline = screen.getByRole("table", { name: "Campos do corpo da resposta 200" });
    expect(within(rowOf(inline, "ok")).getAllByRole("cell").map((c) => c.textContent).slice(0, 3)).toEqual(["ok", "true ou false", "Sim"]);
  });
});
