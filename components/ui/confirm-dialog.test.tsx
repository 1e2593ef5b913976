// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import { ConfirmDialog, type ConfirmDialogProps } from "./confirm-dialog";

afterEach(cleanup);

function Harness(props: Partial<ConfirmDialogProps> & Pick<ConfirmDialogProps, "onConfirm">) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>Arquivar segmento</button>
      <ConfirmDialog
        isOpen={open}
        onOpenChange={setOpen}
        title="Arquivar Cobrança"
        summary="Mover 103 contatos para Varejo RJ e arquivar Cobrança."
        details={["2 membros deixam de ver estes contatos por Cobrança."]}
        confirmLabel="Mover 103 contatos e arquivar"
        {...props}
      />
    </>
  );
}

const failed = (message: string, fieldErrors = {}): ActionResult => ({ ok: false, code: "invalid", message, fieldErrors });

/** A promise the test settles when it wants, to look at the dialog while the action runs. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("ConfirmDialog", () => {
  test("opens as an alert dialog named by its title, says what will happen, and focuses Cancel first", async () => {
    const user = userEvent.setup();
    render(<Harness onConfirm={vi.fn(async () => ({ ok: true as const }))} />);
    expect(screen.queryByRole("alertdialog")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Arquivar segmento" }));
    const dialog = screen.getByRole("alertdialog", { name: "Arquivar Cobrança" });
    expect(document.getElementById(dialog.getAttribute("aria-describedby")!)?.textContent).toBe("Mover 103 contatos para Varejo RJ e arquivar Cobrança.");
    expect(dialog.textContent).toContain("2 membros deixam de ver estes contatos por Cobrança.");
    expect(screen.getByRole("button", { name: "Mover 103 contatos e arquivar" })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Cancelar" }));
  });

  test("focuses the confirm button first when the action is not destructive", async () => {
    const user = userEvent.setup();
    render(<Harness tone="primary" confirmLabel="Desfazer" onConfirm={vi.fn(async () => ({ ok: true as const }))} />);
    await user.click(screen.getByRole("button", { name: "Arquivar segmento" }));
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Desfazer" }));
  });

  test("Escape and Cancel close without running the action, and focus goes back to the trigger", async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn(async () => ({ ok: true as const }));
    render(<Harness onConfirm={onConfirm} />);
    const trigger = screen.getByRole("button", { name: "Arquivar segmento" });

    await user.click(trigger);
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(trigger));

    await user.click(trigger);
    await user.click(screen.getByRole("button", { name: "Cancelar" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(trigger));
    expect(onConfirm).not.toHaveBeenCalled();
  });

  test("keeps focus inside while open", async () => {
    const user = userEvent.setup();
    render(<Harness onConfirm={vi.fn(async () => ({ ok: true as const }))} />);
    await user.click(screen.getByRole("button", { name: "Arquivar segmento" }));
    const dialog = screen.getByRole("alertdialog");
    for (let i = 0; i < 4; i++) {
      await user.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
  });

  test("confirm runs the action once, shows it pending meanwhile, and closes when it succeeds", async () => {
    const user = userEvent.setup();
    const answer = deferred<ActionResult>();
    const onConfirm = vi.fn(() => answer.promise);
    render(<Harness onConfirm={onConfirm} />);
    await user.click(screen.getByRole("button", { name: "Arquivar segmento" }));
    const confirm = screen.getByRole("button", { name: "Mover 103 contatos e arquivar" });
    await user.click(confirm);
    await user.click(confirm); // a second click while pending does nothing
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(confirm.getAttribute("aria-busy")).toBe("true");
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole("button", { name: "Cancelar" }) as HTMLButtonElement).disabled).toBe(true);
    // Escape does not hide an action that is running.
    await user.keyboard("{Escape}");
    expect(screen.getByRole("alertdialog")).toBeTruthy();

    answer.resolve({ ok: true });
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  test("a failure stays in the dialog as an alert, field errors first, and clears when reopened", async () => {
    const user = userEvent.setup();
    const onConfirm = vi
      .fn<() => Promise<ActionResult>>()
      .mockResolvedValueOnce(failed("Revise os campos destacados.", { targetSegmentId: ["Escolha outro segmento, em uso, como destino."] }))
      .mockResolvedValueOnce(failed("Não foi possível concluir agora. Tente novamente em instantes."));
    render(<Harness onConfirm={onConfirm} />);
    await user.click(screen.getByRole("button", { name: "Arquivar segmento" }));
    await user.click(screen.getByRole("button", { name: "Mover 103 contatos e arquivar" }));
    const dialog = screen.getByRole("alertdialog");
    expect((await screen.findByRole("alert")).textContent).toBe("Escolha outro segmento, em uso, como destino.");

    await user.click(screen.getByRole("button", { name: "Mover 103 contatos e arquivar" }));
    await waitFor(() => expect(screen.getByRole("alert").textContent).toBe("Não foi possível concluir agora. Tente novamente em instantes."));
    expect(dialog.isConnected).toBe(true);

    await user.click(screen.getByRole("button", { name: "Cancelar" }));
    await user.click(screen.getByRole("button", { name: "Arquivar segmento" }));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  test("an action that cannot be reached says so instead of closing", async () => {
    const user = userEvent.setup();
    render(<Harness onConfirm={vi.fn(async () => { throw new TypeError("Failed to fetch"); })} />);
    await user.click(screen.getByRole("button", { name: "Arquivar segmento" }));
    await user.click(screen.getByRole("button", { name: "Mover 103 contatos e arquivar" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Não foi possível concluir agora. Verifique a conexão e tente novamente.");
    expect(screen.getByRole("alertdialog")).toBeTruthy();
  });
});
