import { apiScopeLabels, type ApiScope } from "@/lib/api-keys/api-key-input";
import type { AuditEvent } from "@/lib/audit/audit";
import { roleLabels, type Role } from "@/lib/auth/roles";
import { formatNumber, plural } from "@/lib/format/number";

const list = (value: unknown) => (Array.isArray(value) && value.length > 0 ? value.join(", ") : "nenhum");

/** What changed, in words: the details are stored as data so that the wording can evolve. */
export function auditDetails({ action, details }: Pick<AuditEvent, "action" | "details">): string {
  switch (action) {
    case "user.create":
      return `${roleLabels[details.role as Role] ?? details.role}, ${details.access === "invite" ? "por convite" : "com senha inicial"}`;
    case "user.role_change":
      return `${roleLabels[details.from as Role]} → ${roleLabels[details.to as Role]}`;
    case "user.segments_change":
      return `${list(details.from)} → ${list(details.to)}`;
    case "user.deactivate":
      return "";
    case "contact.responsible_change":
      return `${details.from ?? "sem responsável"} → ${details.to ?? "sem responsável"}`;
    case "contacts.bulk_responsible":
      return `${formatNumber(Number(details.contacts ?? 0))} contatos → ${details.to ?? "sem responsável"}`;
    case "contacts.export": {
      const separator = details.separator === "," ? "vírgula" : "ponto e vírgula";
      const interrupted = details.completed === false ? " — download interrompido" : "";
      return `${plural(Number(details.rows ?? 0), "contato", "contatos")}; separador: ${separator}${interrupted}`;
    }
    case "user.responsibles_handover":
      return `${formatNumber(Number(details.contacts ?? 0))} contatos passados para ${details.toName}`;
    case "segment.create":
      return details.description ? `Descrição: ${details.description}` : "";
    case "segment.update": {
      const from = details.from as { name: string; description: string };
      const to = details.to as { name: string; description: string };
      return [
        from.name !== to.name ? `Nome: ${from.name} → ${to.name}` : null,
        from.description !== to.description ? `Descrição: ${from.description || "vazia"} → ${to.description || "vazia"}` : null,
      ]
        .filter(Boolean)
        .join("; ");
    }
    case "segment.archive": {
      const contacts = Number(details.contacts ?? 0);
      if (contacts === 0) return "Sem contatos";
      const count = plural(contacts, "contato", "contatos");
      return details.movedTo ? `${count} movidos para ${details.movedTo}` : `${count} desvinculados`;
    }
    case "segment.member_add":
    case "segment.member_remove":
      return String(details.userName ?? "");
    case "api_key.create": {
      const scopes = Array.isArray(details.scopes) ? details.scopes.map((scope: ApiScope) => apiScopeLabels[scope] ?? scope) : [];
      return `${details.prefix}…; permissões: ${list(scopes)}`;
    }
    case "api_key.revoke":
      return `${details.prefix}…`;
  }
}
