import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, test } from "vitest";
import { ContactAttendances } from "./contact-attendances";

afterEach(cleanup);

describe("ContactAttendances", () => {
  test("lists each attendance with its channel, operator, outcome, waiting and handling time", () => {
    render(
      <ContactAttendances
        attendances={[
          { id: "a2", channel: "email", status: "waiting", outcome: null, operatorName: null, arrivedAt: new Date("2026-11-20T15:00:00Z"), waitingSeconds: null, handlingSeconds: null },
          { id: "a1", channel: "whatsapp", status: "closed", outcome: "resolved", operatorName: "Ana Souza", arrivedAt: new Date("2026-11-19T13:30:00Z"), waitingSeconds: 180, handlingSeconds: 320 },
        ]}
      />,
    );
    const rows = within(screen.getByRole("table", { name: /Atendimentos do contato/ })).getAllByRole("row").slice(1);
    expect(rows.map((row) => within(row).getAllByRole("cell").map((cell) => cell.textContent))).toEqual([
      ["20/11/2026 às 12:00", "E-mail", "—", "Aguardando", "—", "—"],
      ["19/11/2026 às 10:30", "WhatsApp", "Ana Souza", "Resolvido", "3 min", "5 min 20 s"],
    ]);
  });

  test("says when there is none", () => {
    render(<ContactAttendances attendances={[]} />);
    expect(screen.getByText("Nenhum atendimento deste contato.")).toBeDefined();
  });
});
