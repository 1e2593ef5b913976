// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { parseContactFilters } from "@/lib/contacts/contact-filters";
import type { SearchSuggestions as Suggestions } from "@/lib/contacts/search-suggestions";
import { SearchSuggestions } from "./search-suggestions";

vi.mock("next/link", () => ({
  default: ({ href, children, ...rest }: { href: string; children: React.ReactNode }) => <a href={href} {...rest}>{children}</a>,
}));
const searchSuggestions = vi.fn<(viewer: Viewer, typed: string | undefined) => Promise<Suggestions>>();
vi.mock("@/lib/contacts/search-suggestions", () => ({ searchSuggestions: (...args: [Viewer, string | undefined]) => searchSuggestions(...args) }));
afterEach(() => {
  cleanup();
  searchSuggestions.mockReset();
});

const viewer: Viewer = { userId: "u", organizationId: "o", role: "operator", name: "Ana", email: "ana@demo.test", segmentIds: [] };
const segmentId = "0b6f7a4e-2f1c-4c3a-9a51-3f0e2d7c9b10";

async function show(props: Omit<Parameters<typeof SearchSuggestions>[0], "viewer">) {
  const ui = await SearchSuggestions({ viewer, ...props });
  if (ui) render(ui);
}

const params = (href: string | null) => new URL(href!, "http://carteira.test").searchParams;

describe("SearchSuggestions", () => {
  test("offers a matching segment as a link to the list filtered by it, without the text, keeping the other filters", async () => {
    searchSuggestions.mockResolvedValue({ segments: [{ id: segmentId, name: "Varejo SP" }], tags: [] });
    await show({ filters: parseContactFilters({ q: "varejo sp", priority: "high", after: "abc" }) });
    expect(searchSuggestions).toHaveBeenCalledWith(viewer, "varejo sp");
    const link = screen.getByRole("link", { name: "Filtrar pelo segmento Varejo SP" });
    const query = params(link.getAttribute("href"));
    expect(query.getAll("segment")).toEqual([segmentId]);
    expect(query.get("priority")).toBe("high");
    expect(query.get("q")).toBeNull();
    expect(query.get("after")).toBeNull();
  });

  test("completes a typed hashtag: the tag replaces the prefix in the hashtag filter", async () => {
    searchSuggestions.mockResolvedValue({ segments: [], tags: [{ typed: "vi", tag: "vip" }] });
    // The page passes the box as typed; its hashtags are already in tagAll.
    await show({ filters: parseContactFilters({ q: "#vi joão", tagAll: "novo" }), typed: "#vi joão" });
    expect(searchSuggestions).toHaveBeenCalledWith(viewer, "#vi joão");
    const query = params(screen.getByRole("link", { name: "Filtrar pela hashtag #vip" }).getAttribute("href"));
    expect(query.getAll("tagAll")).toEqual(["novo", "vip"]);
    expect(query.get("q")).toBe("joão");
  });

  test("renders nothing without a search or without suggestions", async () => {
    await show({ filters: parseContactFilters({}) });
    expect(searchSuggestions).not.toHaveBeenCalled();
    searchSuggestions.mockResolvedValue({ segments: [], tags: [] });
    await show({ filters: parseContactFilters({ q: "silva" }) });
    expect(screen.queryByRole("navigation")).toBeNull();
  });
});
