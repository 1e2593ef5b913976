// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import { ImportResult } from "./import-result";
import { importView } from "./testing/import-view";

const router = vi.hoisted(() => ({ refresh: vi.fn() }));
vi.mock("next/navigation", async (original) => ({ ...(await original<object>()), useRouter: () => router }));
vi.mock("next/link", () => ({
  default: ({ href, children, ...rest }: { href: string; children: React.ReactNode }) => <a href={href} {...rest}>{children}</a>,
}));

afterEach(() => {
  cleanup();
  router.refresh.mockReset();
});

const finished = importView({
  status: "done",
  processed: 6000,
  created: 4800,
  updated: 1000,
  unchanged: 190,
  failed: 10,
  startedAt: "2026-05-04T13:01:00.000Z",
  finishedAt: "2026-05-04T13:04:20.000Z",
  undoUntil: "2026-05-11T13:04:20.000Z",
});

describe("ImportResult", () => {
  test("gives the numbers, the duration and the error file of a finished import", () => {
    render(<ImportResult view={finished} canUndo={false} undo={vi.fn()} />);
    expect(screen.getByRole("heading", { name: "Importação concluída" })).toBeDefined();
    expect(screen.getByText("Terminou em 04/05/2026 às 10:04 · duração: 3 min 20 s")).toBeDefined();
    expect(screen.getByRole("link", { name: "Baixar arquivo de erros" }).getAttribute("href")).toBe("/contacts/import/imp1/erros");
    expect(screen.queryByRole("button", { name: "Desfazer importação" })).toBeNull();
  });

  test("undo asks naming what it removes and what it puts back, then undoes", async () => {
    const user = userEvent.setup();
    const undo = vi.fn(async (): Promise<ActionResult> => ({ ok: true }));
    render(<ImportResult view={finished} canUndo undo={undo} />);
    await user.click(screen.getByRole("button", { name: "Desfazer importação" }));
    const dialog = screen.getByRole("alertdialog", { name: "Desfazer importação" });
    expect(dialog.textContent).toContain("Remover os 4.800 contatos criados e desfazer as alterações em 1.000 contatos?");
    expect(dialog.textContent).toContain("Possível até 11/05/2026 às 10:04.");
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Cancelar" }));
    await user.click(screen.getAllByRole("button", { name: "Desfazer importação" }).at(-1)!);
    expect(undo).toHaveBeenCalledExactlyOnceWith("imp1");
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(router.refresh).toHaveBeenCalled();
  });

  test("an undone import says how many went back and how many were kept because they changed since", () => {
    render(<ImportResult view={{ ...finished, status: "undone", failed: 0, undone: 5790, keptOnUndo: 10, undoUntil: null }} canUndo={false} undo={vi.fn()} />);
    expect(screen.getByRole("status").textContent).toContain("5.790 contatos desfeitos");
    expect(screen.getByRole("status").textContent).toContain("10 contatos foram alterados depois da importação e ficaram como estavam.");
    expect(screen.queryByRole("link", { name: "Baixar arquivo de erros" })).toBeNull();
  });

  test("a failed import says why", () => {
    render(<ImportResult view={{ ...finished, status: "failed", error: "Há aspas abertas que nunca se fecham (linha 4): confira o arquivo." }} canUndo undo={vi.fn()} />);
    expect(screen.getByRole("alert").textContent).toContain("Há aspas abertas que nunca se fecham (linha 4)");
  });
});
