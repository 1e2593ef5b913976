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

describe("audit details: API keys", () => {
  it("names a created key by its prefix and its permissions in words, never more of the key", () => {
    const details = { prefix: "crt_AbCdEfGh", scopes: ["contacts:read", "attendances:write"] };
    expect(auditDetails({ action: "api_key.create", details })).toBe("crt_AbCdEfGh…; permissões: Ler contatos, Registrar atendimentos (Live)");
    expect(auditDetails({ action: "api_key.revoke", details: { prefix: "crt_AbCdEfGh" } })).toBe("crt_AbCdEfGh…");
  });

  it("has their labels in the /audit action filter", () => {
    expect(auditActionLabels["api_key.create"]).toBe("Criou chave de API");
    expect(auditActionLabels["api_key.revoke"]).toBe("Revogou chave de API");
  });
});
