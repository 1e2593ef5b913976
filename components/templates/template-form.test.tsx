// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import { emptyTemplateValues, TemplateForm, type TemplateFormProps } from "./template-form";
import { PREVIEW_DELAY_MS } from "./template-preview";

vi.mock("next/link", () => ({
  default: ({ href, children, ...rest }: { href: string; children: React.ReactNode }) => (
    <a href={href} {...rest}>
      {children}
    </a>
  ),
}));

afterEach(cleanup);

// The picker and the preview wait for typing to pause (300 and 400 ms) before asking the server.
const waitLonger = { timeout: 5000 };

const maria = { id: "c1", name: "Maria da Silva", customerCode: "CLI-1" };
const joao = { id: "c2", name: "João Souza", customerCode: "CLI-2" };

function renderForm(props: Partial<TemplateFormProps> = {}) {
  const action = vi.fn<TemplateFormProps["action"]>(async () => ({ ok: true }));
  const preview = vi.fn<TemplateFormProps["preview"]>(async ({ body }) => ({ ok: true, subject: null, body: `renderizado: ${body}`, missing: [] }));
  const searchContacts = vi.fn<TemplateFormProps["searchContacts"]>(async () => ({ ok: true, contacts: [maria, joao] }));
  render(
    <TemplateForm
      action={action}
      initialValues={emptyTemplateValues}
      submitLabel="Criar modelo"
      cancelHref="/templates"
      preview={preview}
      searchContacts={searchContacts}
      {...props}
    />,
  );
  return { action, preview, searchContacts, user: userEvent.setup() };
}

const body = () => screen.getByRole("textbox", { name: "Mensagem (obrigatório)" }) as HTMLTextAreaElement;
const subject = () => screen.getByRole("textbox", { name: "Assunto (obrigatório)" }) as HTMLInputElement;
const describedBy = (element: HTMLElement) =>
  (element.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent ?? "").join(" ");

async function pickContact(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(screen.getByRole("combobox", { name: "Contato da pré-visualização" }));
  await user.click(await screen.findByRole("option", { name: new RegExp(name) }, waitLonger));
}

