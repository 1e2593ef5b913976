import { describe, expect, test } from "vitest";
import { formatWait, queueReason } from "./reason";

const now = new Date("2026-11-26T15:00:00Z");
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe("queueReason", () => {
  test.each([
    ["high", false, 12, "Alta · aguardando 12 min"],
    ["medium", false, 0, "Média · aguardando menos de 1 min"],
    ["low", true, 25, "Baixa, servido como Média · aguardando 25 min"],
    ["medium", true, 40, "Média, servido como Alta · aguardando 40 min"],
    // Aging never raises Alta; a stray flag must not say "Alta, servido como Alta".
    ["high", true, 3, "Alta · aguardando 3 min"],
  ] as const)("%s, aged %s, %i min → %s", (priority, aged, minutes, expected) => {
    expect(queueReason({ priority, aged, arrivedAt: minutesAgo(minutes) }, now)).toBe(expected);
  });

  test("counts whole minutes: 12 min 59 s is still 12 min", () => {
    expect(queueReason({ priority: "high", aged: false, arrivedAt: new Date(now.getTime() - (12 * 60 + 59) * 1000) }, now)).toBe("Alta · aguardando 12 min");
  });
});

describe("formatWait", () => {
  test.each([
    [-5_000, "menos de 1 min"],
    [59_000, "menos de 1 min"],
    [60_000, "1 min"],
    [59 * 60_000, "59 min"],
    [60 * 60_000, "1 h"],
    [65 * 60_000, "1 h 5 min"],
    [24 * 60 * 60_000, "1 dia"],
    [(2 * 24 + 3) * 60 * 60_000 + 20 * 60_000, "2 dias 3 h"],
  ])("%i ms → %s", (milliseconds, expected) => {
    expect(formatWait(milliseconds)).toBe(expected);
  });
});
