// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import { NewApiKeyForm } from "./new-api-key-form";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

type Created = { id: string; key: string };
const KEY = "crt_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde";

const refused = (fieldErrors: Record<string, string[]>, message = "Revise os campos destacados.") => ({
  ok: false as const,
  code: "invalid" as const,
  message,
  fieldErrors,
});

function setup(answer: () => Promise<ActionResult<Created>>) {
  const user = userEvent.setup();
  const action = vi.fn(async (_previous: ActionResult<Created> | null, _data: FormData) => answer());
  render(<NewApiKeyForm action={action} segments={[{ id: "s1", name: "Corporativo" }, { id: "s2", name: "Varejo SP" }]} />);
  return { user, action };
}

/** The messages a control is described by (Field ties the group's errors to each checkbox). */
const errorsOf = (element: HTMLElement) =>
  (element.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .map((id) => document.getElementById(id))
    .filter((node) => node?.tagName === "UL")
    .map((node) => node!.textContent);

describe("NewApiKeyForm", () => {
  test("offers a name and the four permissions, none chosen in advance", () => {
    setup(async () => ({ ok: true, id: "k1", key: KEY }));
    expect(screen.getByLabelText(/^Nome/)).toBeDefined();
    const group = screen.getByRole("group", { name: /Permissões/ });
    const boxes = within(group).getAllByRole("checkbox") as HTMLInputElement[];
    expect(boxes.map((box) => [box.value, box.checked])).toEqual([
      ["contacts:read", false],
      ["contacts:write", false],
      ["messages:send", false],
      ["attendances:write", false],
    ]);
    for (const label of ["Ler contatos", "Criar e alterar contatos", "Enviar mensagens", "Registrar atendimentos (Live)"]) {
      expect(within(group).getByRole("checkbox", { name: new RegExp(label.replace(/[()]/g, "\\$&")) })).toBeDefined();
    }
  });

  test("sends the segments chosen (none: the whole organization) and the requests per minute", async () => {
    const { user, action } = setup(async () => refused({ name: ["Dê um nome à chave."] }));
    const group = screen.getByRole("group", { name: /Contatos que a chave vê/ });
    expect((within(group).getAllByRole("checkbox") as HTMLInputElement[]).map((box) => box.checked)).toEqual([false, false]);
    expect((screen.getByLabelText(/^Requisições por minuto/) as HTMLInputElement).value).toBe("600");
    await user.click(within(group).getByRole("checkbox", { name: "Varejo SP" }));
    await user.clear(screen.getByLabelText(/^Requisições por minuto/));
    await user.type(screen.getByLabelText(/^Requisições por minuto/), "60");
    await user.click(screen.getByRole("button", { name: "Criar chave" }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    const sent = action.mock.calls[0][1];
    expect(sent.getAll("segmentIds")).toEqual(["s2"]);
    expect(sent.get("requestsPerMinute")).toBe("60");
  });

  test("shows every field error from the server beside its field, keeping what was typed and chosen", async () => {
    const { user, action } = setup(async () => refused({ name: ["O nome pode ter até 80 caracteres."], scopes: ["Escolha ao menos uma permissão."] }));
    await user.type(screen.getByLabelText(/^Nome/), "ERP");
    await user.click(screen.getByRole("checkbox", { name: /Enviar mensagens/ }));
    await user.click(screen.getByRole("button", { name: "Criar chave" }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));

    const name = screen.getByLabelText(/^Nome/) as HTMLInputElement;
    expect(name.value).toBe("ERP");
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(errorsOf(name)).toEqual(["O nome pode ter até 80 caracteres."]);
    const send = screen.getByRole("checkbox", { name: /Enviar mensagens/ }) as HTMLInputElement;
    expect(send.checked).toBe(true);
    expect(send.getAttribute("aria-invalid")).toBe("true");
    expect(errorsOf(send)).toEqual(["Escolha ao menos uma permissão."]);
    // Field errors speak for themselves: no second, general message.
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  test("a refusal without field errors is said above the button", async () => {
    const { user } = setup(async () => ({ ok: false, code: "forbidden", message: "Você não tem permissão para fazer isso.", fieldErrors: {} }));
    await user.click(screen.getByRole("button", { name: "Criar chave" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Você não tem permissão para fazer isso.");
  });

  test("sends the name and the chosen permissions", async () => {
    const { user, action } = setup(async () => refused({}));
    await user.type(screen.getByLabelText(/^Nome/), "Chatbot");
    await user.click(screen.getByRole("checkbox", { name: /Ler contatos/ }));
    await user.click(screen.getByRole("checkbox", { name: /Registrar atendimentos/ }));
    await user.click(screen.getByRole("button", { name: "Criar chave" }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    const sent = action.mock.calls[0][1];
    expect(sent.get("name")).toBe("Chatbot");
    expect(sent.getAll("scopes")).toEqual(["contacts:read", "attendances:write"]);
  });
});

describe("the new key, shown once", () => {
  async function created() {
    const context = setup(async () => ({ ok: true, id: "k1", key: KEY }));
    await context.user.type(screen.getByLabelText(/^Nome/), "ERP");
    await context.user.click(screen.getByRole("checkbox", { name: /Ler contatos/ }));
    await context.user.click(screen.getByRole("button", { name: "Criar chave" }));
    return { ...context, dialog: await screen.findByRole("dialog", { name: "Chave “ERP” criada" }) };
  }

  test("shows the key in a dialog with the warning that it will not be shown again", async () => {
    const { dialog } = await created();
    expect((within(dialog).getByLabelText("Chave de API") as HTMLInputElement).value).toBe(KEY);
    expect(within(dialog).getByText("Guarde esta chave agora: ela não será mostrada de novo.")).toBeDefined();
    expect(dialog.getAttribute("aria-describedby")).toBeTruthy();
    expect(document.getElementById(dialog.getAttribute("aria-describedby")!)?.textContent).toContain("Guarde esta chave agora");
  });

  test("Copiar puts the key on the clipboard and says so", async () => {
    const { user, dialog } = await created();
    const writeText = vi.fn(async (_text: string) => {});
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await user.click(within(dialog).getByRole("button", { name: "Copiar" }));
    expect(writeText).toHaveBeenCalledWith(KEY);
    expect(within(dialog).getByRole("button", { name: "Copiada" })).toBeDefined();
    expect(within(dialog).getByText("Chave copiada para a área de transferência.")).toBeDefined();
  });

  test("without a clipboard, Copiar selects the key and says how to copy it", async () => {
    const { user, dialog } = await created();
    Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
    await user.click(within(dialog).getByRole("button", { name: "Copiar" }));
    const field = within(dialog).getByLabelText("Chave de API") as HTMLInputElement;
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, KEY.length]);
    expect(within(dialog).getByText("Não foi possível copiar: a chave está selecionada, use Ctrl+C.")).toBeDefined();
  });

  test("Escape does not lose it; Já guardei a chave closes it, and the key is gone from the page with a fresh form", async () => {
    const { user, dialog } = await created();
    await user.keyboard("{Escape}");
    expect(screen.getByRole("dialog")).toBe(dialog);
    await user.click(within(dialog).getByRole("button", { name: "Já guardei a chave" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(document.body.innerHTML).not.toContain(KEY);
    expect((screen.getByLabelText(/^Nome/) as HTMLInputElement).value).toBe("");
    expect((screen.getByRole("checkbox", { name: /Ler contatos/ }) as HTMLInputElement).checked).toBe(false);
  });
});
