// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import { parseContactFilters } from "@/lib/contacts/contact-filters";
import { ContactFiltersForm, type FilterChoices } from "./contact-filters-form";

vi.mock("next/link", () => ({
  default: ({ href, children, ...rest }: { href: string; children: React.ReactNode }) => <a href={href} {...rest}>{children}</a>,
}));
vi.mock("next/form", () => ({ default: ({ children, ...rest }: { children: React.ReactNode }) => <form {...rest}>{children}</form> }));

afterEach(cleanup);

const sp = "00000000-0000-4000-8000-000000000001";
const rj = "00000000-0000-4000-8000-000000000002";
const bruno = "00000000-0000-4000-8000-000000000003";
const choices: FilterChoices = {
  segments: [{ id: rj, name: "Varejo RJ" }, { id: sp, name: "Varejo SP" }],
  responsibles: [{ id: bruno, name: "Bruno Lima" }],
  tags: ["vip", "novo"],
};

/** The form with Varejo SP and Bruno chosen, its choices answered when the test says. */
function renderForm() {
  let answer: (result: ActionResult<FilterChoices>) => void = () => {};
  const load = vi.fn(() => new Promise<ActionResult<FilterChoices>>((resolve) => (answer = resolve)));
  render(
    <ContactFiltersForm
      filters={parseContactFilters({ segment: sp, responsible: bruno })}
      options={{ names: { segments: new Map([[sp, "Varejo SP"]]), responsibles: new Map([[bruno, "Bruno Lima"]]) }, load, canFilterWithoutSegment: true }}
      onApply={() => {}}
    >
      {null}
    </ContactFiltersForm>,
  );
  return { load, answer: (result: ActionResult<FilterChoices>) => act(async () => answer(result)) };
}

const chosen = (label: string) => within(screen.getByRole("grid", { name: `${label} escolhidos` })).getAllByRole("row").map((row) => row.textContent?.replace("×", ""));
const submitted = (name: string) => [...document.querySelectorAll<HTMLInputElement>(`input[type=hidden][name=${name}]`)].map((input) => input.value);

describe("ContactFiltersForm", () => {
  test("names the current filter's choices at once, and asks for the options once, when it opens", async () => {
    const { load } = renderForm();
    expect(load).toHaveBeenCalledTimes(1);
    expect(chosen("Segmentos")).toEqual(["Varejo SP"]);
    expect(chosen("Responsável")).toEqual(["Bruno Lima"]);
    expect(submitted("segment")).toEqual([sp]);
  });

  test("says the options are loading, then offers them", async () => {
    const user = userEvent.setup();
    const { answer } = renderForm();
    const segments = screen.getByRole("combobox", { name: "Segmentos" });
    const toggle = screen.getByRole("button", { name: /Mostrar opções de Segmentos/ });
    expect(toggle.querySelector(".animate-spin")).not.toBeNull();
    await user.click(segments);
    await user.keyboard("rj");
    expect(screen.getByRole("listbox").textContent).toBe("Carregando opções…");

    await answer({ ok: true, ...choices });
    expect(toggle.querySelector(".animate-spin")).toBeNull();
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual(["Varejo RJ"]);
    await user.keyboard("{ArrowDown}{Enter}{Escape}");
    expect(submitted("segment")).toEqual([sp, rj]);

    await user.click(screen.getByRole("combobox", { name: "Com todas as hashtags" }));
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual(["#vip", "#novo"]);
  });

  test("says so when the options cannot be loaded, keeping the chosen ones", async () => {
    const user = userEvent.setup();
    const { answer } = renderForm();
    await answer({ ok: false, code: "unexpected", message: "Não foi possível concluir agora.", fieldErrors: {} });
    await user.click(screen.getByRole("combobox", { name: "Responsável" }));
    await user.keyboard("ana");
    expect(screen.getByRole("listbox").textContent).toBe("Não foi possível carregar as opções. Feche e abra de novo.");
    await user.keyboard("{Escape}");
    expect(chosen("Responsável")).toEqual(["Bruno Lima"]);
  });
});
