// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { ActionResult } from "@/lib/actions/result";
import { defaultUpdatePolicies } from "@/lib/import/settings";
import type { ImportPreview } from "@/lib/import/view";
import { PreviewStep, type PreviewStepProps } from "./preview-step";
import { PreviewSummary } from "./preview-summary";

afterEach(cleanup);

const preview: ImportPreview = {
  create: 120,
  update: 30,
  unchanged: 5,
  fail: 4,
  errors: [
    { line: 3, message: "CPF inválido: confira os dígitos." },
    { line: 9, message: "Código do cliente repetido na linha 2" },
  ],
  changes: [
    { line: 4, customerCode: "CLI-7", field: "priority", from: "medium", to: "high" },
    { line: 5, customerCode: "CLI-8", field: "tags", from: ["novo"], to: ["novo", "vip"] },
  ],
};

function renderStep(change: Partial<PreviewStepProps> = {}) {
  const start = vi.fn(async (): Promise<ActionResult> => ({ ok: true }));
  const form: PreviewStepProps["form"] = {
    importId: "imp1",
    header: ["Nome", "Código"],
    sampleRows: [],
    settings: { mapping: ["name", "customerCode"], key: "customerCode", mode: "upsert", policies: defaultUpdatePolicies, addTags: [], segmentId: null, responsibleUserId: null },
    segments: [],
    responsibles: null,
    ownSegmentsOnly: false,
    savedMappings: [],
    actions: { preview: vi.fn(), saveMapping: vi.fn(), deleteMapping: vi.fn() },
  };
  render(
    <PreviewStep
      preview={preview}
      summary={<PreviewSummary preview={preview} keyLabel="Código do cliente" />}
      form={form}
      start={start}
      {...change}
    />,
  );
  return { start, user: userEvent.setup() };
}

describe("PreviewStep", () => {
  test("shows the four counts, the first errors and the changes in words", () => {
    renderStep();
    const counts = Object.fromEntries([...document.querySelectorAll("dl > div")].map((d) => [d.querySelector("dt")!.textContent, d.querySelector("dd")!.textContent]));
    expect(counts).toEqual({ "Novos (criar)": "120", Atualizar: "30", "Sem alteração": "5", "Com erro": "4" });
    expect(screen.getByRole("heading", { name: "As primeiras 2 linhas com erro" })).toBeDefined();
    expect(screen.getByText("CPF inválido: confira os dígitos.")).toBeDefined();
    expect(screen.getByText("E mais 2 linhas com erro.")).toBeDefined();
    // The error file exists once the import ran; the dry run points there rather than to a file it cannot give.
    expect(screen.queryByRole("link", { name: "Baixar arquivo de erros" })).toBeNull();
    expect(screen.getByText(/Depois de importar, baixe o arquivo de erros/)).toBeDefined();
    expect(screen.getByText("Prioridade: de Média para Alta")).toBeDefined();
    expect(screen.getByText("Hashtags adicionadas: #vip")).toBeDefined();
    expect(screen.getByText(/Linhas com a mesma chave \(Código do cliente\) no arquivo: vale a primeira/)).toBeDefined();
    expect(screen.getByText(/120 contatos serão criados e 30 serão atualizados; 4 linhas com erro ficam de fora/)).toBeDefined();
  });

  test("names only what will happen", () => {
    renderStep({ preview: { ...preview, create: 0, fail: 0 } });
    expect(screen.getByText("Ao importar, 30 contatos serão atualizados. Você poderá desfazer a importação por 7 dias.")).toBeDefined();
    cleanup();
    renderStep({ preview: { ...preview, create: 0, update: 0 } });
    expect(screen.getByText("Nenhum contato seria criado ou alterado com estas opções.")).toBeDefined();
    expect((screen.getByRole("button", { name: "Importar" }) as HTMLButtonElement).disabled).toBe(true);
  });

  test("Importar starts the import; a refusal is said", async () => {
    const { start, user } = renderStep();
    start.mockResolvedValueOnce({ ok: false, code: "conflict", message: "Esta importação já começou.", fieldErrors: {} });
    await user.click(screen.getByRole("button", { name: "Importar" }));
    expect(start).toHaveBeenCalledExactlyOnceWith("imp1");
    expect((await screen.findByRole("alert")).textContent).toBe("Esta importação já começou.");
  });

  test("Alterar opções goes back to the mapping, filled in as it was, and back again", async () => {
    const { user } = renderStep();
    await user.click(screen.getByRole("button", { name: "Alterar opções" }));
    expect((screen.getByRole("combobox", { name: "Campo da coluna Código" }) as HTMLSelectElement).value).toBe("customerCode");
    expect(screen.queryByRole("button", { name: "Importar" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Voltar à prévia" }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("button", { name: "Alterar opções" })));
  });
});
