import { describe, expect, it } from "vitest";
import { auditActionLabels } from "@/lib/audit/audit-filters";
import { auditDetails } from "./audit-details";

describe("audit details: contacts.export", () => {
  it.each([
    [{ rows: 1234, separator: ";", completed: true }, "1.234 contatos; separador: ponto e vírgula"],
    [{ rows: 1, separator: ",", completed: true }, "1 contato; separador: vírgula"],
    [{ rows: 600, separator: ";", completed: false }, "600 contatos; separador: ponto e vírgula — download interrompido"],
  ])("%j → %s", (details, expected) => {
    expect(auditDetails({ action: "contacts.export", details })).toBe(expected);
  });

  it("has its label in the /audit action filter", () => {
    expect(auditActionLabels["contacts.export"]).toBe("Exportou contatos (CSV)");
  });
});
