// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import { outcomeLabels } from "@/lib/live/attendance-actions-input";
import { CloseAttendanceButton } from "./close-attendance-button";

afterEach(cleanup);

const id = "00000000-0000-4000-8000-000000000001";

describe("CloseAttendanceButton", () => {
  test("asks for the outcome with none chosen, naming the customer, and sends the choice", async () => {
    const user = userEvent.setup();
    const action = vi.fn(async (_previous: ActionResult | null, _data: FormData): Promise<ActionResult> => ({ ok: true }));
    render(<CloseAttendanceButton attendanceId={id} customer="Maria Silva" action={action} />);
    await user.click(screen.getByRole("button", { name: "Encerrar" }));
    const dialog = screen.getByRole("dialog", { name: "Encerrar atendimento" });
    expect(dialog.textContent).toContain("O atendimento de Maria Silva sai da sua lista");
    const outcome = within(dialog).getByLabelText(/Resultado/) as HTMLSelectElement;
    expect([...outcome.options].map((o) => [o.value, o.textContent])).toEqual([["", "Escolha…"], ...Object.entries(outcomeLabels)]);
    await user.selectOptions(outcome, "Cliente não respondeu");
    await user.click(within(dialog).getByRole("button", { name: "Encerrar atendimento" }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    expect(Object.fromEntries(action.mock.calls[0][1].entries())).toEqual({ id, outcome: "no_reply" });
  });

  test("keeps the dialog open with the schema's error at the outcome", async () => {
    const user = userEvent.setup();
    const action = vi.fn(async (): Promise<ActionResult> => ({ ok: false, code: "invalid", message: "Revise os campos destacados.", fieldErrors: { outcome: ["Escolha o resultado do atendimento."] } }));
    render(<CloseAttendanceButton attendanceId={id} customer="Maria Silva" action={action} />);
    await user.click(screen.getByRole("button", { name: "Encerrar" }));
    await user.click(screen.getByRole("button", { name: "Encerrar atendimento" }));
    const outcome = screen.getByLabelText(/Resultado/);
    await waitFor(() => expect(outcome.getAttribute("aria-invalid")).toBe("true"));
    expect(document.getElementById(outcome.getAttribute("aria-describedby")!)?.textContent).toBe("Escolha o resultado do atendimento.");
    expect(screen.getByRole("dialog")).toBeTruthy();
  });
});
