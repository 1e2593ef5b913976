// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import { TakeNextButton } from "./take-next-button";

afterEach(cleanup);

describe("TakeNextButton", () => {
  test("shows the data layer's refusal as an alert", async () => {
    const user = userEvent.setup();
    const action = vi.fn(async (): Promise<ActionResult> => ({ ok: false, code: "not_found", message: "Nenhum atendimento aguardando nas suas filas.", fieldErrors: {} }));
    render(<TakeNextButton action={action} paused={false} />);
    await user.click(screen.getByRole("button", { name: "Atender próximo" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Nenhum atendimento aguardando nas suas filas.");
    expect(action).toHaveBeenCalledTimes(1);
  });

  test("is off while paused, saying what to do", () => {
    render(<TakeNextButton action={vi.fn()} paused />);
    const button = screen.getByRole("button", { name: "Atender próximo" }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(document.getElementById(button.getAttribute("aria-describedby")!)?.textContent).toBe("Fique disponível para atender.");
  });
});
