// @vitest-environment jsdom
import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, test } from "vitest";
import { ChartTooltipContent, contactsText } from "./chart-tooltip";

afterEach(cleanup);

const tooltipOf = (datum: { label: string; value: number; partial?: string }, active = true) =>
  render(<ChartTooltipContent active={active} payload={[{ payload: datum }]} />).container.textContent;

describe("the charts' tooltip", () => {
  test("counts contacts in Portuguese, singular and plural, in Brazilian format", () => {
    expect(contactsText(0)).toBe("0 contatos");
    expect(contactsText(1)).toBe("1 contato");
    expect(contactsText(23)).toBe("23 contatos");
    expect(contactsText(1234)).toBe("1.234 contatos");
  });

  test("names the bar and its count, without recharts' 'name : value'", () => {
    expect(tooltipOf({ label: "Varejo SP", value: 23 })).toBe("Varejo SP23 contatos");
    expect(tooltipOf({ label: "Bruno Lima", value: 1 })).toBe("Bruno Lima1 contato");
  });

  test("says when the bar's count is still growing", () => {
    expect(tooltipOf({ label: "23/11", value: 5, partial: "semana atual (parcial)" })).toBe("23/115 contatossemana atual (parcial)");
  });

  test("counts another unit when told", () => {
    const text = render(<ChartTooltipContent active payload={[{ payload: { label: "03/11", value: 1 } }]} unit={{ one: "atendimento", many: "atendimentos" }} />).container.textContent;
    expect(text).toBe("03/111 atendimento");
  });

  test("shows nothing when no bar is hovered", () => {
    expect(tooltipOf({ label: "Varejo SP", value: 23 }, false)).toBe("");
  });
});
