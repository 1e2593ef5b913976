// @vitest-environment jsdom
import { push } from "./test-setup";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, test } from "vitest";
import { priorityTones } from "@/lib/contacts/priority";
import { barColors } from "./bar-colors";
import { ChartCard } from "./chart-card";

afterEach(cleanup);

const data = [
  { label: "Varejo SP", value: 1234, href: "/contacts?segment=s1" },
  { label: "Sem segmento", value: 4, href: "/contacts?noSegment=1" },
];

const bars = (container: HTMLElement) => [...container.querySelectorAll(".recharts-bar-rectangle path")];
const valueLabels = (container: HTMLElement) => [...container.querySelectorAll(".recharts-label-list text")].map((t) => t.textContent);

describe("ChartCard", () => {
  test("describes the chart in words and lists every number as a link to its contacts", () => {
    render(<ChartCard title="Por segmento" data={data} />);
    expect(screen.getByRole("img").getAttribute("aria-label")).toBe("Por segmento: Varejo SP: 1.234; Sem segmento: 4");
    const table = screen.getByRole("table", { name: "Por segmento" });
    expect(within(table).getByRole("link", { name: "Varejo SP: 1.234 contatos" }).getAttribute("href")).toBe("/contacts?segment=s1");
    expect(within(table).getByRole("link", { name: "Sem segmento: 4 contatos" }).getAttribute("href")).toBe("/contacts?noSegment=1");
  });

  test("writes each bar's value on it, in Brazilian format", () => {
    const { container } = render(<ChartCard title="Por segmento" data={data} />);
    expect(bars(container)).toHaveLength(2);
    expect(valueLabels(container)).toEqual(["1.234", "4"]);
  });

  test("labels the columns of a time series too", () => {
    const { container } = render(<ChartCard title="Semanas" columns data={data} />);
    expect(valueLabels(container)).toEqual(["1.234", "4"]);
  });

  test("paints each priority's bar in its badge's colour", () => {
    const priorities = (["high", "medium", "low"] as const).map((p) => ({ label: p, value: 10, href: `/contacts?priority=${p}`, tone: priorityTones[p] }));
    const { container } = render(<ChartCard title="Por prioridade" data={priorities} />);
    expect(bars(container).map((b) => b.getAttribute("fill"))).toEqual([barColors.red.solid, barColors.amber.solid, barColors.slate.solid]);
  });

  test("paints bars without a tone in one colour", () => {
    const { container } = render(<ChartCard title="Por segmento" data={data} />);
    expect(bars(container).map((b) => b.getAttribute("fill"))).toEqual([barColors.indigo.solid, barColors.indigo.solid]);
  });

  test("opens the list of the bar under the pointer, and shows the pointer there", async () => {
    push.mockClear();
    const { container } = render(<ChartCard title="Por segmento" data={data} />);
    const wrapper = container.querySelector<HTMLElement>(".recharts-wrapper")!;
    expect(wrapper.style.cursor).toBe("default");
    // The chart is 400×300 here: (300, 200) is in the second row's band, right of its short bar.
    fireEvent.mouseMove(wrapper, { clientX: 300, clientY: 200 });
    await waitFor(() => expect(wrapper.style.cursor).toBe("pointer"));
    fireEvent.click(wrapper, { clientX: 300, clientY: 200 });
    await waitFor(() => expect(push).toHaveBeenCalledWith("/contacts?noSegment=1"));
  });

  test("hatches a partial bar and says why in the legend, the table and the description", () => {
    const weeks = [
      { label: "16/11", value: 20, href: "/contacts?w=1" },
      { label: "23/11", value: 5, href: "/contacts?w=2", partial: "semana atual (parcial)" },
    ];
    const { container } = render(<ChartCard title="Semanas" columns data={weeks} />);
    const [full, partial] = bars(container);
    expect(full.getAttribute("fill")).toBe(barColors.indigo.solid);
    expect(partial.getAttribute("fill")).toMatch(/^url\(#hatch-/);
    expect(partial.getAttribute("stroke-dasharray")).toBe("4 2");
    expect(screen.getByText("Barra tracejada: semana atual (parcial).")).toBeTruthy();
    const row = within(screen.getByRole("table")).getByRole("rowheader", { name: "23/11, semana atual (parcial)" });
    expect(row).toBeTruthy();
    expect(screen.getByRole("img").getAttribute("aria-label")).toBe("Semanas: 16/11: 20; 23/11, semana atual (parcial): 5");
  });

  test("has no legend note when every bar is complete", () => {
    render(<ChartCard title="Por segmento" data={data} />);
    expect(screen.queryByText(/Barra tracejada/)).toBeNull();
  });

  test("says so when there is nothing to chart", () => {
    render(<ChartCard title="Por prioridade" data={[]} />);
    expect(screen.getByText("Nenhum contato.")).toBeTruthy();
    expect(screen.queryByRole("img")).toBeNull();
  });

  test("counts what it is told to count", () => {
    render(<ChartCard title="Atendimentos por dia" columns unit={{ one: "atendimento", many: "atendimentos" }} data={[{ label: "03/11", value: 1, href: "/r?d=1" }, { label: "04/11", value: 12, href: "/r?d=2" }]} />);
    const table = screen.getByRole("table", { name: "Atendimentos por dia" });
    expect(within(table).getByRole("link", { name: "03/11: 1 atendimento" })).toBeTruthy();
    expect(within(table).getByRole("link", { name: "04/11: 12 atendimentos" })).toBeTruthy();
  });

  test("leaves the values of a long series to the tooltip and the table", () => {
    const days = Array.from({ length: 60 }, (_, i) => ({ label: `d${i}`, value: i, href: `/r?d=${i}` }));
    const { container } = render(<ChartCard title="Dias" columns data={days} />);
    expect(bars(container).length).toBeGreaterThan(0);
    expect(valueLabels(container)).toEqual([]);
    expect(within(screen.getByRole("table")).getAllByRole("link")).toHaveLength(60);
  });
});
