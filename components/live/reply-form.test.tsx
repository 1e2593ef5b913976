// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import { ReplyForm } from "./reply-form";

afterEach(cleanup);

const id = "00000000-0000-4000-8000-000000000001";
const note = "O envio por WhatsApp ainda não está conectado: as mensagens ficam na fila de envio.";
const textarea = () => screen.getByLabelText("Resposta") as HTMLTextAreaElement;
const describedBy = (element: HTMLElement) => element.getAttribute("aria-describedby")!.split(" ").map((i) => document.getElementById(i)?.textContent).join(" | ");

describe("ReplyForm", () => {
  test("shows the server's field error under the text, in Portuguese, keeping what was typed", async () => {
    const user = userEvent.setup();
    const action = vi.fn(async (): Promise<ActionResult> => ({ ok: false, code: "invalid", message: "Revise os campos destacados.", fieldErrors: { body: ["A mensagem pode ter até 4000 caracteres."] } }));
    render(<ReplyForm attendanceId={id} action={action} disabledReason={null} deliveryNote={note} />);
    await user.type(textarea(), "Olá");
    await user.click(screen.getByRole("button", { name: "Enviar" }));
    await waitFor(() => expect(textarea().getAttribute("aria-invalid")).toBe("true"));
    expect(describedBy(textarea())).toContain("A mensagem pode ter até 4000 caracteres.");
    expect(textarea().value).toBe("Olá");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  test("sends the attendance and the text, then clears the text for the next message", async () => {
    const user = userEvent.setup();
    const action = vi.fn(async (_previous: ActionResult | null, _data: FormData): Promise<ActionResult> => ({ ok: true }));
    render(<ReplyForm attendanceId={id} action={action} disabledReason={null} deliveryNote={note} />);
    await user.type(textarea(), "Já verifiquei seu pedido.");
    await user.keyboard("{Control>}{Enter}{/Control}");
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    const data = action.mock.calls[0][1];
    expect(Object.fromEntries(data.entries())).toEqual({ id, body: "Já verifiquei seu pedido." });
    await waitFor(() => expect(textarea().value).toBe(""));
    expect(document.activeElement).toBe(textarea());
  });

  test("a refusal that is not about the text is an alert", async () => {
    const user = userEvent.setup();
    const action = vi.fn(async (): Promise<ActionResult> => ({ ok: false, code: "conflict", message: "Só quem está com o atendimento responde por ele.", fieldErrors: {} }));
    render(<ReplyForm attendanceId={id} action={action} disabledReason={null} deliveryNote={note} />);
    await user.type(textarea(), "Oi");
    await user.click(screen.getByRole("button", { name: "Enviar" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Só quem está com o atendimento responde por ele.");
  });

  test("is off, saying why, for whoever does not hold the attendance", () => {
    render(<ReplyForm attendanceId={id} action={vi.fn()} disabledReason="Aguardando na fila: só quem o atender responde." deliveryNote={note} />);
    expect(textarea().disabled).toBe(true);
    expect((screen.getByRole("button", { name: "Enviar" }) as HTMLButtonElement).disabled).toBe(true);
    expect(describedBy(textarea())).toBe("Aguardando na fila: só quem o atender responde.");
  });

  test("says whether replies on the attendance's channel are sent", () => {
    render(<ReplyForm attendanceId={id} action={vi.fn()} disabledReason={null} deliveryNote={note} />);
    expect(screen.getByText(note)).toBeTruthy();
  });
});
