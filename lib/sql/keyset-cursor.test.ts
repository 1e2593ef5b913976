import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./keyset-cursor";

const id = "0b6f7a4e-2f1c-4c3a-9a51-3f0e2d7c9b10";

describe("decodeCursor", () => {
  it("round-trips the keys of a page's last row", () => {
    const keys = ["2026-03-05 12:34:56.123456+00", id];
    expect(decodeCursor(encodeCursor(keys), ["timestamptz", "uuid"])).toEqual(keys);
    expect(decodeCursor(encodeCursor(["2", "2026-03-05 12:34:56-03", id]), ["smallint", "timestamptz", "uuid"])).toEqual(["2", "2026-03-05 12:34:56-03", id]);
    expect(decodeCursor(encodeCursor(["João da Silva", id]), ["text", "uuid"])).toEqual(["João da Silva", id]);
  });

  // Each of these reached SQL before, where the cast failed and the page answered "Application error".
  it.each<[string, string[], ("timestamptz" | "uuid" | "text" | "smallint")[]]>([
    ["a month 13, day 45", ["2024-13-45 00:00:00+00", id], ["timestamptz", "uuid"]],
    ["year 0", ["0000-01-01 00:00:00+00", id], ["timestamptz", "uuid"]],
    ["hour 25", ["2024-01-01 25:00:00+00", id], ["timestamptz", "uuid"]],
    ["a NUL in a timestamp", ["2024-01-01 00:00:00+00\0", id], ["timestamptz", "uuid"]],
    ["a NUL in a name", ["Jo\0ão", id], ["text", "uuid"]],
    ["a bad uuid", ["2024-01-01 00:00:00+00", `${id}\0`], ["timestamptz", "uuid"]],
    ["a priority rank of 4", ["4", "2024-01-01 00:00:00+00", id], ["smallint", "timestamptz", "uuid"]],
    ["too few keys", ["2024-01-01 00:00:00+00"], ["timestamptz", "uuid"]],
    ["a number where text belongs", [12 as unknown as string, id], ["text", "uuid"]],
  ])("ignores a cursor with %s", (_, keys, types) => {
    expect(decodeCursor(encodeCursor(keys), types)).toBeNull();
  });

  it.each(["", "not base64 !", Buffer.from("{}").toString("base64url"), Buffer.from("[1,").toString("base64url"), "\0"])("ignores %j", (cursor) => {
    expect(decodeCursor(cursor, ["timestamptz", "uuid"])).toBeNull();
  });
});
