// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { BulkActionSummary } from "@/lib/bulk-actions/bulk-actions";
import { BulkActionsPanel, type BulkActionsPanelProps } from "./bulk-actions-panel";
import { BulkSelectionProvider, RowCheckbox } from "./bulk-selection";

vi.mock("next/link", () => ({
  default: ({ href, children, ...rest }: { href: string; children: React.ReactNode }) => <a href={href} {...rest}>{children}</a>,
}));
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: vi.fn() }) }));

afterEach(cleanup);

const finished: BulkActionSummary = {
  id: "a1", actorName: "Lúcia", kind: "set_priority", params: { priority: "high" }, listHref: null, status: "done",
  total: 2, processed: 2, changed: 1, unchanged: 1, skipped: 0, undone: 0, keptOnUndo: 0, createdAt: new Date(),
  finishedAt: new Date(), undoneByName: null, undoneAt: null, error: null, canUndo: true,
};

function renderPanel(props: Partial<BulkActionsPanelProps> = {}) {
  const actions = {
    options: vi.fn<BulkActionsPanelProps["actions"]["options"]>(async (of) => ({
      ok: true,
      options: of === "responsibles" ? [{ id: "u1", name: "Ana Souza" }] : [{ id: "s1", name: "Varejo SP" }, { id: "s2", name: "Varejo RJ" }],
    })),
    preview: vi.fn<BulkActionsPanelProps["actions"]["preview"]>(async () => ({ ok: true, matched: 3, willChange: 1, unchanged: 1, skipped: 1 })),
    start: vi.fn<BulkActionsPanelProps["actions"]["start"]>(async () => ({ ok: true, id: "a1" })),
    progress: vi.fn<BulkActionsPanelProps["actions"]["progress"]>(async () => ({ ok: true, action: finished })),
    undo: vi.fn<BulkActionsPanelProps["actions"]["undo"]>(async () => ({ ok: true })),
  };
  render(
    <BulkSelectionProvider pageIds={["c1", "c2"]}>
      <BulkActionsPanel
        query="tagAll=vip"
        countText="9 contatos"
        kinds={["set_responsible", "set_priority", "add_tags", "remove_tags", "add_segments", "remove_segments"]}
        actions={actions}
        {...props}
      />
      <RowCheckbox id="c1" name="Maria" />
      <RowCheckbox id="c2" name="João" />
    </BulkSelectionProvider>,
  );
  return actions;
}

const kindOptions = async (user: ReturnType<typeof userEvent.setup>) => {
  await user.click(screen.getByRole("button", { name: /Ações em massa/ }));
  const names = screen.getAllByRole("menuitem").map((item) => item.querySelector("[slot=label]")?.textContent);
  await user.keyboard("{Escape}");
  return names;
};

async function chooseAction(user: ReturnType<typeof userEvent.setup>, label: string) {
  await user.click(screen.getByRole("button", { name: /Ações em massa/ }));
  await user.click(screen.getByRole("menuitem", { name: new RegExp(label) }));
}

