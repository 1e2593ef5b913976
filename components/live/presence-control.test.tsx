// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import { pauseReasons } from "@/lib/live/presence-input";
import { PresenceControl } from "./presence-control";

afterEach(cleanup);

const available = { status: "available" as const, pauseReason: null, since: null };
const ok = () => vi.fn(async (_previous: ActionResult | null, _data: FormData): Promise<ActionResult> => ({ ok: true }));

describe("PresenceControl", () => {
  test("is a labelled radio group, Disponível or Em pausa, starting at the saved status", () => {
    render(<PresenceControl presence={{ status: "paused", pauseReason: "Almoço", since: new Date("2026-11-26T15:04:00Z") }} action={ok()} />);
    const group = screen.getByRole("group", { name: "Seu status" });
    const radios = within(group).getAllByRole("radio") as HTMLInputElement[];
    expect(radios.map((r) => r.labels?.[0].textContent)).toEqual(["Disponível", "Em pausa"]);
    expect(radios.map((r) => r.checked)).toEqual([false, true]);
    expect((screen.getByLabelText(/Motivo da pausa/) as HTMLSelectElement).value).toBe("Almoço");
    expect(screen.getByText("Em pausa (Almoço)").parentElement?.textContent).toBe("Agora: Em pausa (Almoço) desde 12:04");
  });

  test("asks for the reason only when pausing, offering the reasons of the schema", async () => {
    const user = userEvent.setup();
    render(<PresenceControl presence={available} action={ok()} />);
    expect(screen.queryByLabelText(/Motivo da pausa/)).toBeNull();
    await user.click(screen.getByRole("radio", { name: "Em pausa" }));
    const reason = screen.getByLabelText(/Motivo da pausa/) as HTMLSelectElement;
    expect([...reason.options].map((o) => o.textContent)).toEqual(["Escolha…", ...pauseReasons]);
    expect(reason.value).toBe("");
  });

  test("sends the status and the reason", async () => {
    const user = userEvent.setup();
    const action = ok();
    render(<PresenceControl presence={available} action={action} />);
    await user.click(screen.getByRole("radio", { name: "Em pausa" }));
    await user.selectOptions(screen.getByLabelText(/Motivo da pausa/), "Treinamento");
    await user.click(screen.getByRole("button", { name: "Salvar status" }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    expect(Object.fromEntries(action.mock.calls[0][1].entries())).toEqual({ status: "paused", pauseReason: "Treinamento" });
  });

  test("shows the schema's error at the reason when none was chosen", async () => {
    const user = userEvent.setup();
    const action = vi.fn(async (): Promise<ActionResult> => ({ ok: false, code: "invalid", message: "Revise os campos destacados.", fieldErrors: { pauseReason: ["Escolha o motivo da pausa."] } }));
    render(<PresenceControl presence={available} action={action} />);
    await user.click(screen.getByRole("radio", { name: "Em pausa" }));
    await user.click(screen.getByRole("button", { name: "Salvar status" }));
    const reason = screen.getByLabelText(/Motivo da pausa/);
    await waitFor(() => expect(reason.getAttribute("aria-invalid")).toBe("true"));
    expect(document.getElementById(reason.getAttribute("aria-describedby")!)?.textContent).toBe("Escolha o motivo da pausa.");
  });
});
