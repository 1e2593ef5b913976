import { describe, expect, it } from "vitest";
import { hasControlCharacters, isDay, isTimestamp } from "./values";

// Values PostgreSQL would answer with an error instead of "no rows" must be refused before SQL.

describe("hasControlCharacters", () => {
  it.each(["a\0b", "\0", "x\u0001", "\u001b[31m", "del\u007f", "c1\u0085"])("finds one in %j", (value) => {
    expect(hasControlCharacters(value)).toBe(true);
  });

  it.each(["joão da silva", "", "tab\there", "line\nbreak\r\n", "emoji 😀", "#vip"])("finds none in %j", (value) => {
    expect(hasControlCharacters(value)).toBe(false);
  });
});

describe("isDay", () => {
  it.each(["2024-13-45", "0000-01-01", "2026-02-30", "2026-04-31", "2025-02-29", "1899-12-31", "10000-01-01", "2026-3-5", "2026-03-05T00:00", " 2026-03-05", "2026-03-05\0", ""])(
    "refuses %j",
    (value) => expect(isDay(value)).toBe(false),
  );

  it.each(["2026-03-05", "2024-02-29", "1900-01-01", "9999-12-31", "2000-02-29"])("accepts %j", (value) => {
    expect(isDay(value)).toBe(true);
  });
});

describe("isTimestamp", () => {
  it.each([
    "2024-13-45 00:00:00+00",
    "0000-01-01 00:00:00+00",
    "2026-02-30 10:00:00",
    "2026-03-05 24:00:00+00",
    "2026-03-05 12:60:00+00",
    "2026-03-05 12:00:61+00",
    "2026-03-05 12:00:00+16",
    "2026-03-05 12:00:00.1234567+00",
    "2026-03-05 12:00:00+00\0",
    "2026-03-05",
  ])("refuses %j", (value) => expect(isTimestamp(value)).toBe(false));

  it.each(["2026-03-05 12:34:56.123456+00", "2026-03-05 12:34:56-03", "2026-03-05T12:34:56Z", "2026-03-05 23:59:59.5+05:30", "2026-03-05 00:00:00"])(
    "accepts %j",
    (value) => expect(isTimestamp(value)).toBe(true),
  );
});
