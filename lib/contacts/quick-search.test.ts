import { describe, expect, it } from "vitest";
import { NAME_WORDS_MAX, nameWords } from "./quick-search";

// The words of the quick search looked for in names: each costs a trigram scan, so only the ones
// that can narrow the list count.
describe("nameWords", () => {
  it("keeps the words of three letters or more, in the order typed", () => {
    expect(nameWords("João da Silva")).toEqual(["João", "Silva"]);
    expect(nameWords("  maria   de  souza ")).toEqual(["maria", "souza"]);
    expect(nameWords("Ana")).toEqual(["Ana"]);
  });

  it("ignores words under three letters, so a search of only those looks in no name", () => {
    expect(nameWords("ar")).toEqual([]);
    expect(nameWords("da de do e")).toEqual([]);
    expect(nameWords("Lé")).toEqual([]);
  });

  it("counts letters, not UTF-16 units", () => {
    expect(nameWords("😀😀")).toEqual([]);
    expect(nameWords("çãõ")).toEqual(["çãõ"]);
  });

  it("drops repeats, ignoring case and accents as the database does", () => {
    expect(nameWords("silva SILVA Sílva silva")).toEqual(["silva"]);
    expect(nameWords(Array(66).fill("ar").join(" "))).toEqual([]);
    expect(nameWords(Array(66).fill("ana").join(" "))).toEqual(["ana"]);
  });

  it(`uses at most ${NAME_WORDS_MAX} words, the first ones typed`, () => {
    expect(nameWords("um dois três quatro cinco seis sete oito")).toEqual(["dois", "três", "quatro", "cinco", "seis"]);
    expect(nameWords("aaa bbb ccc ddd eee fff aaa")).toHaveLength(NAME_WORDS_MAX);
  });
});
