import { formatDateTime } from "@/lib/format/date";
import { plural } from "@/lib/format/number";
import { formatBytes } from "@/lib/format/size";
import type { ImportView } from "@/lib/import/view";

/** The uploaded file in one line of facts: size, format, separator, rows, who sent it and when. */
export function FileSummary({ view }: { view: ImportView }) {
  const facts = [
    ["Tamanho", formatBytes(view.fileBytes)],
    ["Formato", view.formatLabel],
    ...(view.separatorLabel ? [["Separador", view.separatorLabel]] : []),
    ["Linhas", view.fileRead ? plural(view.rowsRead, "linha de dados", "linhas de dados") : view.rowsRead > 0 ? `${plural(view.rowsRead, "lida", "lidas")} até agora` : "ainda não contadas"],
    ["Colunas", String(view.header.length)],
    ["Enviado por", `${view.actorName} em ${formatDateTime(new Date(view.createdAt))}`],
  ];
  return (
    <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
      {facts.map(([label, value]) => (
        <div key={label} className="flex gap-1.5">
          <dt className="text-slate-500">{label}:</dt>
          <dd className="text-slate-800">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
