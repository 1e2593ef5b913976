// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import { TransferAttendanceButton } from "./transfer-attendance-button";

afterEach(cleanup);

const id = "00000000-0000-4000-8000-000000000001";
const options = {
  queues: [{ segmentId: "00000000-0000-4000-8000-0000000000aa", name: "Varejo SP" }, { segmentId: null, name: "Sem segmento" }],
  operators: [{ id: "00000000-0000-4000-8000-0000000000bb", name: "Lúcia Ramos" }],
};

describe("TransferAttendanceButton", () => {
  test("offers the queues and the people in two groups, with nothing chosen", async () => {
    const user = userEvent.setup();
    render(<TransferAttendanceButton attendanceId={id} options={options} action={vi.fn()} />);
    await user.click(screen.getByRole("button", { name: "Transferir" }));
    const select = within(screen.getByRole("dialog", { name: "Transferir atendimento" })).getByLabelText(/Transferir para/) as HTMLSelectElement;
    expect(select.value).toBe("");
    expect([...select.querySelectorAll("optgroup")].map((g) => [g.label, [...g.querySelectorAll("option")].map((o) => o.textContent)])).toEqual([
      ["Filas", ["Varejo SP", "Sem segmento"]],
      ["Pessoas", ["Lúcia Ramos"]],
    ]);
  });

  test("sends the choice, and shows a refusal at the select", async () => {
    const user = userEvent.setup();
    const action = vi.fn(async (_previous: ActionResult | null, _data: FormData): Promise<ActionResult> => ({
      ok: false, code: "invalid", message: "Revise os campos destacados.", fieldErrors: { userId: ["Escolha um operador da fila deste atendimento."] },
    }));
    render(<TransferAttendanceButton attendanceId={id} options={options} action={action} />);
    await user.click(screen.getByRole("button", { name: "Transferir" }));
    const dialog = screen.getByRole("dialog");
    const select = within(dialog).getByLabelText(/Transferir para/);
    await user.selectOptions(select, "Lúcia Ramos");
    await user.click(within(dialog).getByRole("button", { name: "Transferir" }));
    await waitFor(() => expect(select.getAttribute("aria-invalid")).toBe("true"));
    expect(Object.fromEntries(action.mock.calls[0][1].entries())).toEqual({ id, target: `operator:${options.operators[0].id}` });
    expect(select.getAttribute("aria-describedby")!.split(" ").map((i) => document.getElementById(i)?.textContent)).toContain("Escolha um operador da fila deste atendimento.");
    expect(document.activeElement).toBe(select);
  });

  test("opens afresh after being closed: no earlier choice or error", async () => {
    const user = userEvent.setup();
    const action = vi.fn(async (): Promise<ActionResult> => ({ ok: false, code: "invalid", message: "Revise os campos destacados.", fieldErrors: { to: ["Escolha para quem transferir."] } }));
    render(<TransferAttendanceButton attendanceId={id} options={options} action={action} />);
    await user.click(screen.getByRole("button", { name: "Transferir" }));
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Transferir" }));
    expect(await screen.findByText("Escolha para quem transferir.")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Cancelar" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    await user.click(screen.getByRole("button", { name: "Transferir" }));
    expect(screen.getByRole("dialog")).toBeTruthy();
    expect(screen.queryByText("Escolha para quem transferir.")).toBeNull();
  });
});
