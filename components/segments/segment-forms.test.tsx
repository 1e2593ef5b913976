// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test, vi } from "vitest";
import { ArchiveSegmentForm } from "./archive-segment-form";
import { SegmentForm } from "./segment-form";

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

describe("ArchiveSegmentForm", () => {
  test("asks what to do with the contacts and says how many in the confirmation", async () => {
    const user = userEvent.setup();
    const confirm = vi.spyOn(window, "confirm").mockReturnValue(false);
    const action = vi.fn(async () => ({ ok: true as const }));
    render(
      <ArchiveSegmentForm
        segment={{ id: "s1", name: "Varejo SP", contacts: 1234 }}
        otherSegments={[{ id: "s2", name: "Varejo RJ" }]}
        action={action}
      />,
    );
    expect(screen.getByText("O que fazer com 1.234 contatos deste segmento?")).toBeTruthy();
    expect((screen.getByLabelText("Segmento de destino") as HTMLSelectElement).value).toBe("s2");
    await user.click(screen.getByRole("button", { name: "Arquivar segmento" }));
    expect(confirm).toHaveBeenCalledWith("Arquivar Varejo SP e mover 1.234 contatos para o segmento escolhido?");
    await user.click(screen.getByLabelText(/Apenas remover o vínculo/));
    expect(screen.queryByLabelText("Segmento de destino")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Arquivar segmento" }));
    expect(confirm).toHaveBeenLastCalledWith("Arquivar Varejo SP e tirar 1.234 contatos deste segmento?");
    expect(action).not.toHaveBeenCalled();
  });
});
