// @vitest-environment jsdom
import { cleanup, render, within } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { listOperations, type ApiDocument } from "@/lib/api/openapi-document";
import { ApiReference } from "./api-reference";

// The whole reference, rendered from the API's document as it is: whatever operations the document
// gains, the page must render them, and every link on it must land somewhere. The page is big: it is
// rendered once for the tests that read it, and read by id rather than by role, since computing
// every accessible name of it takes seconds in jsdom.

/** Every in-page link points at an element of the page, and no id is used twice. */
function expectSoundAnchors(container: HTMLElement) {
  const ids = [...container.querySelectorAll("[id]")].map((element) => element.id);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  const targets = [...container.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')].map((a) => a.getAttribute("href")!.slice(1));
  expect(targets.length).toBeGreaterThan(0);
  expect(targets.filter((id) => !ids.includes(id))).toEqual([]);
}

describe("ApiReference of the API's document", () => {
  const document = openApiDocument();
  let container: HTMLElement;
  beforeAll(() => {
    container = render(<ApiReference document={document} />).container;
  });
  afterAll(cleanup);

  test("renders every operation and every schema, with sound links", () => {
    expect(container.querySelector("h1")?.textContent).toBe("API da Carteira");
    for (const { operation, method, path, anchor } of listOperations(document)) {
      const section = container.querySelector(`section#${anchor}`)!;
      expect(section.querySelector("h3")?.textContent).toBe(operation.summary ?? `${method.toUpperCase()} ${path}`);
      expect([...section.querySelectorAll("caption")].map((caption) => caption.textContent)).toContain(`Respostas de ${method.toUpperCase()} ${path}`);
    }
    for (const name of Object.keys(document.components?.schemas ?? {})) {
      expect(container.querySelector(`#schema-${name} h3`)?.textContent).toBe(name);
    }
    expectSoundAnchors(container);
  });

  test("tells how to authenticate and where to create a key, the limits, the errors and idempotency", () => {
    const section = (id: string, name: string) => {
      const found = container.querySelector<HTMLElement>(`section#${id}`)!;
      expect(within(found).getByRole("heading", { level: 2 }).textContent).toBe(name);
      return found;
    };
    const auth = section("autenticacao", "Autenticação");
    expect(within(auth).getByText("Authorization: Bearer <chave>")).toBeTruthy();
    expect(within(auth).getByRole("link", { name: "Configurações → Chaves de API" }).getAttribute("href")).toBe("/settings/api-keys");
    expect(within(auth).getByText("contacts:read")).toBeTruthy();
    expect(within(section("limites", "Limite de requisições")).getByText("Retry-After")).toBeTruthy();
    expect(within(section("erros", "Erros")).getByRole("table", { name: "Campos de um erro (problem details)" })).toBeTruthy();
    const idempotency = section("idempotencia", "Idempotência");
    expect(within(idempotency).getByRole("link", { name: "POST /attendances" }).getAttribute("href")).toBe("#receiveAttendance");
    expect(within(container.querySelector("header")!).getByRole("link", { name: "openapi.json" }).getAttribute("href")).toBe("/api/v1/openapi.json");
  });

  test("lists the operations and schemas in the page's contents", () => {
    const contents = container.querySelector<HTMLElement>('nav[aria-label="Nesta página"]')!;
    expect(within(contents).getByRole("link", { name: /GET\s*\/contacts\/\{customerCode\}/ }).getAttribute("href")).toBe("#getContact");
    expect(within(contents).getByRole("link", { name: "Contact" }).getAttribute("href")).toBe("#schema-Contact");
  });
});

describe("ApiReference of a document that grew", () => {
  afterEach(cleanup);

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
    const send = container.querySelector<HTMLElement>("section#sendMessage")!;
    expect(within(send).getByRole("heading", { level: 3 }).textContent).toBe("Enviar uma mensagem");
    expect(within(send).getByText("parts[].text")).toBeTruthy();
    expect(within(send).getByRole("link", { name: "Contact" })).toBeTruthy();
    expect(within(container.querySelector<HTMLElement>("section#idempotencia")!).getByRole("link", { name: "POST /messages" })).toBeTruthy();
    const read = container.querySelector<HTMLElement>("section#get-messages-id")!;
    expect(within(read).getByRole("heading", { level: 3 }).textContent).toBe("Ler uma mensagem");
    expect(within(read).getByRole("table", { name: "Campos do corpo da resposta 200" })).toBeTruthy();
    expectSoundAnchors(container);
  });
});
