// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { ImportView } from "@/lib/import/view";
import { importView } from "./testing/import-view";
import { ImportProgress, type ImportProgressProps } from "./import-progress";

const router = vi.hoisted(() => ({ refresh: vi.fn() }));
vi.mock("next/navigation", async (original) => ({ ...(await original<object>()), useRouter: () => router }));

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  router.refresh.mockReset();
});


function renderProgress(view: ImportView, actions: Partial<ImportProgressProps["actions"]> = {}) {
  const all = {
    status: vi.fn<ImportProgressProps["actions"]["status"]>(async () => ({ ok: true, view })),
    cancel: vi.fn<ImportProgressProps["actions"]["cancel"]>(async () => ({ ok: true })),
    ...actions,
  };
  render(<ImportProgress view={view} actions={all} />);
  return all;
}

const counts = () =>
  Object.fromEntries([...document.querySelectorAll("dl > div")].map((item) => [item.querySelector("dt")!.textContent, item.querySelector("dd")!.textContent]));

describe("ImportProgress", () => {
  test("shows the import's numbers: rows done of the total, the pace, the time left and the counts so far", () => {
    renderProgress(importView());
    expect(screen.getByRole("heading", { name: "Importando…" })).toBeDefined();
    const bar = screen.getByRole("progressbar", { name: "Andamento" }) as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([1500, 6000]);
    expect(screen.getByText("1.500 de 6.000 linhas (25%)")).toBeDefined();
    expect(screen.getByText("250 linhas por segundo · cerca de 18 s para terminar")).toBeDefined();
    expect(counts()).toEqual({ Criados: "1.200", Atualizados: "250", "Sem alteração": "40", "Com erro": "10" });
    expect(screen.getByRole("button", { name: "Cancelar importação" })).toBeDefined();
  });

  test("a dry run counts what it found; while the file is still being read, the total is what was read so far and no time left is guessed", () => {
    const found = { create: 9000, update: 2500, unchanged: 400, fail: 100, errors: [], changes: [] };
    renderProgress(importView({ status: "previewing", fileRead: false, rowsRead: 20_000, processed: 12_000, secondsLeft: 40, rowsPerSecond: null, created: 0, updated: 0, preview: found }));
    expect(screen.getByRole("heading", { name: "Pré-visualizando…" })).toBeDefined();
    expect(screen.getByText("12.000 linhas conferidas de 20.000 lidas até agora — lendo o arquivo…")).toBeDefined();
    expect(screen.queryByText(/por segundo/)).toBeNull();
    expect((screen.getByRole("progressbar") as HTMLProgressElement).hasAttribute("value")).toBe(false);
    expect(counts()).toEqual({ "A criar": "9.000", "A atualizar": "2.500", "Sem alteração": "400", "Com erro": "100" });
  });

  test("an undo counts the contacts it put back out of those the import wrote, and cannot be cancelled", () => {
    renderProgress(importView({ status: "undoing", created: 300, updated: 100, undone: 150, keptOnUndo: 10 }));
    expect(screen.getByText("160 de 400 contatos (40%)")).toBeDefined();
    expect(counts()).toEqual({ Desfeitos: "150", "Mantidos (mudaram depois)": "10" });
    expect(screen.queryByRole("button", { name: /Cancelar/ })).toBeNull();
  });

  test("follows the import on the server and reloads the page once it ends", async () => {
    vi.useFakeTimers();
    const status = vi
      .fn<ImportProgressProps["actions"]["status"]>()
      .mockResolvedValueOnce({ ok: true, view: importView({ processed: 3000, created: 2400 }) })
      .mockResolvedValueOnce({ ok: true, view: importView({ status: "done", processed: 6000 }) });
    renderProgress(importView(), { status });
    expect(status).not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(1500));
    expect(status).toHaveBeenCalledWith("imp1");
    expect(screen.getByText("3.000 de 6.000 linhas (50%)")).toBeDefined();
    expect(counts()).toMatchObject({ Criados: "2.400" });
    expect(router.refresh).not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(1500));
    expect(router.refresh).toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(6000));
    expect(status).toHaveBeenCalledTimes(2);
  });

  test("says so when the server does not answer, and keeps asking", async () => {
    vi.useFakeTimers();
    const status = vi.fn<ImportProgressProps["actions"]["status"]>().mockRejectedValueOnce(new TypeError("Failed to fetch"));
    renderProgress(importView(), { status });
    await act(() => vi.advanceTimersByTimeAsync(1500));
    expect(screen.getByText("Sem resposta do servidor no momento; tentando de novo…")).toBeDefined();
    await act(() => vi.advanceTimersByTimeAsync(1500));
    expect(status).toHaveBeenCalledTimes(2);
  });

  test("Cancelar asks first, naming what stays, then stops the import", async () => {
    const user = userEvent.setup();
    const { cancel } = renderProgress(importView());
    await user.click(screen.getByRole("button", { name: "Cancelar importação" }));
    const dialog = screen.getByRole("alertdialog", { name: "Parar a importação" });
    expect(dialog.textContent).toContain("Parar a importação de “clientes maio.csv”? 1.200 contatos criados e 250 atualizados até aqui ficam como estão.");
    await user.click(screen.getByRole("button", { name: "Parar a importação" }));
    expect(cancel).toHaveBeenCalledExactlyOnceWith("imp1");
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(router.refresh).toHaveBeenCalled();
  });
});
