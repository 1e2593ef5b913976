// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { Toast } from "./toast";

beforeEach(() => {
  vi.useFakeTimers();
  window.history.replaceState(null, "", "/contacts/c1?toast=created&tab=history");
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe("Toast", () => {
  test("fills its status region after mount and drops the toast flag from the URL", () => {
    render(<Toast message="Contato criado." />);
    const status = screen.getByRole("status");
    expect(status.textContent).toBe("");
    act(() => vi.advanceTimersByTime(100));
    expect(status.textContent).toBe("Contato criado.");
    expect(window.location.pathname + window.location.search).toBe("/contacts/c1?tab=history");
  });

  test("can be dismissed", () => {
    render(<Toast message="Contato atualizado." />);
    act(() => vi.advanceTimersByTime(100));
    fireEvent.click(screen.getByRole("button", { name: "Fechar aviso" }));
    expect(screen.getByRole("status").textContent).toBe("");
  });

  test("goes away on its own after about five seconds", () => {
    render(<Toast message="Contato criado." />);
    act(() => vi.advanceTimersByTime(4000));
    expect(screen.getByRole("status").textContent).toBe("Contato criado.");
    act(() => vi.advanceTimersByTime(2000));
    expect(screen.getByRole("status").textContent).toBe("");
  });
});
