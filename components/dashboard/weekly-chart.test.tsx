// @vitest-environment jsdom
import "./test-setup";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, test } from "vitest";
import { WeeklyChart } from "./weekly-chart";

afterEach(cleanup);

const weeks = [
  { weekStart: "2026-11-09", contacts: 24, partial: false },
  { weekStart: "2026-11-16", contacts: 20, partial: false },
  { weekStart: "2026-11-23", contacts: 5, partial: true },
];

describe("the new contacts per week", () => {
  test("marks the current week as partial: hatched bar, legend, table and description", () => {
    const { container } = render(<WeeklyChart weeks={weeks} />);
    const fills = [...container.querySelectorAll(".recharts-bar-rectangle path")].map((b) => b.getAttribute("fill"));
    expect(fills.slice(0, 2).every((f) => f?.startsWith("#"))).toBe(true);
    expect(fills[2]).toMatch(/^url\(#hatch-/);
    expect(screen.getByText("Barra tracejada: semana atual (parcial).")).toBeTruthy();
    expect(within(screen.getByRole("table")).getAllByRole("rowheader").map((r) => r.textContent)).toEqual([
      "09/11",
      "16/11",
      "23/11, semana atual (parcial)",
    ]);
    expect(screen.getByRole("img").getAttribute("aria-label")).toBe(
      "Novos contatos por semana (últimas 3): 09/11: 24; 16/11: 20; 23/11, semana atual (parcial): 5",
    );
  });

  test("links each week to the contacts created from its Monday to its Sunday", () => {
    render(<WeeklyChart weeks={weeks} />);
    const link = within(screen.getByRole("table")).getByRole("link", { name: "23/11: 5 contatos" });
    expect(link.getAttribute("href")).toBe("/contacts?createdFrom=2026-11-23&createdTo=2026-11-29");
  });
});
