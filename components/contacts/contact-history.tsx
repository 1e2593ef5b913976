import type { HistoryEntry } from "@/lib/contacts/queries";
import { priorityLabels, type Priority } from "@/lib/contacts/contact-input";
import { formatPhone } from "@/lib/phones/phone";
import { formatDateTime } from "@/lib/format/date";

const fieldLabels: Record<string, string> = {
  name: "Nome",
  document: "CPF / CNPJ",
  customerCode: "Código do Cliente",
  responsible: "Responsável",
  tags: "Hashtags",
  priority: "Prioridade",
  segments: "Segmentos",
  phones: "Telefones",
  emails: "E-mails",
};

const sourceLabels: Record<HistoryEntry["source"], string> = {
  form: "formulário",
  import: "importação",
  api: "API",
  system: "sistema",
  bulk: "ação em massa",
  undo: "desfazer ação em massa",
  handover: "transferência de responsável",
  segment: "arquivamento de segmento",
};

const actionLabels: Record<HistoryEntry["action"], string> = {
  create: "criou o contato",
  update: "alterou",
  reveal_document: "visualizou o CPF/CNPJ completo",
  delete: "excluiu o contato",
  restore: "restaurou o contato",
};

function display(field: string, value: unknown): string {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return "vazio";
  if (field === "priority") return priorityLabels[value as Priority] ?? String(value);
  if (field === "tags") return (value as string[]).map((t) => `#${t}`).join(" ");
  if (field === "phones") return (value as string[]).map(formatPhone).join(", ");
  if (Array.isArray(value)) return value.join(", ");
  return String(value);
}

export function ContactHistory({ entries }: { entries: HistoryEntry[] }) {
  if (entries.length === 0) return <p className="text-sm text-slate-500">Nenhuma alteração registrada.</p>;
  return (
    <ol className="space-y-4">
      {entries.map((entry) => (
        <li key={entry.id} className="border-l-2 border-slate-200 pl-4">
          <p className="text-sm">
            <span className="font-medium">{entry.actorName}</span> {actionLabels[entry.action]}
          </p>
          {entry.action === "update" && entry.changes.length > 0 && (
            <ul className="mt-1 space-y-0.5 text-sm text-slate-700">
              {entry.changes.map((change) => (
                <li key={change.field}>
                  <span className="font-medium">{fieldLabels[change.field] ?? change.field}</span>: de{" "}
                  <span className="text-slate-500">{display(change.field, change.from)}</span> para{" "}
                  <span>{display(change.field, change.to)}</span>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-1 text-xs text-slate-500">
            <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time> · via {sourceLabels[entry.source]}
          </p>
        </li>
      ))}
    </ol>
  );
}
