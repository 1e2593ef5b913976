// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test, vi } from "vitest";
import { defaultUpdatePolicies, type ImportSettings } from "@/lib/import/settings";
import { ImportSettingsForm, type ImportSettingsActions, type ImportSettingsFormProps } from "./settings-form";

afterEach(cleanup);

const header = ["Nome", "CPF", "Código", "Observação", "Celular"];
const sampleRows = [
  ["Maria da Silva", "057.231.955-06", "CLI-1", "", "(11) 98765-4321"],
  ["João Souza", "123.456.789-09", "CLI-2", "cliente antigo", ""],
  ["Ana Lima", "", "CLI-3", "", ""],
  ["Quarta linha", "", "CLI-4", "", ""],
];

function renderForm(props: Partial<ImportSettingsFormProps> = {}) {
  const actions = {
    preview: vi.fn<ImportSettingsActions["preview"]>(async () => ({ ok: true })),
    saveMapping: vi.fn<ImportSettingsActions["saveMapping"]>(async () => ({ ok: true, id: "m9" })),
    deleteMapping: vi.fn<ImportSettingsActions["deleteMapping"]>(async () => ({ ok: true })),
  };
  render(
    <ImportSettingsForm
      importId="imp1"
      header={header}
      sampleRows={sampleRows}
      settings={null}
      segments={[{ id: "s1", name: "Varejo SP" }, { id: "s2", name: "Cobrança" }]}
      responsibles={[{ id: "u1", name: "Ana Souza" }, { id: "u2", name: "Bruno Lima" }]}
      ownSegmentsOnly={false}
      savedMappings={[]}
      actions={actions}
      {...props}
    />,
  );
  return { actions, user: userEvent.setup() };
}

const columnSelect = (name: string) => screen.getByRole("combobox", { name: `Campo da coluna ${name}` }) as HTMLSelectElement;
const chosen = (select: HTMLSelectElement) => select.selectedOptions[0]?.textContent;
const description = (element: HTMLElement) =>
  (element.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent ?? "").join(" ");

