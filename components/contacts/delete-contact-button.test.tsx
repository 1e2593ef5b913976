// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import { DeleteContactButton } from "./delete-contact-button";

afterEach(cleanup);

const maria = { name: "Maria Souza", customerCode: "CLI-000123" };

describe("DeleteContactButton", () => {
  test("asks naming the contact and its code, with Cancel first; Cancel deletes nothing and gives focus back", async () => {
    const user = userEvent.setup();
    const remove = vi.fn(async (): Promise<ActionResult> => ({ ok: true }));
    render(<DeleteContactButton contact={maria} remove={remove} />);
    const trigger = screen.getByRole("button", { name: "Excluir" });
    await user.click(trigger);
    const dialog = screen.getByRole("alertdialog", { name: "Excluir contato" });
    expect(dialog.textContent).toContain("Excluir Maria Souza (CLI-000123)?");
    expect(dialog.textContent).toContain("Esta exclusão não pode ser desfeita.");
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Cancelar" }));
    await user.click(screen.getByRole("button", { name: "Cancelar" }));
    await waitFor(() => expect(document.activeElement).toBe(trigger));
    expect(remove).not.toHaveBeenCalled();
  });

  test("deletes once on confirm, and a refusal stays in the dialog", async () => {
    const user = userEvent.setup();
    const remove = vi.fn(async (): Promise<ActionResult> => ({ ok: false, code: "not_found", message: "Contato não encontrado.", fieldErrors: {} }));
    render(<DeleteContactButton contact={maria} remove={remove} />);
    await user.click(screen.getByRole("button", { name: "Excluir" }));
    await user.click(screen.getByRole("button", { name: "Excluir Maria Souza" }));
    expect(remove).toHaveBeenCalledTimes(1);
    expect((await screen.findByRole("alert")).textContent).toBe("Contato não encontrado.");
    expect(screen.getByRole("alertdialog")).toBeTruthy();
  });
});
