// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import { BulkUndoButton } from "./bulk-undo-button";

const router = vi.hoisted(() => ({ refresh: vi.fn() }));
vi.mock("next/navigation", async (original) => ({ ...(await original<object>()), useRouter: () => router }));

afterEach(() => {
  cleanup();
  router.refresh.mockReset();
});

describe("BulkUndoButton", () => {
  test("asks naming the action and how many contacts go back; confirm undoes once and refreshes the list", async () => {
    const user = userEvent.setup();
    const undo = vi.fn(async (): Promise<ActionResult> => ({ ok: true }));
    render(<BulkUndoButton id="b1" label="Definir responsável (Ana Souza)" changed={120} undo={undo} />);
    await user.click(screen.getByRole("button", { name: "Desfazer Definir responsável (Ana Souza)" }));
    const dialog = screen.getByRole("alertdialog", { name: "Desfazer ação em massa" });
    expect(dialog.textContent).toContain("Desfazer “Definir responsável (Ana Souza)”? 120 contatos alterados voltam ao que eram antes.");
    await user.click(screen.getByRole("button", { name: "Desfazer em 120 contatos" }));
    expect(undo).toHaveBeenCalledExactlyOnceWith("b1");
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(router.refresh).toHaveBeenCalled();
  });

  test("Escape undoes nothing; a refusal is said in the dialog", async () => {
    const user = userEvent.setup();
    const undo = vi.fn(async (): Promise<ActionResult> => ({ ok: false, code: "conflict", message: "Esta ação já está sendo desfeita.", fieldErrors: {} }));
    render(<BulkUndoButton id="b1" label="Adicionar hashtags (#vip)" changed={1} undo={undo} />);
    const trigger = screen.getByRole("button", { name: "Desfazer Adicionar hashtags (#vip)" });
    await user.click(trigger);
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(undo).not.toHaveBeenCalled();

    await user.click(trigger);
    await user.click(screen.getByRole("button", { name: "Desfazer em 1 contato" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Esta ação já está sendo desfeita.");
  });
});
