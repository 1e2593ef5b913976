import { describe, expect, it } from "vitest";
import { closeInput, replyInput, transferInput } from "./attendance-actions-input";

// The attendance screen's inputs answer a forged or empty request in Portuguese, field by field.

const messages = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) => result.error?.issues.map((i) => [i.path.join("."), i.message]);

describe("the attendance's inputs", () => {
  it("say what is missing, in Portuguese", () => {
    expect(messages(transferInput.safeParse({ to: "queue" }))).toEqual([["segmentId", "Escolha uma fila."]]);
    expect(messages(transferInput.safeParse({ to: "operator", userId: "x" }))).toEqual([["userId", "Escolha um operador."]]);
    expect(messages(transferInput.safeParse({}))).toEqual([["to", "Escolha para quem transferir."]]);
    expect(messages(closeInput.safeParse({ outcome: "talvez" }))).toEqual([["outcome", "Escolha o resultado do atendimento."]]);
    expect(messages(replyInput.safeParse({ body: "  " }))).toEqual([["body", "Informe a mensagem."]]);
  });

  it("read the Sem segmento queue as no segment", () => {
    expect(transferInput.parse({ to: "queue", segmentId: "" })).toEqual({ to: "queue", segmentId: null });
  });
});
