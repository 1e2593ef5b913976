// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, test, vi } from "vitest";
import { reportHref } from "@/lib/live/report-links";
import type { ReportAttendance, ReportRow } from "@/lib/live/reports";
import { ReportAttendanceTable } from "./report-attendance-table";
import { ReportChips } from "./report-chips";
import { ReportStats } from "./report-stats";
import { ReportTable } from "./report-table";

vi.mock("next/link", () => ({
  default: ({ href, children, ...rest }: { href: string; children: React.ReactNode }) => <a href={href} {...rest}>{children}</a>,
}));
afterEach(cleanup);

const period = { from: "2026-11-01", to: "2026-11-07" };
const SP = "0b6f7a4e-2f1c-4c3a-9a51-3f0e2d7c9b10";
const ANA = "1c6f7a4e-2f1c-4c3a-9a51-3f0e2d7c9b11";
const row = (key: string, label: string, attendances: number, times: Partial<ReportRow> = {}): ReportRow => ({
  key, label, attendances, avgWaitSeconds: 95, p90WaitSeconds: 240, avgHandleSeconds: 600, p90HandleSeconds: 3900, ...times,
});
const params = (href: string | null) => Object.fromEntries(new URL(href!, "http://carteira.test").searchParams);

describe("ReportTable", () => {
  const rows = [row(SP, "Varejo SP", 1234), row("none", "Sem segmento", 1, { avgWaitSeconds: null, p90WaitSeconds: null, avgHandleSeconds: null, p90HandleSeconds: null })];
  const show = () =>
    render(
      <ReportTable
        title="Por fila"
        dimension="Fila"
        rows={rows}
        listHrefOf={(r) => reportHref("list", period, { channel: "sms", segment: r.key })}
        reportHrefOf={(r) => reportHref("report", period, { channel: "sms", segment: r.key })}
      />,
    );

  test("links each count to the attendances behind it: the period, the current slice and the row", () => {
    show();
    const table = screen.getByRole("table", { name: "Por fila" });
    const count = within(table).getByRole("link", { name: "Varejo SP: 1.234 atendimentos" });
    expect(count.textContent).toBe("1.234");
    expect(count.getAttribute("href")).toMatch(/^\/reports\/attendances\/list\?/);
    expect(params(count.getAttribute("href"))).toEqual({ ...period, channel: "sms", segment: SP });
    expect(params(within(table).getByRole("link", { name: "Sem segmento: 1 atendimento" }).getAttribute("href"))).toEqual({ ...period, channel: "sms", segment: "none" });
  });

  test("links each name to the whole report narrowed to that row", () => {
    show();
    const name = screen.getByRole("link", { name: "Varejo SP" });
    expect(name.getAttribute("href")).toBe(`/reports/attendances?from=2026-11-01&to=2026-11-07&channel=sms&segment=${SP}`);
  });

  test("writes average and p90 waiting and handling as durations, and a dash where nothing was measured", () => {
    show();
    const [, sp, none] = screen.getAllByRole("row");
    expect(within(sp).getAllByRole("cell").map((c) => c.textContent)).toEqual(["Varejo SP", "1.234", "1 min 35 s", "4 min", "10 min", "1 h 05 min"]);
    expect(within(none).getAllByRole("cell").map((c) => c.textContent)).toEqual(["Sem segmento", "1", "—", "—", "—", "—"]);
    expect(screen.getAllByRole("columnheader").map((c) => c.textContent)).toEqual(["Fila", "Atendimentos", "Espera média", "Espera p90", "Atendimento médio", "Atendimento p90"]);
  });

  test("says so when a breakdown is empty, and shows its note", () => {
    render(<ReportTable title="Por operador" dimension="Operador" rows={[]} note="Só os assumidos." listHrefOf={() => "x"} reportHrefOf={() => "y"} />);
    expect(screen.queryByRole("table")).toBeNull();
    expect(screen.getByText("Nenhum atendimento.")).toBeTruthy();
    expect(screen.getByText("Só os assumidos.")).toBeTruthy();
  });
});

