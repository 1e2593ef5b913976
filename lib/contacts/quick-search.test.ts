import { describe, expect, it } from "vitest";
import { NAME_WORDS_MAX, emailPrefix, nameWords } from "./quick-search";

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

// Which searches also look for an e-mail prefix: each such search scans the e-mails' trigrams, so
// only what looks like the start of an address does.
describe("emailPrefix", () => {
  it("takes anything with an @ after at least a few characters, in lower case", () => {
    expect(emailPrefix("Leonardo.Silva@Empresa")).toBe("leonardo.silva@empresa");
    expect(emailPrefix("joao@")).toBe("joao@");
    expect(emailPrefix("ana@")).toBeNull();
    // A whole address is an exact search, served by the e-mails' GIN index.
    expect(emailPrefix("  joao@empresa.com.br ")).toBeNull();
    expect(emailPrefix("joao@empresa.c")).toBe("joao@empresa.c");
  });

  it("takes a dotted local part with a letter", () => {
    expect(emailPrefix("leonardo.silva")).toBe("leonardo.silva");
    expect(emailPrefix("maria.s")).toBe("maria.s");
  });

  it.each(["leonardo", "Leonardo Silva", "@empresa.com", "a@b", "ab.c", "a@b@c", "123.456.789-09", "12.345.678/0001-95", "12.ABC.345/01DE-35", "1.2345", ""])(
    "does not take %j: a name word, a document or too short to narrow anything",
    (q) => {
      expect(emailPrefix(q)).toBeNull();
    },
  );
});
