// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, test } from "vitest";
import { Conversation, type ConversationProps } from "./conversation";

afterEach(cleanup);

type Message = ConversationProps["messages"][number];
const at = new Date("2025-03-10T13:00:00Z");
const message = (id: number, fields: Partial<Message>): Message => ({
  id: `00000000-0000-4000-8000-00000000000${id}`,
  direction: "outbound",
  body: `Mensagem ${id}`,
  status: "queued",
  authorName: "Ana",
  createdAt: at,
  sentAt: null,
  error: null,
  ...fields,
});

const item = (body: string) => screen.getByText(body).closest("li")!;

describe("Conversation", () => {
  test("shows each reply's delivery: queued, sent, failed with the reason, retrying with the last failure", () => {
    render(
      <Conversation
        customerName="Maria"
        messages={[
          message(1, { direction: "inbound", status: "received", authorName: null }),
          message(2, { status: "queued" }),
          message(3, { status: "sent", sentAt: new Date("2025-03-10T13:01:00Z") }),
          message(4, { status: "failed", error: "O servidor de e-mail respondeu: 550 5.1.1 Caixa postal inexistente" }),
          message(5, { status: "queued", error: "O servidor de e-mail respondeu: 451 Tente mais tarde" }),
        ]}
      />,
    );
    expect(within(item("Mensagem 1")).queryByText(/enviada|fila|falhou/)).toBeNull();
    expect(within(item("Mensagem 1")).getByText("Maria")).toBeTruthy();
    expect(within(item("Mensagem 2")).getByText("na fila de envio")).toBeTruthy();
    expect(within(item("Mensagem 3")).getByText("enviada").closest("[title]")?.getAttribute("title")).toBe("Enviada em 10/03/2025 às 10:01");
    expect(within(item("Mensagem 4")).getByText("falhou")).toBeTruthy();
    expect(within(item("Mensagem 4")).getByText("Motivo: O servidor de e-mail respondeu: 550 5.1.1 Caixa postal inexistente")).toBeTruthy();
    expect(within(item("Mensagem 5")).getByText("na fila de envio")).toBeTruthy();
    expect(within(item("Mensagem 5")).getByText("A última tentativa falhou (O servidor de e-mail respondeu: 451 Tente mais tarde); o envio será tentado de novo.")).toBeTruthy();
  });

  test("says when there is no message yet", () => {
    render(<Conversation customerName="Maria" messages={[]} />);
    expect(screen.getByText("Nenhuma mensagem ainda.")).toBeTruthy();
  });
});
