import { describe, expect, test } from "vitest";
import { formatDate, formatDateTime, formatTime } from "./date";

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
