import type { HistoryEntry } from "@/lib/contacts/queries";
import { changeSourceLabels } from "@/lib/contacts/change-sources";
import { describeChange } from "@/lib/contacts/history";
import { formatDateTime } from "@/lib/format/date";

const actionLabels: Record<HistoryEntry["action"], string> = {
  create: "criou o contato",
  update: "alterou",
  reveal_document: "visualizou o CPF/CNPJ completo",
  delete: "excluiu o contato",
  restore: "restaurou o contato",
};

// A reveal is recorded with the source of the request that asked for it (the contact page or the
// edit form both say "form"), which tells nothing: the action says it all.
const showsSource = (entry: HistoryEntry) => entry.action !== "reveal_document";

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
                <li key={change.field}>{describeChange(change)}</li>
              ))}
            </ul>
          )}
          <p className="mt-1 text-xs text-slate-500">
            <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time>
            {showsSource(entry) && ` · ${changeSourceLabels[entry.source]}`}
          </p>
        </li>
      ))}
    </ol>
  );
}
