import { describe, expect, test } from "vitest";
import { formatBytes, formatDuration } from "./size";

describe("formatBytes", () => {
  test.each([
    [0, "0 bytes"],
    [1, "1 byte"],
    [850, "850 bytes"],
    [12_800, "12,5 KB"],
    [200 * 1024 * 1024, "200 MB"],
    [189_054_976, "180,3 MB"],
    [3 * 1024 ** 3, "3 GB"],
  ])("%d → %s", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe("formatDuration", () => {
  test.each([
    [0.2, "menos de 1 s"],
    [45, "45 s"],
    [60, "1 min"],
    [200, "3 min 20 s"],
    [3900, "1 h 05 min"],
  ])("%d s → %s", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
