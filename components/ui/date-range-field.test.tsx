// @vitest-environment jsdom
import { getLocalTimeZone, today } from "@internationalized/date";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test } from "vitest";
import { DateRangeField } from "./date-range-field";

afterEach(cleanup);

const value = (name: string) => document.querySelector<HTMLInputElement>(`input[type=hidden][name=${name}]`)?.value ?? null;

describe("DateRangeField", () => {
  test("shows dd/mm/aaaa whatever the browser's language, and submits yyyy-mm-dd", () => {
    render(<DateRangeField label="Criado entre" fromName="createdFrom" toName="createdTo" defaultFrom="2026-03-05" />);
    const from = screen.getByRole("group", { name: "Criado entre: de" });
    expect(from.textContent).toContain("05/03/2026");
    expect(screen.getByRole("group", { name: "Criado entre: até" }).textContent).toContain("dd/mm/aaaa");
    expect(value("createdFrom")).toBe("2026-03-05");
    expect(value("createdTo")).toBeNull();
  });

  test("presets fill both ends; Limpar empties them", async () => {
    const user = userEvent.setup();
    render(<DateRangeField label="Atualizado entre" fromName="updatedFrom" toName="updatedTo" />);
    const now = today(getLocalTimeZone());
    await user.click(screen.getByRole("button", { name: "Últimos 7 dias" }));
    expect([value("updatedFrom"), value("updatedTo")]).toEqual([now.subtract({ days: 6 }).toString(), now.toString()]);
    await user.click(screen.getByRole("button", { name: "Mês passado" }));
    const last = now.subtract({ months: 1 });
    expect(value("updatedFrom")).toBe(`${last.toString().slice(0, 8)}01`);
    await user.click(screen.getByRole("button", { name: "Limpar" }));
    expect([value("updatedFrom"), value("updatedTo")]).toEqual([null, null]);
  });
});
