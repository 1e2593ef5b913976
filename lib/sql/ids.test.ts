import { describe, expect, it } from "vitest";
import { idField, parseId } from "./ids";

const id = "0b6f7a4e-2f1c-4c3a-9a51-3f0e2d7c9b10";

describe("parseId", () => {
  it("reads a uuid, lower-cased, with or without RFC version bits", () => {
    expect(parseId(id)).toBe(id);
    expect(parseId(id.toUpperCase())).toBe(id);
    expect(parseId("00000000-0000-0000-0000-000000000000")).toBe("00000000-0000-0000-0000-000000000000");
  });

  it.each([["a short id", id.slice(1)], ["a NUL", `${id}\0`], ["spaces", ` ${id}`], ["a number", 42], ["nothing", undefined], ["a list", [id]], ["not hex", id.replace("b", "g")], ["SQL", "1' or '1'='1"]])(
    "gives null for %s",
    (_, value) => expect(parseId(value)).toBeNull(),
  );
});

describe("idField", () => {
  it("is the same rule inside a zod schema, with the field's message", () => {
    expect(idField("Escolha um usuário.").parse(id.toUpperCase())).toBe(id);
    const result = idField("Escolha um usuário.").safeParse(`${id}\0`);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe("Escolha um usuário.");
  });
});
