// @vitest-environment jsdom
import { act, cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { SendFile, SendProgress, SendResult } from "./send-file";
import { UploadForm } from "./upload-form";

const router = vi.hoisted(() => ({ push: vi.fn() }));
vi.mock("next/navigation", async (original) => ({ ...(await original<object>()), useRouter: () => router }));

afterEach(() => {
  cleanup();
  router.push.mockReset();
});

const MB = 1024 * 1024;

function fileOf(name: string, size: number) {
  const file = new File(["Nome;Código\r\n"], name, { type: "text/csv" });
  Object.defineProperty(file, "size", { value: size });
  return file;
}

/** An upload the test drives: progress when it says, then the server's answer. */
function controlledSend() {
  let report!: (progress: SendProgress) => void;
  let answer!: (result: SendResult) => void;
  const sendFile = vi.fn<SendFile>((_file, onProgress) => {
    report = onProgress;
    return new Promise((resolve) => (answer = resolve));
  });
  return { sendFile, report: (progress: SendProgress) => act(() => report(progress)), answer: (result: SendResult) => act(async () => answer(result)) };
}

function renderForm(sendFile: SendFile) {
  render(<UploadForm maxBytes={200 * MB} sendFile={sendFile} />);
  return { user: userEvent.setup({ applyAccept: false }), input: screen.getByLabelText("Escolher arquivo") as HTMLInputElement };
}

describe("UploadForm", () => {
  test("refuses a file over the limit, or of another kind, before sending anything", async () => {
    const send = controlledSend();
    const { user, input } = renderForm(send.sendFile);
    await user.upload(input, fileOf("clientes.csv", 250 * MB));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "O arquivo não foi enviado.O arquivo tem 250 MB; o limite é 200 MB. Divida-o em arquivos menores e importe um de cada vez.",
    );
    await user.upload(input, fileOf("clientes.xls", 10));
    expect(screen.getByRole("alert").textContent).toContain("Arquivos .xls (Excel 97–2003) não são aceitos");
    await user.upload(input, fileOf("foto.png", 10));
    expect(screen.getByRole("alert").textContent).toContain("“foto.png” não é um arquivo .csv, .txt ou .xlsx.");
    expect(send.sendFile).not.toHaveBeenCalled();
  });

  test("shows the bytes sent and the percentage, then opens the import's page", async () => {
    const send = controlledSend();
    const { user, input } = renderForm(send.sendFile);
    const file = fileOf("clientes maio.csv", 20 * MB);
    await user.upload(input, file);
    expect(send.sendFile.mock.calls[0][0]).toBe(file);
    expect(screen.getByRole("heading", { name: "Enviando “clientes maio.csv”" })).toBeDefined();
    send.report({ loaded: 5 * MB, total: 20 * MB });
    expect(screen.getByText("5 MB de 20 MB (25%)")).toBeDefined();
    expect((screen.getByRole("progressbar", { name: "Envio do arquivo" }) as HTMLProgressElement).value).toBe(5 * MB);
    send.report({ loaded: 20 * MB, total: 20 * MB });
    expect(screen.getByRole("status").textContent).toContain("Arquivo recebido: lendo o cabeçalho…");
    await send.answer({ ok: true, id: "0b6f7a4e-2f1c-4c3a-9a51-3f0e2d7c9b10" });
    expect(router.push).toHaveBeenCalledWith("/contacts/import/0b6f7a4e-2f1c-4c3a-9a51-3f0e2d7c9b10");
  });

  test("says the server's reason when it refuses the file, and lets another be chosen", async () => {
    const send = controlledSend();
    const { user } = renderForm(send.sendFile);
    await user.upload(screen.getByLabelText("Escolher arquivo"), fileOf("clientes.csv", 100));
    await send.answer({ ok: false, message: "O arquivo não tem linha de cabeçalho." });
    expect(screen.getByRole("alert").textContent).toContain("O arquivo não tem linha de cabeçalho.");
    expect(router.push).not.toHaveBeenCalled();
    expect(screen.getByLabelText("Escolher arquivo")).toBeDefined();
  });

  test("Cancelar envio aborts the upload", async () => {
    const send = controlledSend();
    const { user, input } = renderForm(send.sendFile);
    await user.upload(input, fileOf("clientes.csv", 20 * MB));
    const signal = send.sendFile.mock.calls[0][2];
    await user.click(screen.getByRole("button", { name: "Cancelar envio" }));
    expect(signal.aborted).toBe(true);
  });
});
