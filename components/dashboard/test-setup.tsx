import { vi } from "vitest";

// Shared by the dashboard's component tests. Import it first: the mocks are hoisted from here.

export const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push }) }));
vi.mock("next/link", () => ({
  default: ({ href, children, ...rest }: { href: string; children: React.ReactNode }) => <a href={href} {...rest}>{children}</a>,
}));

// jsdom has no layout: give recharts' container a size so that it draws its bars and labels.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;
vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockReturnValue({
  x: 0, y: 0, top: 0, left: 0, right: 400, bottom: 300, width: 400, height: 300, toJSON: () => ({}),
});