describe("ReportStats", () => {
  test("links the total to its list and writes each time with its meaning", () => {
    render(<ReportStats total={row("total", "total", 160, { p90WaitSeconds: null })} listHref="/reports/attendances/list?from=a" />);
    expect(screen.getByRole("link", { name: "160" }).getAttribute("href")).toBe("/reports/attendances/list?from=a");
    const terms = screen.getAllByRole("term").map((t) => t.textContent);
    expect(terms).toEqual(["Atendimentos", "Espera média", "Espera p90", "Atendimento médio", "Atendimento p90"]);
    const values = screen.getAllByRole("definition").map((d) => d.textContent);
    expect(values[1]).toBe("1 min 35 sda chegada até alguém assumir");
    expect(values[2]).toMatch(/^—/);
  });
});

describe("ReportChips", () => {
  test("names each active filter, and each × keeps the period and the other filters", () => {
    render(<ReportChips path="list" period={period} slice={{ segment: SP, operator: ANA, priority: "high", channel: "whatsapp" }} names={{ segment: "Varejo SP", operator: "Ana Souza" }} />);
    const chips = within(screen.getByRole("list", { name: "Filtros ativos" })).getAllByRole("listitem").map((li) => li.textContent);
    expect(chips).toEqual(["Fila: Varejo SP×", "Operador: Ana Souza×", "Prioridade: Alta×", "Canal: WhatsApp×", "Limpar filtros"]);
    const remove = screen.getByRole("link", { name: "Remover filtro Operador: Ana Souza" }).getAttribute("href");
    expect(remove).toMatch(/^\/reports\/attendances\/list\?/);
    expect(params(remove)).toEqual({ ...period, segment: SP, priority: "high", channel: "whatsapp" });
    expect(screen.getByRole("link", { name: "Limpar filtros" }).getAttribute("href")).toBe("/reports/attendances/list?from=2026-11-01&to=2026-11-07");
  });

  test("shows nothing without filters, and never an id it could not name", () => {
    const { container } = render(<ReportChips path="report" period={period} slice={{}} names={{}} />);
    expect(container.textContent).toBe("");
    render(<ReportChips path="report" period={period} slice={{ segment: SP }} names={{}} />);
    expect(screen.getByRole("list").textContent).toBe("Fila: fora das suas filas×");
  });
});

describe("ReportAttendanceTable", () => {
  const base: ReportAttendance = {
    id: "a1", arrivedAt: new Date("2026-11-05T13:07:00Z"), channel: "whatsapp", address: "+5511987654321", contactName: "Maria Lima", priority: "high",
    queueName: "Varejo SP", operatorName: "Ana Souza", status: "closed", outcome: "resolved", waitSeconds: 45, handleSeconds: 200,
  };
  test("shows each attendance: arrival in Brasília, the customer with priority and channel, queue, operator, state and times", () => {
    render(
      <ReportAttendanceTable
        attendances={[
          base,
          { ...base, id: "a2", channel: "email", address: "joao@x.com", contactName: null, priority: "medium", operatorName: null, status: "waiting", outcome: null, waitSeconds: null, handleSeconds: null },
        ]}
      />,
    );
    const [, first, second] = screen.getAllByRole("row");
    expect(within(first).getAllByRole("cell").map((c) => c.textContent)).toEqual([
      "05/11/2026 10:07", "Maria LimaAltaWhatsApp · (11) 98765-4321", "Varejo SP", "Ana Souza", "EncerradoResolvido", "45 s", "3 min 20 s",
    ]);
    expect(within(second).getAllByRole("cell").map((c) => c.textContent)).toEqual([
      "05/11/2026 10:07", "joao@x.comMédiaE-mail", "Varejo SP", "—", "Aguardando", "—", "—",
    ]);
    expect(screen.getAllByRole("columnheader").map((c) => c.textContent)).toEqual(["Chegada", "Cliente", "Fila", "Operador", "Situação", "Espera", "Atendimento"]);
  });
});
