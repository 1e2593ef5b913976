// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, test, vi } from "vitest";
import { ChartCard } from "./chart-card";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn() }) }));
vi.mock("next/link", () => ({
  default: ({ href, children, ...rest }: { href: string; children: React.ReactNode }) => <a href={href} {...rest}>{children}</a>,
}));
// jsdom has no layout: ResizeObserver is all recharts' container needs to mount.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

afterEach(cleanup);

const data = [
  { label: "Varejo SP", value: 1234, href: "/contacts?segment=s1" },
  { label: "Sem segmento", value: 4, href: "/contacts?noSegment=1" },
];

describe("ChartCard", () => {
  test("describes the chart in words and lists every number as a link to its contacts", () => {
    render(<ChartCard title="Por segmento" data={data} />);
    expect(screen.getByRole("img").getAttribute("aria-label")).toBe("Por segmento: Varejo SP: 1.234; Sem segmento: 4");
    const table = screen.getByRole("table", { name: "Por segmento" });
    expect(within(table).getByRole("link", { name: "1.234" }).getAttribute("href")).toBe("/contacts?segment=s1");
    expect(within(table).getByRole("link", { name: "4" }).getAttribute("href")).toBe("/contacts?noSegment=1");
  });

  test("says so when there is nothing to chart", () => {
    render(<ChartCard title="Por prioridade" data={[]} />);
    expect(screen.getByText("Nenhum contato.")).toBeTruthy();
    expect(screen.queryByRole("img")).toBeNull();
  });
});
