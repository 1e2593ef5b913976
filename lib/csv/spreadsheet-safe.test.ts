import { describe, expect, it } from "vitest";
import { spreadsheetSafe } from "./spreadsheet-safe";

describe("spreadsheetSafe", () => {
  it("quotes what a spreadsheet would run as a formula, and leaves the rest", () => {
    expect(["=1+1", "+55 11", "-2", "@SUM(A1)", "\tx", "Maria", "", "a=b"].map(spreadsheetSafe)).toEqual([
      "'=1+1", "'+55 11", "'-2", "'@SUM(A1)", "'\tx", "Maria", "", "a=b",
    ]);
  });
});
