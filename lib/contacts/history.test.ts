import { describe, expect, test } from "vitest";
import { consentSnapshot, describeChange, diffSnapshots, type ContactSnapshot } from "./history";

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

  test.each([
    [{ field: "consent.whatsapp", from: null, to: "granted" }, "Consentimento (WhatsApp): não informado → aceita"],
    [{ field: "consent.sms", from: "granted", to: "denied" }, "Consentimento (SMS): aceita → não aceita"],
    [{ field: "consent.email", from: "denied", to: null }, "Consentimento (E-mail): não aceita → não informado"],
  ])("consent: %j reads %j", (change, words) => {
    expect(describeChange(change)).toBe(words);
  });
});

describe("consent in the history's snapshots", () => {
  const record = (status: "granted" | "denied") => ({ status, at: "2026-03-12T17:05:00.000Z", source: "form" as const, by: "Ana Souza" });
  const base: Omit<ContactSnapshot, `consent.${string}`> = {
    name: "Maria",
    document: "12345678909",
    customerCode: "CLI-1",
    responsible: null,
    tags: [],
    priority: "medium",
    segments: [],
    phones: [],
    emails: [],
  };

  test("an answer given replaces the stored one, null clears it, a channel not given keeps its status", () => {
    expect(consentSnapshot({ whatsapp: record("granted"), sms: record("denied"), email: record("granted") }, { sms: "granted", email: null })).toEqual({
      "consent.whatsapp": "granted",
      "consent.sms": "granted",
      "consent.email": null,
    });
  });

  test("a creation records only the channels answered; an edit, each channel whose status changed", () => {
    const created = { ...base, ...consentSnapshot({}, { whatsapp: "granted", sms: null }) };
    expect(diffSnapshots(null, created).filter((c) => c.field.startsWith("consent."))).toEqual([{ field: "consent.whatsapp", from: null, to: "granted" }]);

    const stored = { whatsapp: record("granted"), email: record("denied") };
    const before = { ...base, ...consentSnapshot(stored) };
    expect(diffSnapshots(before, { ...base, ...consentSnapshot(stored, { whatsapp: "granted", email: "granted" }) })).toEqual([
      { field: "consent.email", from: "denied", to: "granted" },
    ]);
    expect(diffSnapshots(before, { ...base, ...consentSnapshot(stored, {}) })).toEqual([]);
  });
});
