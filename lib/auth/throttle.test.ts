import { describe, expect, it } from "vitest";
import { throttledMessage } from "./throttle";

describe("throttledMessage", () => {
  it.each([
    [1, "aguarde 1 segundo e tente novamente"],
    [8, "aguarde 8 segundos e tente novamente"],
    [59, "aguarde 59 segundos e tente novamente"],
    [60, "aguarde 1 minuto e tente novamente"],
    [61, "aguarde 2 minutos e tente novamente"],
    [900, "aguarde 15 minutos e tente novamente"],
  ])("%i s → “…%s”", (seconds, expected) => {
    expect(throttledMessage(seconds)).toBe(`Muitas tentativas sem sucesso. Por segurança, ${expected}.`);
  });
});
