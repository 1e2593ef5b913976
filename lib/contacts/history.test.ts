import { describe, expect, test } from "vitest";
import { describeChange } from "./history";

describe("describeChange", () => {
  test.each([
    [{ field: "responsible", from: null, to: "Ana Souza" }, "Responsável definido: Ana Souza"],
    [{ field: "responsible", from: "Ana Souza", to: null }, "Responsável removido (era Ana Souza)"],
    [{ field: "responsible", from: "Ana Souza", to: "Bruno Lima" }, "Responsável: de Ana Souza para Bruno Lima"],
    [{ field: "priority", from: "medium", to: "high" }, "Prioridade: de Média para Alta"],
    [{ field: "customerCode", from: "", to: "CLI-1" }, "Código do Cliente definido: CLI-1"],
    [{ field: "name", from: "Ana", to: "Ana Souza" }, "Nome: de Ana para Ana Souza"],
  ])("a value: %j reads %j", (change, words) => {
    expect(describeChange(change)).toBe(words);
  });

  test.each([
    [{ field: "tags", from: [], to: ["vip", "novo"] }, "Hashtags adicionadas: #vip, #novo"],
    [{ field: "tags", from: ["vip", "novo"], to: ["vip", "sp"] }, "Hashtags adicionadas: #sp; removidas: #novo"],
    [{ field: "segments", from: ["Varejo SP"], to: [] }, "Segmentos removidos: Varejo SP"],
    [{ field: "emails", from: null, to: ["ana@exemplo.com.br"] }, "E-mails adicionados: ana@exemplo.com.br"],
    [{ field: "phones", from: ["+5511987654321"], to: ["+5511987654321", "+5521987654321"] }, "Telefones adicionados: (21) 98765-4321"],
    [{ field: "phones", from: ["+5511987654321", "+5521987654321"], to: ["+5521987654321", "+5511987654321"] }, "Telefones reordenados: (21) 98765-4321, (11) 98765-4321"],
  ])("a list: %j reads %j", (change, words) => {
    expect(describeChange(change)).toBe(words);
  });
});
