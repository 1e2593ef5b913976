// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import { ContactForm, emptyContactValues, type ContactFormProps } from "./contact-form";
import type { RevealDocument } from "./document-reveal";

// next/link needs the App Router context; a plain anchor is all these tests look at.
vi.mock("next/link", () => ({
  default: ({ href, children, ...rest }: { href: string; children: React.ReactNode }) => (
    <a href={href} {...rest}>
      {children}
    </a>
  ),
}));

afterEach(cleanup);

const emptyValues = emptyContactValues;

type Action = ContactFormProps["action"];

function renderForm(props: Partial<ContactFormProps> = {}) {
  const action = vi.fn<Action>(async () => ({ ok: true, id: "new-id" }));
  render(
    <ContactForm
      action={action}
      initialValues={emptyValues}
      responsibleOptions={[
        { id: "u1", name: "Ana Souza" },
        { id: "u2", name: "Bruno Lima" },
      ]}
      segmentOptions={[
        { id: "s1", name: "Varejo SP" },
        { id: "s2", name: "Cobrança" },
      ]}
      submitLabel="Criar contato"
      cancel="/contacts"
      {...props}
    />,
  );
  return { action, user: userEvent.setup() };
}

/** The ids an element's aria-describedby points to, resolved to their text. */
function description(element: HTMLElement): string {
  const ids = element.getAttribute("aria-describedby")?.split(" ") ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
}

