// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test } from "vitest";
import { MultiSelectCombobox } from "./multi-select-combobox";

afterEach(cleanup);

const submitted = (name: string) =>
  [...document.querySelectorAll<HTMLInputElement>(`input[type=hidden][name=${name}]`)].map((input) => input.value);

const people = [{ id: "u1", name: "Ana Souza" }, { id: "u2", name: "Bruno Lima" }, { id: "u3", name: "Lúcia Ramos" }];

describe("MultiSelectCombobox", () => {
  test("typing narrows the options (ignoring accents) and Enter adds one, keeping the others", async () => {
    const user = userEvent.setup();
    render(<MultiSelectCombobox label="Responsável" name="responsible" options={people} defaultValue={["u2"]} />);
    expect(submitted("responsible")).toEqual(["u2"]);
    await user.click(screen.getByRole("combobox", { name: "Responsável" }));
    await user.keyboard("lucia");
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual(["Lúcia Ramos"]);
    await user.keyboard("{ArrowDown}{Enter}");
    expect(submitted("responsible")).toEqual(["u2", "u3"]);
    await user.keyboard("{Escape}");
    expect(screen.getAllByRole("row").map((row) => row.textContent?.replace("×", ""))).toEqual(["Bruno Lima", "Lúcia Ramos"]);
  });

  test("a chosen value is removed with its × button", async () => {
    const user = userEvent.setup();
    render(<MultiSelectCombobox label="Responsável" name="responsible" options={people} defaultValue={["u1", "u2"]} />);
    const ana = screen.getAllByRole("row").find((row) => row.textContent?.includes("Ana Souza"))!;
    await user.click(within(ana).getByRole("button"));
    expect(submitted("responsible")).toEqual(["u2"]);
  });

  test("with createOption, what was typed can be added when nothing matches", async () => {
    const user = userEvent.setup();
    render(
      <MultiSelectCombobox
        label="Hashtags"
        name="tagAll"
        options={[{ id: "vip", name: "#vip" }]}
        createOption={(typed) => ({ id: typed.replace(/^#/, "").toLowerCase(), name: `#${typed.replace(/^#/, "").toLowerCase()}` })}
      />,
    );
    await user.click(screen.getByRole("combobox", { name: "Hashtags" }));
    await user.keyboard("#Novo");
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual(["Adicionar “#novo”"]);
    await user.keyboard("{ArrowDown}{Enter}");
    expect(submitted("tagAll")).toEqual(["novo"]);
  });
});