describe("TemplateForm", () => {
  test("labels its fields; the subject exists only for e-mail", async () => {
    const { user } = renderForm();
    expect(screen.getByRole("textbox", { name: "Nome (obrigatório)" })).toBeDefined();
    expect(body()).toBeDefined();
    expect(screen.queryByRole("textbox", { name: /Assunto/ })).toBeNull();
    await user.selectOptions(screen.getByRole("combobox", { name: "Canal (obrigatório)" }), "E-mail");
    expect(subject()).toBeDefined();
  });

  test("the variable menu inserts at the cursor, replacing the selection, and gives the focus back after the variable", async () => {
    const { user } = renderForm();
    await user.type(body(), "Olá XX, tudo bem?");
    body().setSelectionRange(4, 6);
    await user.click(screen.getByRole("button", { name: /^Primeiro nome {{/ }));
    expect(body().value).toBe("Olá {{contactfirstname}}, tudo bem?");
    expect(document.activeElement).toBe(body());
    expect(body().selectionStart).toBe(4 + "{{contactfirstname}}".length);
    await user.keyboard("!");
    expect(body().value).toBe("Olá {{contactfirstname}}!, tudo bem?");
  });

  test("the menu works from the keyboard, and writes into the subject when it had the focus last", async () => {
    const { user } = renderForm({ initialValues: { ...emptyTemplateValues, channel: "email", subject: "Sua fatura", body: "Oi" } });
    await user.click(subject());
    subject().setSelectionRange(0, 0);
    expect(screen.getByRole("group", { name: "Inserir variável no assunto" })).toBeDefined();
    screen.getByRole("button", { name: /^Código do cliente {{/ }).focus();
    await user.keyboard("{Enter}");
    expect(subject().value).toBe("{{contactcustomcode}}Sua fatura");
    expect(body().value).toBe("Oi");
    await user.click(body());
    screen.getByRole("button", { name: /^Segmento {{/ }).focus();
    await user.keyboard(" ");
    expect(body().value).toBe("Oi{{segmento}}");
  });

  test("says which variables are unknown while typing", async () => {
    const { user } = renderForm();
    await user.type(body(), "Oi {{{{nome}}");
    expect(describedBy(body())).toContain("Variável desconhecida: {{nome}}. Use as da lista.");
  });

  test("shows the server's field errors beside their fields and keeps what was typed", async () => {
    const refused: ActionResult = {
      ok: false,
      code: "invalid",
      message: "Revise os campos destacados.",
      fieldErrors: { name: ["Já existe um modelo com este nome."], body: ["Variável desconhecida: {{foo}}. Use as da lista."] },
    };
    const refusing = vi.fn<TemplateFormProps["action"]>(async () => refused);
    const { user } = renderForm({ action: refusing });
    await user.type(screen.getByRole("textbox", { name: "Nome (obrigatório)" }), "Boas-vindas");
    await user.type(body(), "Oi {{{{foo}}");
    await user.click(screen.getByRole("button", { name: "Criar modelo" }));
    await screen.findByText("Já existe um modelo com este nome.");
    expect(refusing).toHaveBeenCalledTimes(1);
    const name = screen.getByRole("textbox", { name: "Nome (obrigatório)" });
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(describedBy(name)).toContain("Já existe um modelo com este nome.");
    // Said once: the error, not the live hint too.
    expect(describedBy(body()).split("Variável desconhecida: {{foo}}. Use as da lista.").length).toBe(2);
    expect((name as HTMLInputElement).value).toBe("Boas-vindas");
  });

  test("submits the fields as the server action reads them", async () => {
    const { user, action } = renderForm({ id: "t1", initialValues: { name: "Fatura", channel: "email", subject: "Oi", body: "Corpo" } });
    await user.click(screen.getByRole("button", { name: "Criar modelo" }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
    const formData = action.mock.calls[0][1];
    expect(Object.fromEntries(formData.entries())).toEqual({ id: "t1", name: "Fatura", channel: "email", subject: "Oi", body: "Corpo" });
  });
});

describe("the preview", () => {
  test("renders for the contact picked, follows the text, and calls out missing variables", async () => {
    const preview = vi.fn<TemplateFormProps["preview"]>(async ({ body }) => ({
      ok: true,
      subject: null,
      body: body.replace("{{contactfirstname}}", "Maria"),
      missing: body.includes("{{responsavel}}") ? ["responsavel"] : [],
    }));
    const { user, searchContacts } = renderForm({ preview, initialValues: { ...emptyTemplateValues, body: "Olá {{contactfirstname}}" } });
    expect(screen.getByText("Escolha um contato para ver a mensagem com os dados dele.")).toBeDefined();
    await pickContact(user, "Maria da Silva");
    expect(searchContacts).toHaveBeenCalled();
    const section = screen.getByRole("region", { name: "Pré-visualização" });
    await within(section).findByText("Olá Maria", {}, waitLonger);
    expect(preview).toHaveBeenLastCalledWith({ subject: null, body: "Olá {{contactfirstname}}", contactId: "c1" });

    await user.click(body());
    await user.keyboard("{End}, ");
    await user.click(screen.getByRole("button", { name: /^Responsável {{/ }));
    await within(section).findByText("{{responsavel}} ficaria vazio para este contato.", {}, waitLonger);
    expect(preview).toHaveBeenLastCalledWith({ subject: null, body: "Olá {{contactfirstname}}, {{responsavel}}", contactId: "c1" });
  });

  test("asks the server once typing pauses, not at every keystroke", async () => {
    const { user, preview } = renderForm();
    await pickContact(user, "João Souza");
    await waitFor(() => expect(preview).toHaveBeenCalledTimes(1), waitLonger);
    // Keystrokes with no time between them (fake timers: nothing moves until told to).
    vi.useFakeTimers();
    try {
      for (const typed of ["a", "ab", "abc", "abcd"]) fireEvent.change(body(), { target: { value: typed } });
      await act(() => vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS - 1));
      expect(preview).toHaveBeenCalledTimes(1);
      await act(() => vi.advanceTimersByTimeAsync(1));
      expect(preview).toHaveBeenCalledTimes(2);
      expect(preview).toHaveBeenLastCalledWith({ subject: null, body: "abcd", contactId: "c2" });
    } finally {
      vi.useRealTimers();
    }
  });

  test("sends the subject of an e-mail, and shows it", async () => {
    const preview = vi.fn<TemplateFormProps["preview"]>(async () => ({ ok: true, subject: "Fatura de Maria", body: "Corpo", missing: [] }));
    const { user } = renderForm({ preview, initialValues: { name: "", channel: "email", subject: "Fatura de {{contactfirstname}}", body: "Corpo" } });
    await pickContact(user, "Maria da Silva");
    await screen.findByText("Fatura de Maria", {}, waitLonger);
    expect(preview).toHaveBeenLastCalledWith({ subject: "Fatura de {{contactfirstname}}", body: "Corpo", contactId: "c1" });
  });

  test("says so when the contact cannot be used", async () => {
    const preview = vi.fn<TemplateFormProps["preview"]>(async () => ({ ok: false, code: "not_found", message: "Contato não encontrado.", fieldErrors: {} }));
    const { user } = renderForm({ preview });
    await pickContact(user, "Maria da Silva");
    expect((await screen.findByRole("alert", {}, waitLonger)).textContent).toBe("Contato não encontrado.");
  });

  test("searches the contacts as typed", async () => {
    const { user, searchContacts } = renderForm();
    await user.type(screen.getByRole("combobox", { name: "Contato da pré-visualização" }), "CLI-2");
    await waitFor(() => expect(searchContacts).toHaveBeenLastCalledWith("CLI-2"), waitLonger);
  });
});
