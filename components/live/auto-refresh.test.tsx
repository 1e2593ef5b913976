// @vitest-environment jsdom
import { act, cleanup, render } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { AutoRefresh } from "./auto-refresh";

const router = vi.hoisted(() => ({ refresh: vi.fn() }));
vi.mock("next/navigation", () => ({ useRouter: () => router }));

let visibility: DocumentVisibilityState = "visible";
beforeEach(() => {
  vi.useFakeTimers();
  router.refresh.mockClear();
  visibility = "visible";
  vi.spyOn(document, "visibilityState", "get").mockImplementation(() => visibility);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const tick = (ms: number) => act(() => vi.advanceTimersByTime(ms));

describe("AutoRefresh", () => {
  test("refreshes the page's data on each interval while the tab is visible", () => {
    render(<AutoRefresh intervalMs={2000} />);
    expect(router.refresh).not.toHaveBeenCalled();
    tick(2000);
    expect(router.refresh).toHaveBeenCalledTimes(1);
    tick(2000);
    expect(router.refresh).toHaveBeenCalledTimes(2);
  });

  test("does nothing while the tab is hidden, and refreshes once when it comes back", () => {
    render(<AutoRefresh intervalMs={2000} />);
    visibility = "hidden";
    tick(6000);
    expect(router.refresh).not.toHaveBeenCalled();
    visibility = "visible";
    act(() => void document.dispatchEvent(new Event("visibilitychange")));
    expect(router.refresh).toHaveBeenCalledTimes(1);
  });

  test("stops when the page is left", () => {
    const { unmount } = render(<AutoRefresh intervalMs={2000} />);
    unmount();
    tick(6000);
    act(() => void document.dispatchEvent(new Event("visibilitychange")));
    expect(router.refresh).not.toHaveBeenCalled();
  });
});