describe("BulkActionsPanel", () => {
  test("appears only once rows are ticked", async () => {
    const user = userEvent.setup();
    renderPanel();
    expect(screen.queryByRole("region", { name: "Seleção" })).toBeNull();
    await user.click(screen.getByLabelText("Selecionar Maria"));
    expect(within(screen.getByRole("region", { name: "Seleção" })).getByText("1 selecionado").textContent).toBe("1 selecionado");
  });

  test("'all of this filter' lasts as long as the selection it was chosen for", async () => {
    const user = userEvent.setup();
    renderPanel();
    await user.click(screen.getByLabelText("Selecionar Maria"));
    await user.click(screen.getByRole("button", { name: "Selecionar todos os 9 contatos deste filtro" }));
    expect(screen.getByText("Todos os contatos deste filtro (9 contatos)").textContent).not.toBe("");
    await user.click(screen.getByRole("button", { name: "Limpar seleção" }));
    expect(screen.queryByRole("region", { name: "Seleção" })).toBeNull();
    await user.click(screen.getByLabelText("Selecionar João"));
    expect(within(screen.getByRole("region", { name: "Seleção" })).getByText("1 selecionado").textContent).toBe("1 selecionado");
  });

  test("offers only the actions the viewer may take (offeredBulkActions decides which)", async () => {
    const user = userEvent.setup();
    renderPanel({ kinds: ["set_priority", "add_tags"] });
    await user.click(screen.getByLabelText("Selecionar Maria"));
    expect(await kindOptions(user)).toEqual(["Definir prioridade", "Adicionar hashtags"]);
    cleanup();
    renderPanel({ kinds: ["set_responsible", "delete"] });
    await user.click(screen.getByLabelText("Selecionar Maria"));
    expect(await kindOptions(user)).toEqual(["Definir responsável", "Excluir contatos"]);
  });

  test("applies to the ticked rows, or to every contact of the filter when chosen", async () => {
    const user = userEvent.setup();
    const actions = renderPanel();
    await user.click(screen.getByLabelText("Selecionar Maria"));
    await chooseAction(user, "Definir prioridade");
    await user.selectOptions(screen.getByLabelText("Prioridade"), "high");
    await user.click(screen.getByRole("button", { name: "Revisar…" }));
    expect(actions.preview).toHaveBeenCalledWith({
      scope: { ids: ["c1"] },
      operation: expect.objectContaining({ kind: "set_priority", priority: "high" }),
    });
    expect(screen.getByRole("heading", { name: "Definir prioridade: Alta" }).textContent).toBe("Definir prioridade: Alta");
    await user.click(screen.getByRole("button", { name: "Cancelar" }));

    await user.click(screen.getByRole("button", { name: "Selecionar todos os 9 contatos deste filtro" }));
    expect(screen.getByText("Todos os contatos deste filtro (9 contatos)").textContent).not.toBe("");
    await chooseAction(user, "Definir prioridade");
    await user.selectOptions(screen.getByLabelText("Prioridade"), "low");
    await user.click(screen.getByRole("button", { name: "Revisar…" }));
    expect(actions.preview).toHaveBeenLastCalledWith({
      scope: { query: "tagAll=vip" },
      operation: expect.objectContaining({ kind: "set_priority", priority: "low" }),
    });
  });

  test("confirms with the counts before anything changes, then reports the result and offers undo", async () => {
    const user = userEvent.setup();
    const actions = renderPanel();
    await user.click(screen.getByLabelText("Selecionar Maria"));
    await user.click(screen.getByRole("button", { name: "Selecionar todos os 9 contatos deste filtro" }));
    await chooseAction(user, "Adicionar hashtags");
    await user.type(screen.getByLabelText("Hashtags"), "vip,");
    await user.click(screen.getByRole("button", { name: "Revisar…" }));

    const dialog = screen.getByRole("dialog");
    expect(within(dialog).getByRole("heading").textContent).toBe("Adicionar hashtags: #vip");
    expect(within(dialog).getByText("1 contato será alterado.").textContent).not.toBe("");
    expect(within(dialog).getByText("3 contatos escolhidos").textContent).not.toBe("");
    expect(within(dialog).getByText(/1 já está assim/).textContent).not.toBe("");
    expect(within(dialog).getByText(/1 será ignorado/).textContent).not.toBe("");
    expect(actions.start).not.toHaveBeenCalled();

    await user.click(within(dialog).getByRole("button", { name: "Confirmar 1" }));
    // The start runs in a transition: on a loaded machine it may come a tick after the click.
    await waitFor(() =>
      expect(actions.start).toHaveBeenCalledWith({ scope: { query: "tagAll=vip" }, operation: expect.objectContaining({ kind: "add_tags", tags: ["vip"] }) }),
    );
    expect((await within(dialog).findByText("Pronto.", {}, { timeout: 3000 })).textContent).toBe("Pronto.");
    await user.click(within(dialog).getByRole("button", { name: "Desfazer" }));
    expect(actions.undo).toHaveBeenCalledWith("a1");
  });

  test("shows the server's refusal next to the field", async () => {
    const user = userEvent.setup();
    const actions = renderPanel();
    actions.preview.mockResolvedValueOnce({ ok: false, code: "forbidden", message: "Escolha um responsável da lista.", fieldErrors: { userId: ["Escolha um responsável da lista."] } });
    await user.click(screen.getByLabelText("Selecionar Maria"));
    await chooseAction(user, "Definir responsável");
    await screen.findByLabelText("Novo responsável");
    await user.click(screen.getByRole("button", { name: "Revisar…" }));
    expect(screen.getByRole("alert").textContent).toContain("Escolha um responsável da lista.");
    expect(screen.getByLabelText("Novo responsável").getAttribute("aria-invalid")).toBe("true");
  });

  test("asks for the responsáveis when 'Definir responsável' is chosen, and not before", async () => {
    const user = userEvent.setup();
    const actions = renderPanel();
    let answer: (result: { ok: true; options: { id: string; name: string }[] }) => void = () => {};
    actions.options.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    await user.click(screen.getByLabelText("Selecionar Maria"));
    await chooseAction(user, "Definir prioridade");
    await user.click(screen.getByRole("button", { name: "Cancelar" }));
    expect(actions.options).not.toHaveBeenCalled();

    await chooseAction(user, "Definir responsável");
    expect(actions.options).toHaveBeenCalledWith("responsibles");
    expect(screen.getByRole("status").textContent).toContain("Carregando opções…");
    expect((screen.getByRole("button", { name: "Revisar…" }) as HTMLButtonElement).disabled).toBe(true);

    answer({ ok: true, options: [{ id: "u1", name: "Ana Souza" }, { id: "u2", name: "Bruno Lima" }] });
    const select = await screen.findByLabelText("Novo responsável");
    expect([...(select as HTMLSelectElement).options].map((o) => o.textContent)).toEqual(["Sem responsável", "Ana Souza", "Bruno Lima"]);
    await user.selectOptions(select, "u2");
    await user.click(screen.getByRole("button", { name: "Revisar…" }));
    expect(actions.preview).toHaveBeenCalledWith({ scope: { ids: ["c1"] }, operation: expect.objectContaining({ kind: "set_responsible", userId: "u2" }) });
    expect(screen.getByRole("heading", { name: "Definir responsável: Bruno Lima" }).textContent).not.toBe("");
  });

  test("asks for the segments when a segment action is chosen, and names the chosen ones", async () => {
    const user = userEvent.setup();
    const actions = renderPanel();
    await user.click(screen.getByLabelText("Selecionar Maria"));
    await chooseAction(user, "Remover dos segmentos");
    expect(actions.options).toHaveBeenCalledWith("segments");
    await user.click(await screen.findByRole("checkbox", { name: "Varejo RJ" }));
    await user.click(screen.getByRole("button", { name: "Revisar…" }));
    expect(actions.preview).toHaveBeenCalledWith({ scope: { ids: ["c1"] }, operation: expect.objectContaining({ kind: "remove_segments", segmentIds: ["s2"] }) });
    expect(screen.getByRole("heading", { name: "Remover dos segmentos: Varejo RJ" }).textContent).not.toBe("");
  });

  test("says so when the options cannot be loaded, and cannot be reviewed", async () => {
    const user = userEvent.setup();
    const actions = renderPanel();
    actions.options.mockResolvedValueOnce({ ok: false, code: "forbidden", message: "Sua sessão expirou. Entre novamente.", fieldErrors: {} });
    await user.click(screen.getByLabelText("Selecionar Maria"));
    await chooseAction(user, "Adicionar aos segmentos");
    expect((await screen.findByRole("alert")).textContent).toBe("Não foi possível carregar as opções. Feche e tente de novo.");
    expect((screen.getByRole("button", { name: "Revisar…" }) as HTMLButtonElement).disabled).toBe(true);
    expect(actions.preview).not.toHaveBeenCalled();
  });
});
