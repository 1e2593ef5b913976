// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import { DeactivateUserForm } from "./deactivate-user-form";

afterEach(cleanup);

const ana = { id: "u1", name: "Ana Souza", responsibleFor: 12 };
const heirs = [{ id: "u2", name: "Bruno Lima" }];

describe("DeactivateUserForm", () => {
  test("confirms naming the person and who takes over the contacts, then sends the choice once", async () => {
    const user = userEvent.setup();
    const action = vi.fn(async (_previous: unknown, _data: FormData): Promise<ActionResult> => ({ ok: true }));
    render(<DeactivateUserForm user={ana} heirs={heirs} action={action} />);
    await user.selectOptions(screen.getByLabelText("Passar os 12 contatos de que é responsável para"), "Bruno Lima");
    await user.click(screen.getByRole("button", { name: "Desativar usuário" }));

    const dialog = screen.getByRole("alertdialog", { name: "Desativar Ana Souza" });
    expect(dialog.textContent).toContain("Desativar Ana Souza? A sessão aberta termina na próxima página");
    expect(dialog.textContent).toContain("Os 12 contatos de que é responsável passam para Bruno Lima");
    expect(document.activeElement?.textContent).toBe("Cancelar");
    await user.click(screen.getByRole("button", { name: "Desativar e passar 12 contatos" }));
    expect(action).toHaveBeenCalledTimes(1);
    expect(Object.fromEntries(action.mock.calls[0][1].entries())).toEqual({ id: "u1", handoverTo: "u2" });
  });

  test("without an heir it says the contacts stay with the person; Escape sends nothing", async () => {
    const user = userEvent.setup();
    const action = vi.fn(async (): Promise<ActionResult> => ({ ok: true }));
    render(<DeactivateUserForm user={ana} heirs={heirs} action={action} />);
    await user.click(screen.getByRole("button", { name: "Desativar usuário" }));
    expect(screen.getByRole("alertdialog").textContent).toContain("Os 12 contatos de que é responsável continuam com Ana Souza como responsável.");
    expect(screen.getByRole("button", { name: "Desativar Ana Souza" })).toBeTruthy();
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(action).not.toHaveBeenCalled();
  });

  test("a refusal (the last admin) is said in the dialog instead of closing it", async () => {
    const user = userEvent.setup();
    const action = vi.fn(async (): Promise<ActionResult> => ({
      ok: false,
      code: "conflict",
      message: "Revise os campos destacados.",
      fieldErrors: { id: ["Esta é a última pessoa administradora ativa: ela não pode ser desativada."] },
    }));
    render(<DeactivateUserForm user={{ ...ana, responsibleFor: 0 }} heirs={[]} action={action} />);
    await user.click(screen.getByRole("button", { name: "Desativar usuário" }));
    await user.click(screen.getByRole("button", { name: "Desativar Ana Souza" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Esta é a última pessoa administradora ativa: ela não pode ser desativada.");
    expect(screen.getByRole("alertdialog")).toBeTruthy();
  });
});