describe("ContactForm", () => {
  test("labels every field and marks the three required ones", () => {
    renderForm();
    for (const label of ["Nome", "CPF / CNPJ", "Código do Cliente"]) {
      // The "*" is hidden from assistive technology, which hears "(obrigatório)" instead.
      const input = screen.getByRole("textbox", { name: `${label} (obrigatório)` });
      expect(input).toHaveProperty("required", true);
    }
    expect(screen.getByRole("combobox", { name: "Responsável" })).toBeDefined();
    expect(screen.getByLabelText("Hashtags")).toBeDefined();
    expect(screen.getByRole("group", { name: "Prioridade" })).toBeDefined();
    expect(screen.getByRole("group", { name: "Segmentos" })).toBeDefined();
    expect(screen.getByRole("group", { name: "Telefones" })).toBeDefined();
    expect(screen.getByRole("group", { name: "E-mails" })).toBeDefined();
    expect(screen.getByRole("group", { name: "Consentimento (LGPD)" })).toBeDefined();
    // Optional fields carry no required mark.
    expect(screen.getByRole("textbox", { name: "Hashtags" })).toHaveProperty("required", false);
  });

  test("links hints to their inputs and defaults the priority to Média", () => {
    renderForm();
    expect(description(screen.getByLabelText(/^CPF \/ CNPJ/))).toContain("Aceita o CNPJ alfanumérico.");
    expect(description(screen.getByLabelText("Telefone 1"))).toContain("Com DDD, ex.: (11) 98765-4321.");
    expect(screen.getByRole("radio", { name: "Média" })).toHaveProperty("checked", true);
    const responsible = screen.getByRole("combobox", { name: "Responsável" }) as HTMLSelectElement;
    expect(responsible.value).toBe("");
    expect(responsible.options[0].textContent).toBe("Sem responsável");
  });

  test("masks a CPF and an alphanumeric CNPJ as they are typed", async () => {
    const { user } = renderForm();
    const document = screen.getByLabelText(/^CPF \/ CNPJ/) as HTMLInputElement;
    await user.type(document, "12345678909");
    expect(document.value).toBe("123.456.789-09");
    await user.clear(document);
    await user.type(document, "12abc34501de35");
    expect(document.value).toBe("12.ABC.345/01DE-35");
  });

  test("masks a phone and lets Backspace erase past the area code", async () => {
    const { user } = renderForm();
    const phone = screen.getByLabelText("Telefone 1") as HTMLInputElement;
    await user.type(phone, "11987654321");
    expect(phone.value).toBe("(11) 98765-4321");
    await user.type(phone, "{Backspace}".repeat(15));
    expect(phone.value).toBe("");
  });

  test("Enter in Hashtags adds a normalized chip and does not submit; chips can be removed", async () => {
    const { user, action } = renderForm();
    const input = screen.getByLabelText("Hashtags") as HTMLInputElement;
    await user.type(input, "#Cliente VIP{Enter}");
    expect(action).not.toHaveBeenCalled();
    expect(input.value).toBe("");
    expect(screen.getByRole("button", { name: "Remover #cliente-vip" })).toBeDefined();

    await user.type(input, "inadimplente,");
    expect(screen.getByRole("button", { name: "Remover #inadimplente" })).toBeDefined();
    const hidden = () => [...document.querySelectorAll<HTMLInputElement>('input[type="hidden"][name="tags"]')].map((i) => i.value);
    expect(hidden()).toEqual(["cliente-vip", "inadimplente"]);

    await user.click(screen.getByRole("button", { name: "Remover #cliente-vip" }));
    expect(hidden()).toEqual(["inadimplente"]);
    await user.type(input, "{Backspace}");
    expect(hidden()).toEqual([]);
  });

  test("adds and removes phone inputs, focusing the new one", async () => {
    const { user } = renderForm();
    expect(screen.queryByRole("button", { name: "Remover telefone 1" })).toBeNull();
    await user.type(screen.getByLabelText("Telefone 1"), "11987654321");

    await user.click(screen.getByRole("button", { name: "+ Adicionar telefone" }));
    const second = screen.getByLabelText("Telefone 2");
    expect(document.activeElement).toBe(second);
    await user.type(second, "2133334444");

    await user.click(screen.getByRole("button", { name: "Remover telefone 1" }));
    const remaining = screen.getAllByRole("textbox", { name: /^Telefone \d$/ }) as HTMLInputElement[];
    expect(remaining.map((i) => i.value)).toEqual(["(21) 3333-4444"]);
    expect(screen.queryByLabelText("Telefone 2")).toBeNull();
  });

  test("a refused submit shows every field error and the message, and keeps what was typed", async () => {
    const refusal: ActionResult<{ id: string }> = {
      ok: false,
      code: "invalid",
      message: "Revise os campos destacados.",
      fieldErrors: { document: ["CPF inválido: confira os dígitos."], name: ["Informe o nome completo."] },
    };
    const { user, action } = renderForm();
    action.mockResolvedValue(refusal);

    await user.type(screen.getByLabelText(/^Nome/), "Maria");
    await user.type(screen.getByLabelText(/^CPF \/ CNPJ/), "12345678900");
    await user.type(screen.getByLabelText(/^Código do Cliente/), "C-001");
    await user.selectOptions(screen.getByRole("combobox", { name: "Responsável" }), "u2");
    await user.type(screen.getByLabelText("Hashtags"), "vip{Enter}");
    await user.click(screen.getByRole("radio", { name: "Alta" }));
    await user.click(screen.getByRole("checkbox", { name: "Cobrança" }));
    await user.type(screen.getByLabelText("Telefone 1"), "11987654321");
    await user.type(screen.getByLabelText("E-mail 1"), "maria@exemplo.com.br");
    await user.click(screen.getByRole("button", { name: "Criar contato" }));

    // The action resolves asynchronously: wait for the banner rather than for a fixed time.
    const banner = await within(document.querySelector("form")!).findByRole("alert");
    expect(banner.textContent).toBe("Revise os campos destacados.");

    const name = screen.getByLabelText(/^Nome/) as HTMLInputElement;
    const documentInput = screen.getByLabelText(/^CPF \/ CNPJ/) as HTMLInputElement;
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(description(name)).toContain("Informe o nome completo.");
    expect(documentInput.getAttribute("aria-invalid")).toBe("true");
    expect(description(documentInput)).toContain("CPF inválido: confira os dígitos.");
    expect(screen.getByLabelText(/^Código do Cliente/).getAttribute("aria-invalid")).toBeNull();
    // Focus goes to the first field that needs fixing.
    await waitFor(() => expect(document.activeElement).toBe(name));

    // The action received exactly the field names the server reads.
    const sent = action.mock.calls[0][1];
    expect(Object.fromEntries([...sent.keys()].map((key) => [key, sent.getAll(key)]))).toEqual({
      name: ["Maria"],
      document: ["123.456.789-00"],
      customerCode: ["C-001"],
      responsibleUserId: ["u2"],
      tags: ["vip"],
      priority: ["high"],
      segmentIds: ["s2"],
      phones: ["(11) 98765-4321"],
      emails: ["maria@exemplo.com.br"],
      "consent.whatsapp": [""],
      "consent.sms": [""],
      "consent.email": [""],
    });

    // Everything typed is still on screen after React's post-action form reset.
    expect(name.value).toBe("Maria");
    expect(documentInput.value).toBe("123.456.789-00");
    expect((screen.getByLabelText(/^Código do Cliente/) as HTMLInputElement).value).toBe("C-001");
    expect((screen.getByRole("combobox", { name: "Responsável" }) as HTMLSelectElement).value).toBe("u2");
    expect(screen.getByRole("button", { name: "Remover #vip" })).toBeDefined();
    expect(screen.getByRole("radio", { name: "Alta" })).toHaveProperty("checked", true);
    expect(screen.getByRole("checkbox", { name: "Cobrança" })).toHaveProperty("checked", true);
    expect((screen.getByLabelText("Telefone 1") as HTMLInputElement).value).toBe("(11) 98765-4321");
    expect((screen.getByLabelText("E-mail 1") as HTMLInputElement).value).toBe("maria@exemplo.com.br");
  });

  test("a concurrency conflict focuses the banner, and saving again sends the version now stored", async () => {
    const { user, action } = renderForm({ hidden: { id: "c1", version: "3" }, submitLabel: "Salvar alterações" });
    action.mockResolvedValue({
      ok: false,
      code: "conflict",
      message: "Este contato foi alterado por Ana às 14:32. Revise e salve novamente.",
      fieldErrors: {},
      currentVersion: 4,
    });
    await user.click(screen.getByRole("button", { name: "Salvar alterações" }));
    const banner = await within(document.querySelector("form")!).findByRole("alert");
    expect(banner.textContent).toBe("Este contato foi alterado por Ana às 14:32. Revise e salve novamente.");
    await waitFor(() => expect(document.activeElement).toBe(banner));
    const first = action.mock.calls[0][1];
    expect([first.get("id"), first.get("version")]).toEqual(["c1", "3"]);

    await user.click(screen.getByRole("button", { name: "Salvar alterações" }));
    await waitFor(() => expect(action).toHaveBeenCalledTimes(2));
    const second = action.mock.calls[1][1];
    expect([second.get("id"), second.get("version")]).toEqual(["c1", "4"]);
  });

  test("shows the pending label while the action runs", async () => {
    const { user, action } = renderForm();
    let finish: (result: ActionResult<{ id: string }>) => void = () => {};
    action.mockImplementation(() => new Promise((resolve) => (finish = resolve)));
    await user.click(screen.getByRole("button", { name: "Criar contato" }));
    const button = await screen.findByRole("button", { name: "Salvando…" });
    expect(button).toHaveProperty("disabled", true);
    await act(async () => finish({ ok: false, code: "unexpected", message: "Erro.", fieldErrors: {} }));
    expect(await screen.findByRole("button", { name: "Criar contato" })).toHaveProperty("disabled", false);
  });

  test("operator mode shows who will be responsible instead of a select", () => {
    renderForm({ responsibleOptions: null });
    expect(screen.queryByRole("combobox", { name: "Responsável" })).toBeNull();
    expect(screen.getByText("Você será o responsável se não escolher um segmento.")).toBeDefined();
  });

  test("edit mode shows the current responsável, values and locked segments", () => {
    renderForm({
      responsibleOptions: null,
      responsibleName: "Ana Souza",
      initialValues: { ...emptyValues, name: "Maria", tags: ["vip"], segmentIds: ["s1"], phones: ["(11) 98765-4321", "(21) 3333-4444"] },
      lockedSegments: [{ id: "s9", name: "Jurídico" }],
      submitLabel: "Salvar alterações",
    });
    expect(screen.getByText("Ana Souza")).toBeDefined();
    expect((screen.getByLabelText(/^Nome/) as HTMLInputElement).value).toBe("Maria");
    expect(screen.getByRole("checkbox", { name: "Varejo SP" })).toHaveProperty("checked", true);
    expect(screen.getByText("Também em: Jurídico")).toBeDefined();
    expect((screen.getByLabelText("Telefone 2") as HTMLInputElement).value).toBe("(21) 3333-4444");
    expect(screen.getByRole("button", { name: "Salvar alterações" })).toBeDefined();
  });

  test("keeps a current responsável the viewer could not pick, so saving does not clear it", () => {
    renderForm({
      initialValues: { ...emptyValues, responsibleUserId: "u9" },
      responsibleName: "Carla Dias",
    });
    const select = screen.getByRole("combobox", { name: "Responsável" }) as HTMLSelectElement;
    expect(select.value).toBe("u9");
    expect(select.selectedOptions[0].textContent).toBe("Carla Dias");
  });

  describe("editing: the stored document", () => {
    const sentDocument = (action: ReturnType<typeof renderForm>["action"], call: number) => action.mock.calls[call][1].getAll("document");
    function renderEdit(reveal = vi.fn<RevealDocument>(async () => ({ ok: true, document: "123.456.789-09" }))) {
      const rendered = renderForm({
        initialValues: { ...emptyValues, name: "Maria", customerCode: "C-1" },
        hidden: { id: "c1", version: "3" },
        storedDocument: { masked: "***.456.789-**", reveal },
        submitLabel: "Salvar alterações",
      });
      return { ...rendered, reveal };
    }

    test("is masked until mostrar: saving before sends no document, mostrar reveals it and then it is sent", async () => {
      const { user, action, reveal } = renderEdit();
      const masked = screen.getByLabelText(/^CPF \/ CNPJ/) as HTMLInputElement;
      expect(masked.value).toBe("***.456.789-**");
      expect(masked.readOnly).toBe(true);
      expect(masked.name).toBe("");
      expect(description(masked)).toContain("registrado no histórico");

      await user.click(screen.getByRole("button", { name: "Salvar alterações" }));
      await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
      expect(sentDocument(action, 0)).toEqual([]);
      expect(reveal).not.toHaveBeenCalled();

      await user.click(screen.getByRole("button", { name: "mostrar" }));
      await waitFor(() => expect((screen.getByLabelText(/^CPF \/ CNPJ/) as HTMLInputElement).value).toBe("123.456.789-09"));
      expect(reveal).toHaveBeenCalledTimes(1);
      const revealed = screen.getByLabelText(/^CPF \/ CNPJ/) as HTMLInputElement;
      expect(revealed.readOnly).toBe(false);
      expect(document.activeElement).toBe(revealed);

      await user.click(screen.getByRole("button", { name: "Salvar alterações" }));
      await waitFor(() => expect(action).toHaveBeenCalledTimes(2));
      expect(sentDocument(action, 1)).toEqual(["123.456.789-09"]);
    });

    test("substituir empties the field without revealing; a field error is shown on it", async () => {
      const { user, action, reveal } = renderEdit();
      action.mockResolvedValue({ ok: false, code: "invalid", message: "Revise os campos destacados.", fieldErrors: { document: ["CPF inválido: confira os dígitos."] } });
      await user.click(screen.getByRole("button", { name: "substituir" }));
      const input = screen.getByLabelText(/^CPF \/ CNPJ/) as HTMLInputElement;
      expect(input.value).toBe("");
      expect(document.activeElement).toBe(input);
      await user.type(input, "12345678900");
      await user.click(screen.getByRole("button", { name: "Salvar alterações" }));

      await within(document.querySelector("form")!).findByRole("alert");
      expect(reveal).not.toHaveBeenCalled();
      expect(sentDocument(action, 0)).toEqual(["123.456.789-00"]);
      expect(input.getAttribute("aria-invalid")).toBe("true");
      expect(description(input)).toContain("CPF inválido: confira os dígitos.");
      expect(input.value).toBe("123.456.789-00");
    });

    test("while masked, a field error is still shown, and a refused reveal says why and keeps the mask", async () => {
      const { user, action } = renderEdit(vi.fn<RevealDocument>(async () => ({ ok: false, code: "not_found", message: "Contato não encontrado.", fieldErrors: {} })));
      action.mockResolvedValue({ ok: false, code: "invalid", message: "Revise os campos destacados.", fieldErrors: { document: ["Este CPF/CNPJ já está em uso."] } });
      await user.click(screen.getByRole("button", { name: "Salvar alterações" }));
      await within(document.querySelector("form")!).findByRole("alert");
      const masked = screen.getByLabelText(/^CPF \/ CNPJ/) as HTMLInputElement;
      expect(masked.getAttribute("aria-invalid")).toBe("true");
      expect(description(masked)).toContain("Este CPF/CNPJ já está em uso.");

      await user.click(screen.getByRole("button", { name: "mostrar" }));
      expect(await screen.findByText("Contato não encontrado.")).toBeDefined();
      expect((screen.getByLabelText(/^CPF \/ CNPJ/) as HTMLInputElement).value).toBe("***.456.789-**");
    });
  });

  describe("consent (LGPD)", () => {
    const channelGroup = (name: string) => within(screen.getByRole("group", { name: "Consentimento (LGPD)" })).getByRole("group", { name });
    const answer = (channel: string, label: string) => within(channelGroup(channel)).getByRole("radio", { name: label }) as HTMLInputElement;
    const sentConsent = (action: ReturnType<typeof renderForm>["action"], call: number) => {
      const sent = action.mock.calls[call][1];
      return ["whatsapp", "sms", "email"].map((channel) => sent.getAll(`consent.${channel}`));
    };
    const record = { status: "granted", at: "2026-03-12T17:05:00.000Z", source: "form", by: "Ana Souza" } as const;

    test("one labelled radio group per channel, Aceita / Não aceita / Não informado, Não informado on a new contact", () => {
      renderForm();
      for (const channel of ["WhatsApp", "SMS", "E-mail"]) {
        const radios = within(channelGroup(channel)).getAllByRole("radio") as HTMLInputElement[];
        expect(radios.map((radio) => radio.labels?.[0]?.textContent)).toEqual(["Aceita", "Não aceita", "Não informado"]);
        expect(radios.filter((radio) => radio.checked).map((radio) => radio.value)).toEqual([""]);
      }
      expect(description(answer("WhatsApp", "Aceita"))).toContain("não recebe mensagens pelo canal");
    });

    test("answers are chosen with the mouse or the arrow keys, each channel on its own, and sent as consent.<channel>", async () => {
      const { user, action } = renderForm();
      await user.click(answer("WhatsApp", "Aceita"));
      await user.keyboard("{ArrowDown}");
      expect(answer("WhatsApp", "Não aceita").checked).toBe(true);
      expect(document.activeElement).toBe(answer("WhatsApp", "Não aceita"));
      await user.click(answer("E-mail", "Aceita"));
      expect(answer("WhatsApp", "Não aceita").checked).toBe(true);
      expect(answer("SMS", "Não informado").checked).toBe(true);

      await user.click(screen.getByRole("button", { name: "Criar contato" }));
      await waitFor(() => expect(action).toHaveBeenCalledTimes(1));
      expect(sentConsent(action, 0)).toEqual([["denied"], [""], ["granted"]]);
    });

    test("editing shows each record under its channel while its answer is kept, and the stored answers checked", async () => {
      const { user } = renderForm({
        initialValues: { ...emptyValues, consent: { whatsapp: "granted", sms: "denied", email: "" } },
        consentRecords: { whatsapp: record, sms: { ...record, status: "denied", source: "import", by: "Lúcia Ramos" } },
        submitLabel: "Salvar alterações",
      });
      expect(answer("WhatsApp", "Aceita").checked).toBe(true);
      expect(answer("SMS", "Não aceita").checked).toBe(true);
      expect(description(channelGroup("WhatsApp"))).toBe("Registrado em 12/03/2026 às 14:05 por Ana Souza, pelo formulário");
      expect(description(channelGroup("SMS"))).toBe("Registrado em 12/03/2026 às 14:05 por Lúcia Ramos, por importação");
      expect(channelGroup("E-mail").getAttribute("aria-describedby")).toBeNull();

      // A new answer will be a new record: the old one no longer describes it.
      await user.click(answer("WhatsApp", "Não informado"));
      expect(screen.queryByText(/por Ana Souza, pelo formulário/)).toBeNull();
      await user.click(answer("WhatsApp", "Aceita"));
      expect(screen.getByText(/por Ana Souza, pelo formulário/)).toBeDefined();
    });

    test("a refused submit shows the consent errors on the group and keeps the answers chosen", async () => {
      const { user, action } = renderForm();
      action.mockResolvedValue({
        ok: false,
        code: "invalid",
        message: "Revise os campos destacados.",
        fieldErrors: { consent: ["Consentimento (SMS): escolha Aceita, Não aceita ou Não informado."] },
      });
      await user.click(answer("SMS", "Aceita"));
      await user.click(answer("E-mail", "Não aceita"));
      await user.click(screen.getByRole("button", { name: "Criar contato" }));
      await within(document.querySelector("form")!).findByRole("alert");

      expect(description(screen.getByRole("group", { name: "Consentimento (LGPD)" }))).toContain("Consentimento (SMS): escolha Aceita, Não aceita ou Não informado.");
      expect(description(answer("SMS", "Aceita"))).toContain("Consentimento (SMS): escolha");
      expect(answer("SMS", "Aceita").checked).toBe(true);
      expect(answer("E-mail", "Não aceita").checked).toBe(true);
      expect(answer("WhatsApp", "Não informado").checked).toBe(true);
    });

    test("a form posted before hydration comes back with the answers typed (keepingWhatWasTyped's values)", () => {
      renderForm({ initialValues: { ...emptyValues, consent: { whatsapp: "denied", sms: "granted", email: "" } } });
      expect(answer("WhatsApp", "Não aceita").checked).toBe(true);
      expect(answer("SMS", "Aceita").checked).toBe(true);
      expect(answer("E-mail", "Não informado").checked).toBe(true);
    });
  });
});
