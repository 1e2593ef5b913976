// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, test } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { listOperations, type ApiDocument } from "@/lib/api/openapi-document";
import { ApiReference } from "./api-reference";

// The whole reference, rendered from the API's document as it is: whatever operations the document
// gains, the page must render them, and every link on it must land somewhere.

afterEach(cleanup);

/** Every in-page link points at an element of the page, and no id is used twice. */
function expectSoundAnchors(container: HTMLElement) {
  const ids = [...container.querySelectorAll("[id]")].map((element) => element.id);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  const targets = [...container.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')].map((a) => a.getAttribute("href")!.slice(1));
  expect(targets.length).toBeGreaterThan(0);
  expect(targets.filter((id) => !ids.includes(id))).toEqual([]);
}

describe("ApiReference", () => {
  test("renders every operation and every schema of the API's document, with sound links", () => {
    const document = openApiDocument();
    const { container } = render(<ApiReference document={document} />);
    expect(screen.getByRole("heading", { level: 1, name: "API da Carteira" })).toBeTruthy();
    for (const { operation, method, path, anchor } of listOperations(document)) {
      const section = screen.getByRole("region", { name: operation.summary ?? `${method.toUpperCase()} ${path}` });
      expect(section.id).toBe(anchor);
      expect(within(section).getByRole("table", { name: `Respostas de ${method.toUpperCase()} ${path}` })).toBeTruthy();
    }
    for (const name of Object.keys(document.components?.schemas ?? {})) expect(screen.getByRole("heading", { level: 3, name })).toBeTruthy();
    expectSoundAnchors(container);
  });

  test("tells how to authenticate and where to create a key, the limits, the errors and idempotency", () => {
    render(<ApiReference document={openApiDocument()} />);
    const auth = screen.getByRole("region", { name: "Autenticação" });
    expect(within(auth).getByText("Authorization: Bearer <chave>")).toBeTruthy();
    expect(within(auth).getByRole("link", { name: "Configurações → Chaves de API" }).getAttribute("href")).toBe("/settings/api-keys");
    expect(within(auth).getByText("contacts:read")).toBeTruthy();
    expect(within(screen.getByRole("region", { name: "Limite de requisições" })).getByText("Retry-After")).toBeTruthy();
    const errors = screen.getByRole("region", { name: "Erros" });
    expect(within(errors).getByRole("table", { name: "Campos de um erro (problem details)" })).toBeTruthy();
    const idempotency = screen.getByRole("region", { name: "Idempotência" });
    expect(within(idempotency).getByRole("link", { name: "POST /attendances" }).getAttribute("href")).toBe("#receiveAttendance");
    expect(screen.getAllByRole("link", { name: "openapi.json" })[0].getAttribute("href")).toBe("/api/v1/openapi.json");
  });

  test("lists the operations and schemas in the page's contents", () => {
    render(<ApiReference document={openApiDocument()} />);
    const [contents] = screen.getAllByRole("navigation", { name: "Nesta página" });
    expect(within(contents).getByRole("link", { name: /GET\s*\/contacts\/\{customerCode\}/ }).getAttribute("href")).toBe("#getContact");
    expect(within(contents).getByRole("link", { name: "Contact" }).getAttribute("href")).toBe("#schema-Contact");
  });

  test("renders an operation the document gains, without a change to the page", () => {
    const current = openApiDocument();
    const document: ApiDocument = {
      ...current,
      paths: {
        ...current.paths,
        "/messages/{id}": {
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
          get: { summary: "Ler uma mensagem", responses: { "200": { $ref: "#/components/responses/Message" }, default: { description: "Erro." } } },
        },
        "/messages": {
          post: {
            operationId: "sendMessage",
            summary: "Enviar uma mensagem",
            parameters: [{ name: "Idempotency-Key", in: "header", schema: { type: "string", maxLength: 255 } }],
            requestBody: {
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      to: { $ref: "#/components/schemas/Contact" },
                      parts: { type: "array", items: { type: "object", properties: { text: { type: "string" } }, required: ["text"] }, maxItems: 5 },
                    },
                    required: ["to"],
                  },
                },
              },
            },
            responses: { "202": { description: "Na fila de envio." } },
          },
        },
      },
      components: {
        ...current.components,
        responses: { Message: { description: "A mensagem.", content: { "application/json": { schema: { type: "object", properties: { id: { type: "string" } } } } } } },
      },
    };
    const { container } = render(<ApiReference document={document} />);
    const send = screen.getByRole("region", { name: "Enviar uma mensagem" });
    expect(within(send).getByText("parts[].text")).toBeTruthy();
    expect(within(send).getByRole("link", { name: "Contact" })).toBeTruthy();
    expect(within(screen.getByRole("region", { name: "Idempotência" })).getByRole("link", { name: "POST /messages" })).toBeTruthy();
    const read = screen.getByRole("region", { name: "Ler uma mensagem" });
    expect(within(read).getByRole("table", { name: "Campos do corpo da resposta 200" })).toBeTruthy();
    expectSoundAnchors(container);
  });
});
