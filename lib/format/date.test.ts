import { describe, expect, test } from "vitest";
import { formatAge, formatDate, formatDateTime, formatDay, formatTime, todayInBrasilia } from "./date";

describe("dates in Brasília time", () => {
  test("a moment reads as day, month, year “às” hours and minutes", () => {
    expect(formatDateTime(new Date("2026-11-26T10:48:00Z"))).toBe("26/11/2026 às 07:48");
  });

  test("late at night in Brasília is still the previous day there", () => {
    const moment = new Date("2026-11-27T02:30:00Z");
    expect(formatDateTime(moment)).toBe("26/11/2026 às 23:30");
    expect(formatDate(moment)).toBe("26/11/2026");
    expect(formatTime(moment)).toBe("23:30");
  });

  test("single-digit days, months and hours are padded", () => {
    expect(formatDateTime(new Date("2025-03-01T12:05:00Z"))).toBe("01/03/2025 às 09:05");
  });
});

describe("how long ago", () => {
  const now = new Date("2026-11-26T12:00:00Z");
  const ago = (ms: number) => formatAge(new Date(now.getTime() - ms), now);
  test("under a minute is now; then minutes, then hours, then days", () => {
    expect(ago(59_000)).toBe("agora mesmo");
    expect(ago(60_000)).toBe("há 1 minuto");
    expect(ago(2 * 60_000 + 30_000)).toBe("há 2 minutos");
    expect(ago(59 * 60_000)).toBe("há 59 minutos");
    expect(ago(61 * 60_000)).toBe("há 1 hora");
    expect(ago(5 * 3_600_000)).toBe("há 5 horas");
    expect(ago(23 * 3_600_000 + 59 * 60_000)).toBe("há 23 horas");
    expect(ago(24 * 3_600_000)).toBe("há 1 dia");
    expect(ago(40 * 24 * 3_600_000)).toBe("há 40 dias");
  });
});

describe("days", () => {
  test("today is Brasília's day, not UTC's", () => {
    expect(todayInBrasilia(new Date("2026-11-27T02:30:00Z"))).toBe("2026-11-26");
    expect(todayInBrasilia(new Date("2026-11-27T03:00:00Z"))).toBe("2026-11-27");
    expect(todayInBrasilia(new Date("2026-01-05T12:00:00Z"))).toBe("2026-01-05");
  });

  test("a yyyy-mm-dd day reads as dd/mm/aaaa", () => {
    expect(formatDay("2026-03-05")).toBe("05/03/2026");
  });
});
