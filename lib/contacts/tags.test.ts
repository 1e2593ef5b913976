import { describe, expect, it } from "vitest";
import { normalizeTag, normalizeTags, tagProblem, TAG_MAX_LENGTH } from "./tags";

describe("normalizeTag", () => {
  it.each([
    ["vip", "vip"],
    ["  VIP  ", "vip"],
    ["#vip", "vip"],
    ["##Vip", "vip"],
    ["# vip", "vip"],
    ["Cliente   Novo", "cliente-novo"],
    ["  #Cliente\tNovo ", "cliente-novo"],
    ["Inadimplência", "inadimplência"],
    ["cafe\u0301", "caf\u00e9"],
    ["a#b", "a#b"],
    ["#", ""],
    ["   ", ""],
  ])("%j → %j", (raw, tag) => {
    expect(normalizeTag(raw)).toBe(tag);
  });
});

describe("normalizeTags", () => {
  it.each([
    [[], []],
    [["#VIP", "vip", " Vip "], ["vip"]],
    [["b", "", "#", "a", "B"], ["b", "a"]],
    [["Cliente Novo", "cliente-novo", "pós venda"], ["cliente-novo", "pós-venda"]],
  ])("%j → %j", (raw, tags) => {
    expect(normalizeTags(raw)).toEqual(tags);
  });
});

describe("tagProblem", () => {
  it.each(["vip", "pós-venda", "lote_2026", "ação", "x".repeat(TAG_MAX_LENGTH), "ç".repeat(TAG_MAX_LENGTH)])(
    "%j is a valid tag",
    (tag) => {
      expect(tagProblem(tag)).toBeNull();
    },
  );

  it.each([
    ["não!", "Hashtag inválida: #não! (use letras, números, - ou _)."],
    ["a#b", "Hashtag inválida: #a#b (use letras, números, - ou _)."],
    ["e-mail@x", "Hashtag inválida: #e-mail@x (use letras, números, - ou _)."],
    ["", "Hashtag inválida: # (use letras, números, - ou _)."],
    ["x".repeat(TAG_MAX_LENGTH + 1), `A hashtag #${"x".repeat(51)} passa de 50 caracteres.`],
  ])("%j: %s", (tag, message) => {
    expect(tagProblem(tag)).toBe(message);
  });
});