describe("ImportSettingsForm", () => {
  test("shows each column with its first three values and the suggested field; an unrecognised column will be ignored", () => {
    renderForm();
    expect(header.map((name) => chosen(columnSelect(name)))).toEqual(["Nome", "CPF/CNPJ", "Código do cliente", "Ignorar coluna", "Telefones"]);
    const row = columnSelect("Nome").closest("tr")!;
    expect(within(row).getByText("Maria da Silva")).toBeDefined();
    expect(within(row).getByText("Ana Lima")).toBeDefined();
    expect(within(row).queryByText("Quarta linha")).toBeNull();
    expect(description(columnSelect("Observação"))).toContain("Será ignorada.");
    expect(description(columnSelect("Nome"))).toBe("");
  });

  test("consent columns are offered and, once mapped, the update options say how they apply", async () => {
    const { user } = renderForm();
    const policies = () => screen.getByRole("group", { name: "Ao atualizar um contato existente" });
    expect(description(policies())).not.toContain("Consentimento");
    expect([...columnSelect("Observação").options].map((option) => option.textContent)).toEqual(
      expect.arrayContaining(["Consentimento WhatsApp", "Consentimento SMS", "Consentimento E-mail"]),
    );
    await user.selectOptions(columnSelect("Observação"), "Consentimento WhatsApp");
    expect(description(policies())).toContain("Consentimento: a resposta do arquivo substitui a atual; célula vazia mantém.");
  });

  test("submits the mapping and every option as the settings schema reads them", async () => {
    const { actions, user } = renderForm();
    await user.selectOptions(columnSelect("Observação"), "Hashtags");
    await user.selectOptions(screen.getByRole("combobox", { name: /Chave do contato/ }), "CPF/CNPJ");
    await user.click(screen.getByRole("radio", { name: "Somente atualizar existentes" }));
    const policies = screen.getByRole("group", { name: "Ao atualizar um contato existente" });
    await user.selectOptions(within(policies).getByRole("combobox", { name: /^Nome/ }), "Manter como está");
    await user.type(screen.getByRole("textbox", { name: /Adicionar hashtags a todos/ }), "Campanha Maio{Enter}");
    await user.selectOptions(screen.getByRole("combobox", { name: /Colocar todos no segmento/ }), "Cobrança");
    await user.selectOptions(screen.getByRole("combobox", { name: /Definir responsável/ }), "Bruno Lima");
    await user.click(screen.getByRole("button", { name: "Pré-visualizar" }));

    expect(actions.preview).toHaveBeenCalledExactlyOnceWith("imp1", {
      mapping: ["name", "document", "customerCode", "tags", "phones"],
      key: "document",
      mode: "updateOnly",
      policies: { ...defaultUpdatePolicies, name: "keep" },
      addTags: ["campanha-maio"],
      segmentId: "s2",
      responsibleUserId: "u2",
    });
  });

  test("shows the refusal's field errors next to their fields and moves focus to the first one", async () => {
    const { actions, user } = renderForm();
    actions.preview.mockResolvedValueOnce({
      ok: false,
      code: "invalid",
      message: "Revise os campos destacados.",
      fieldErrors: {
        mapping: ["Cada campo pode vir de uma coluna só: escolha uma delas."],
        key: ["Associe a coluna de CPF/CNPJ: é a chave do contato."],
        segmentId: ["Escolha um dos seus segmentos."],
      },
    });
    await user.selectOptions(columnSelect("Observação"), "Nome");
    expect(description(columnSelect("Observação"))).toContain("Nome também vem da coluna Nome: escolha uma só.");
    await user.click(screen.getByRole("button", { name: "Pré-visualizar" }));

    expect((await screen.findByRole("alert")).textContent).toBe("Revise os campos destacados.");
    expect(screen.getByText("Cada campo pode vir de uma coluna só: escolha uma delas.")).toBeDefined();
    expect(columnSelect("Observação").getAttribute("aria-invalid")).toBe("true");
    expect(description(columnSelect("Observação"))).toContain("Cada campo pode vir de uma coluna só");
    const key = screen.getByRole("combobox", { name: /Chave do contato/ });
    expect(key.getAttribute("aria-invalid")).toBe("true");
    expect(description(key)).toContain("Associe a coluna de CPF/CNPJ: é a chave do contato.");
    expect(description(screen.getByRole("combobox", { name: /Colocar todos no segmento/ }))).toContain("Escolha um dos seus segmentos.");
    await waitFor(() => expect(document.activeElement).toBe(columnSelect("Nome")));
  });

  test("asks about updates only when the import may update; hides the responsável for who cannot set one and tells a supervisor about segments", async () => {
    const { user } = renderForm({ responsibles: null, ownSegmentsOnly: true });
    expect(screen.getByRole("group", { name: "Ao atualizar um contato existente" })).toBeDefined();
    await user.click(screen.getByRole("radio", { name: "Somente adicionar novos" }));
    expect(screen.queryByRole("group", { name: "Ao atualizar um contato existente" })).toBeNull();
    expect(screen.queryByRole("combobox", { name: /Definir responsável/ })).toBeNull();
    expect(description(screen.getByRole("combobox", { name: /Colocar todos no segmento/ }))).toContain("Um contato novo sem segmento (aqui ou na coluna Segmentos) fica com você como responsável.");
  });

  test("asks how to update the responsável when the option sets it, though no column has it", async () => {
    const { user } = renderForm();
    const policies = screen.getByRole("group", { name: "Ao atualizar um contato existente" });
    expect(within(policies).queryByRole("combobox", { name: /^Responsável/ })).toBeNull();
    await user.selectOptions(screen.getByRole("combobox", { name: /Definir responsável/ }), "Ana Souza");
    expect(within(policies).getByRole("combobox", { name: /^Responsável/ })).toBeDefined();
  });

  test("starts from the settings of an earlier preview", async () => {
    const settings: ImportSettings = {
      mapping: ["name", null, "customerCode", "document", null],
      key: "customerCode",
      mode: "createOnly",
      policies: defaultUpdatePolicies,
      addTags: ["vip"],
      segmentId: "s1",
      responsibleUserId: null,
    };
    const onCancel = vi.fn();
    const { actions, user } = renderForm({ settings, onCancel });
    expect(header.map((name) => chosen(columnSelect(name)))).toEqual(["Nome", "Ignorar coluna", "Código do cliente", "CPF/CNPJ", "Ignorar coluna"]);
    expect((screen.getByRole("radio", { name: "Somente adicionar novos" }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole("button", { name: "Remover #vip" })).toBeDefined();
    await user.click(screen.getByRole("button", { name: "Pré-visualizar" }));
    expect(actions.preview.mock.calls[0][1]).toMatchObject({ mapping: settings.mapping, mode: "createOnly", addTags: ["vip"], segmentId: "s1", responsibleUserId: "" });
    await user.click(screen.getByRole("button", { name: "Voltar à prévia" }));
    expect(onCancel).toHaveBeenCalledOnce();
  });

  test("applies a saved mapping by header name and saves the current one under a name", async () => {
    const { actions, user } = renderForm({
      savedMappings: [{ id: "m1", name: "Exportação do ERP", columns: { Observação: "tags", Nome: "name", "Não existe": "emails" } }],
    });
    await user.selectOptions(screen.getByRole("combobox", { name: "Usar mapeamento salvo" }), "Exportação do ERP");
    expect(header.map((name) => chosen(columnSelect(name)))).toEqual(["Nome", "Ignorar coluna", "Ignorar coluna", "Hashtags", "Ignorar coluna"]);
    expect(screen.getByText("Mapeamento “Exportação do ERP” aplicado: 2 colunas associadas.")).toBeDefined();

    await user.selectOptions(columnSelect("Código"), "Código do cliente");
    await user.click(screen.getByRole("button", { name: "Salvar mapeamento" }));
    await user.type(screen.getByRole("textbox", { name: /Nome do mapeamento/ }), "Planilha da loja{Enter}");
    expect(actions.saveMapping).toHaveBeenCalledExactlyOnceWith({ name: "Planilha da loja", columns: { Nome: "name", Código: "customerCode", Observação: "tags" } });
    expect(actions.preview).not.toHaveBeenCalled();
    expect(await screen.findByText("Mapeamento “Planilha da loja” salvo.")).toBeDefined();
    expect(within(screen.getByRole("combobox", { name: "Usar mapeamento salvo" })).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "Escolha…",
      "Exportação do ERP",
      "Planilha da loja",
    ]);
  });
});
