// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import type { LiveSettings } from "@/lib/live/settings";
import { channelOrderText, LiveSettingsForm, type LiveSettingsSaved } from "./live-settings-form";

afterEach(cleanup);

const settings: LiveSettings = { channelPriorities: { whatsapp: 5, sms: 0, email: 0 }, autoDistribution: true, maxOpenPerOperator: 3, agingMinutes: null };

function setup(answer: () => Promise<ActionResult<LiveSettingsSaved>>) {
  const user = userEvent.setup();
  const action = vi.fn(async (_previous: ActionResult<LiveSettingsSaved> | null, _data: FormData) => answer());
  render(<LiveSettingsForm action={action} settings={settings} />);
  return { user, action };
}

/** The error messages a control is described by. */
const errorsOf = (element: HTMLElement) =>
  (element.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .map((id) => document.getElementById(id))
    .filter((node) => node?.tagName === "UL")
    .map((node) => node!.textContent);

describe("LiveSettingsForm", () => {
  test("starts from the saved settings", () => {
    setup(async () => ({ ok: true, savedAt: 1 }));
    expect((screen.getByRole("combobox", { name: "WhatsApp" }) as HTMLSelectElement).value).toBe("5");
    expect((screen.getByRole("combobox", { name: "E-mail" }) as HTMLSelectElement).value).toBe("0");
    expect((screen.getByRole("checkbox", { name: /Distribuir automaticamente/ }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText(/^Atendimentos simultâneos por operador/) as HTMLInputElement).value).toBe("3");
    expect((screen.getByLabelText(/^Servir um nível acima/) as HTMLInputElement).value).toBe("");
    expect(screen.getByText(/Ordem dos canais:/).closest("p")!.textContent).toBe("Ordem dos canais: 1º WhatsApp · 2º SMS e E-mail");
  });

  test("says the order the chosen numbers give the channels, as they are chosen", async () => {
    const { user } = setup(async () => ({ ok: true, savedAt: 1 }));
    await user.selectOptions(screen.getByRole("combobox", { name: "E-mail" }), "9");
    expect(screen.getByText(/Ordem dos canais:/).closest("p")!.textContent).toBe("Ordem dos canais: 1º E-mail · 2º WhatsApp · 3º SMS");
    expect(channelOrderText({ whatsapp: 2, sms: 2, email: 2 })).toBe("todos no mesmo nível (decidem a prioridade do contato e a espera).");
  });

  test("submits every field under the names the action reads", async () => {
    const { user, action } = setup(async () => ({ ok: true, savedAt: 1 }));
    await user.click(screen.getByRole("checkbox", { name: /Distribuir automaticamente/ }));
    await user.type(screen.getByLabelText(/^Servir um nível acima/), "15");
    await user.click(screen.getByRole("button", { name: "Salvar configurações" }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    const data = action.mock.calls[0][1];
    expect(Object.fromEntries(data)).toEqual({
      "channelPriorities.whatsapp": "5",
      "channelPriorities.sms": "0",
      "channelPriorities.email": "0",
      maxOpenPerOperator: "3",
      agingMinutes: "15",
    });
  });

  test("shows each field error in Portuguese beside its field, keeping what was typed", async () => {
    const { user } = setup(async () => ({
      ok: false,
      code: "invalid",
      message: "Revise os campos destacados.",
      fieldErrors: { maxOpenPerOperator: ["No máximo 50 atendimentos por operador."], agingMinutes: ["Ao menos 1 minuto."], channelPriorities: ["Use de 0 a 9."] },
    }));
    const cap = screen.getByLabelText(/^Atendimentos simultâneos por operador/);
    await user.clear(cap);
    await user.type(cap, "80");
    await user.type(screen.getByLabelText(/^Servir um nível acima/), "0");
    await user.click(screen.getByRole("button", { name: "Salvar configurações" }));
    await waitFor(() => expect(errorsOf(cap)).toEqual(["No máximo 50 atendimentos por operador."]));
    expect(cap.getAttribute("aria-invalid")).toBe("true");
    expect((cap as HTMLInputElement).value).toBe("80");
    const aging = screen.getByLabelText(/^Servir um nível acima/);
    expect(errorsOf(aging)).toEqual(["Ao menos 1 minuto."]);
    expect(within(screen.getByRole("group", { name: "Prioridade dos canais" })).getByText("Use de 0 a 9.")).toBeTruthy();
    expect((screen.getByRole("checkbox", { name: /Distribuir automaticamente/ }) as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByRole("status")).toBeNull();
  });

  test("shows a refusal without field errors as an alert", async () => {
    const { user } = setup(async () => ({ ok: false, code: "forbidden", message: "Você não tem permissão para fazer isso.", fieldErrors: {} }));
    await user.click(screen.getByRole("button", { name: "Salvar configurações" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Você não tem permissão para fazer isso.");
  });

  test("confirms a save with a notice", async () => {
    const { user } = setup(async () => ({ ok: true, savedAt: 1 }));
    await user.click(screen.getByRole("button", { name: "Salvar configurações" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toContain("Configurações do Live salvas."));
  });
});
