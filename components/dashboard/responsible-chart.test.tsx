// @vitest-environment jsdom
import "./test-setup";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, test } from "vitest";
import { ResponsibleChart } from "./responsible-chart";

afterEach(cleanup);

const ana = "00000000-0000-4000-8000-000000000001";
const bruno = "00000000-0000-4000-8000-000000000002";
const responsibles = [
  { userId: ana, name: "Ana Souza", contacts: 37 },
  { userId: bruno, name: "Bruno Lima", contacts: 11 },
];

describe("the chart by responsável", () => {
  test("shows the contacts without responsável apart, as a link to exactly those contacts", () => {
    render(<ResponsibleChart responsibles={responsibles} withoutResponsible={220} />);
    const link = screen.getByRole("link", { name: "220 contatos sem responsável" });
    expect(link.getAttribute("href")).toBe("/contacts?responsible=none");
    expect(screen.getByText("fora do gráfico")).toBeTruthy();
  });

  test("keeps them out of the bars, which scale to the real responsáveis", () => {
    const { container } = render(<ResponsibleChart responsibles={responsibles} withoutResponsible={220} />);
    expect(screen.getByRole("img").getAttribute("aria-label")).toBe("Por responsável (10 maiores): Ana Souza: 37; Bruno Lima: 11");
    const table = screen.getByRole("table");
    expect(within(table).getAllByRole("rowheader").map((r) => r.textContent)).toEqual(["Ana Souza", "Bruno Lima"]);
    expect(within(table).getByRole("link", { name: "Bruno Lima: 11 contatos" }).getAttribute("href")).toBe(`/contacts?responsible=${bruno}`);
    expect([...container.querySelectorAll(".recharts-label-list text")].map((t) => t.textContent)).toEqual(["37", "11"]);
  });

  test("says when every contact has a responsável, with no link to an empty list", () => {
    render(<ResponsibleChart responsibles={responsibles} withoutResponsible={0} />);
    expect(screen.getByText("Todos os contatos têm responsável.")).toBeTruthy();
    expect(screen.queryByRole("link", { name: /sem responsável/ })).toBeNull();
  });

  test("still shows the unassigned when nobody has contacts", () => {
    render(<ResponsibleChart responsibles={[]} withoutResponsible={1} />);
    expect(screen.getByRole("link", { name: "1 contato sem responsável" })).toBeTruthy();
    expect(screen.getByText("Nenhum contato tem responsável.")).toBeTruthy();
  });
});
