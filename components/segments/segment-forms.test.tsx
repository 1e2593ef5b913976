// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test, vi } from "vitest";
import { ArchiveSegmentForm } from "./archive-segment-form";
import { SegmentForm } from "./segment-form";
import { SegmentMembers } from "./segment-members";

afterEach(cleanup);

describe("SegmentForm", () => {
  test("shows the server's field error next to the name, keeping what was typed", async () => {
    const user = userEvent.setup();
    const action = vi.fn(async () => ({ ok: false as const, code: "invalid" as const, message: "Revise os campos destacados.", fieldErrors: { name: ["Já existe um segmento com este nome."] } }));
    render(<SegmentForm action={action} submitLabel="Criar segmento" />);
    await user.type(screen.getByLabelText(/Nome/), "Cobrança");
    await user.click(screen.getByRole("button", { name: "Criar segmento" }));
    const name = screen.getByLabelText(/Nome/) as HTMLInputElement;
    expect(name.value).toBe("Cobrança");
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(name.getAttribute("aria-describedby")!.split(" ").at(-1)!)?.textContent).toBe("Já existe um segmento com este nome.");
  });
});

const failed = (message: string, fieldErrors = {}) => ({ ok: false as const, code: "invalid" as const, message, fieldErrors });

describe("ArchiveSegmentForm", () => {
  const segment = { id: "s1", name: "Cobrança", contacts: 103, members: 2 };
  const others = [{ id: "s2", name: "Varejo RJ" }, { id: "s3", name: "Varejo SP" }];

  test("chooses no destination in advance: submitting empty is a field error, and nothing is asked or sent", async () => {
    const user = userEvent.setup();
    const action = vi.fn(async () => ({ ok: true as const }));
    render(<ArchiveSegmentForm segment={segment} otherSegments={others} action={action} />);
    expect(screen.getByText("O que fazer com 103 contatos deste segmento?")).toBeTruthy();
    const target = screen.getByLabelText(/Segmento de destino/) as HTMLSelectElement;
    expect(target.value).toBe("");
    expect(target.options[0].textContent).toBe("Escolha…");

    await user.click(screen.getByRole("button", { name: "Arquivar segmento" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(target.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(target.getAttribute("aria-describedby")!)?.textContent).toBe("Escolha o segmento de destino.");
    expect(document.activeElement).toBe(target);
    expect(action).not.toHaveBeenCalled();
  });

  test("confirms naming the destination and the count, and sends the choice once", async () => {
    const user = userEvent.setup();
    const action = vi.fn(async (_previous: unknown, _data: FormData) => ({ ok: true as const }));
    render(<ArchiveSegmentForm segment={segment} otherSegments={others} action={action} />);
    await user.selectOptions(screen.getByLabelText(/Segmento de destino/), "Varejo RJ");
    await user.click(screen.getByRole("button", { name: "Arquivar segmento" }));
    const dialog = screen.getByRole("alertdialog", { name: "Arquivar Cobrança" });
    expect(dialog.textContent).toContain("Mover 103 contatos para Varejo RJ e arquivar Cobrança.");
    expect(dialog.textContent).toContain("2 membros deixam de ver estes contatos por Cobrança");
    expect(document.activeElement?.textContent).toBe("Cancelar");

    await user.click(screen.getByRole("button", { name: "Mover 103 contatos e arquivar" }));
    expect(action).toHaveBeenCalledTimes(1);
    const sent = action.mock.calls[0][1];
    expect(Object.fromEntries(sent.entries())).toEqual({ id: "s1", contacts: "move", targetSegmentId: "s2" });
  });

  test("cancelling sends nothing; unlinking says the contacts stay", async () => {
    const user = userEvent.setup();
    const action = vi.fn(async () => ({ ok: true as const }));
    render(<ArchiveSegmentForm segment={segment} otherSegments={others} action={action} />);
    await user.click(screen.getByLabelText(/Apenas remover o vínculo/));
    expect(screen.queryByLabelText(/Segmento de destino/)).toBeNull();
    await user.click(screen.getByRole("button", { name: "Arquivar segmento" }));
    expect(screen.getByRole("alertdialog").textContent).toContain("Tirar 103 contatos de Cobrança e arquivar o segmento; os contatos continuam existindo.");
    await user.click(screen.getByRole("button", { name: "Cancelar" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(action).not.toHaveBeenCalled();
  });

  test("a refusal stays in the dialog, and the field shows it once the dialog is closed", async () => {
    const user = userEvent.setup();
    const action = vi.fn(async () => failed("Revise os campos destacados.", { targetSegmentId: ["Escolha outro segmento, em uso, como destino."] }));
    render(<ArchiveSegmentForm segment={segment} otherSegments={others} action={action} />);
    await user.selectOptions(screen.getByLabelText(/Segmento de destino/), "Varejo SP");
    await user.click(screen.getByRole("button", { name: "Arquivar segmento" }));
    await user.click(screen.getByRole("button", { name: "Mover 103 contatos e arquivar" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Escolha outro segmento, em uso, como destino.");
    await user.click(screen.getByRole("button", { name: "Cancelar" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    const target = screen.getByLabelText(/Segmento de destino/);
    expect(document.getElementById(target.getAttribute("aria-describedby")!)?.textContent).toBe("Escolha outro segmento, em uso, como destino.");
  });

  test("a segment without contacts asks nothing about them", async () => {
    const user = userEvent.setup();
    const action = vi.fn(async (_previous: unknown, _data: FormData) => ({ ok: true as const }));
    render(<ArchiveSegmentForm segment={{ id: "s1", name: "Cobrança", contacts: 0 }} otherSegments={others} action={action} />);
    expect(screen.queryByLabelText(/Segmento de destino/)).toBeNull();
    await user.click(screen.getByRole("button", { name: "Arquivar segmento" }));
    await user.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "Arquivar segmento" }));
    expect(Object.fromEntries(action.mock.calls[0][1].entries())).toEqual({ id: "s1", contacts: "unlink" });
  });
});

describe("SegmentMembers", () => {
  const ana = { id: "u1", name: "Ana Souza", email: "ana@demo.test", role: "operator" as const };

  test("asks before removing a member, naming who and from which segment; cancel removes nobody", async () => {
    const user = userEvent.setup();
    const remove = vi.fn(async () => ({ ok: true as const }));
    render(<SegmentMembers segmentName="Varejo SP" members={[ana]} candidates={[]} add={vi.fn()} remove={remove} />);
    await user.click(screen.getByRole("button", { name: "Remover Ana Souza de Varejo SP" }));
    const dialog = screen.getByRole("alertdialog", { name: "Remover membro" });
    expect(dialog.textContent).toContain("Remover Ana Souza do segmento Varejo SP?");
    await user.click(screen.getByRole("button", { name: "Cancelar" }));
    expect(remove).not.toHaveBeenCalled();

    await user.click(screen.getByRole("button", { name: "Remover Ana Souza de Varejo SP" }));
    await user.click(screen.getByRole("button", { name: "Remover Ana Souza" }));
    expect(remove).toHaveBeenCalledExactlyOnceWith("u1");
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
  });

  test("a refused removal is said in the dialog", async () => {
    const user = userEvent.setup();
    const remove = vi.fn(async () => failed("Segmento não encontrado."));
    render(<SegmentMembers segmentName="Varejo SP" members={[ana]} candidates={[]} add={vi.fn()} remove={remove} />);
    await user.click(screen.getByRole("button", { name: "Remover Ana Souza de Varejo SP" }));
    await user.click(screen.getByRole("button", { name: "Remover Ana Souza" }));
    expect((await within(screen.getByRole("alertdialog")).findByRole("alert")).textContent).toBe("Segmento não encontrado.");
  });
});
