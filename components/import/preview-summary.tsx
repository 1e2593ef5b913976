import { Cell, TableCard } from "@/components/ui/table-card";
import { describeChange } from "@/lib/contacts/history";
import { formatNumber, plural } from "@/lib/format/number";
import type { ImportPreview } from "@/lib/import/view";

export type PreviewSummaryProps = {
  preview: ImportPreview;
  /** "Código do cliente" or "CPF/CNPJ": what told the file's rows and the contacts apart. */
  keyLabel: string;
};

const bars = [
  { key: "create", label: "Novos (criar)", color: "bg-indigo-600" },
  { key: "update", label: "Atualizar", color: "bg-sky-500" },
  { key: "unchanged", label: "Sem alteração", color: "bg-slate-300" },
  { key: "fail", label: "Com erro", color: "bg-red-500" },
] as const;

/** What the dry run found: the four counts (with a bar of their shares), the first errors and a sample of the changes. */
export function PreviewSummary({ preview, keyLabel }: PreviewSummaryProps) {
  const total = preview.create + preview.update + preview.unchanged + preview.fail;
  const moreErrors = preview.fail - preview.errors.length;
  return (
    <div className="space-y-6">
      <section aria-labelledby="preview-counts" className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <h2 id="preview-counts" className="text-lg font-semibold text-slate-900">Prévia: {plural(total, "linha", "linhas")}</h2>
        <p className="text-sm text-slate-600">Nada foi gravado ainda.</p>
        <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
          {bars.map((bar) => (
            <div key={bar.key} className="rounded-md bg-slate-50 px-3 py-2">
              <dt className="flex items-center gap-2 text-xs text-slate-600">
                <span aria-hidden="true" className={`size-2.5 rounded-sm ${bar.color}`} />
                {bar.label}
              </dt>
              <dd className="text-2xl font-semibold text-slate-900 tabular-nums">{formatNumber(preview[bar.key])}</dd>
            </div>
          ))}
        </dl>
        {/* The same four numbers as shares of the file; the list above is what assistive technology reads. */}
        {total > 0 && (
          <div aria-hidden="true" className="mt-4 flex h-3 overflow-hidden rounded-full bg-slate-100">
            {bars.map((bar) => preview[bar.key] > 0 && <div key={bar.key} className={bar.color} style={{ width: `${(100 * preview[bar.key]) / total}%` }} />)}
          </div>
        )}
        <p className="mt-4 text-xs text-slate-600">
          Linhas com a mesma chave ({keyLabel}) no arquivo: vale a primeira; as seguintes ficam com erro (“{keyLabel} repetido na linha N”).
        </p>
      </section>

      {preview.errors.length > 0 && (
        <section aria-labelledby="preview-errors" className="space-y-2">
          <h2 id="preview-errors" className="text-base font-semibold text-slate-900">
            {preview.errors.length < preview.fail ? `As primeiras ${formatNumber(preview.errors.length)} linhas com erro` : "Linhas com erro"}
          </h2>
          <TableCard caption="Linhas com erro" cards head={<><th scope="col" className="px-4 py-3">Linha</th><th scope="col" className="px-4 py-3">Motivo</th></>}>
            {preview.errors.map((error) => (
              <tr key={`${error.line}-${error.message}`}>
                <Cell label="Linha" className="px-4 py-2 tabular-nums">{formatNumber(error.line)}</Cell>
                <td className="px-4 py-2 text-slate-700">{error.message}</td>
              </tr>
            ))}
          </TableCard>
          {moreErrors > 0 && <p className="text-sm text-slate-600">E mais {plural(moreErrors, "linha", "linhas")} com erro.</p>}
          {/* The dry run keeps no rejected rows (it rolls its sorting back): the file is cut from the import's. */}
          <p className="text-sm text-slate-600">Depois de importar, baixe o arquivo de erros: as linhas recusadas com o motivo, para corrigir e importar de novo.</p>
        </section>
      )}

      {preview.changes.length > 0 && (
        <section aria-labelledby="preview-changes" className="space-y-2">
          <h2 id="preview-changes" className="text-base font-semibold text-slate-900">Exemplos do que muda nos contatos existentes</h2>
          <TableCard
            caption="Exemplos de alterações"
            cards
            head={<><th scope="col" className="px-4 py-3">Linha</th><th scope="col" className="px-4 py-3">Código do cliente</th><th scope="col" className="px-4 py-3">Alteração</th></>}
          >
            {preview.changes.map((change, index) => (
              <tr key={index}>
                <Cell label="Linha" className="px-4 py-2 tabular-nums">{formatNumber(change.line)}</Cell>
                <Cell label="Código" className="px-4 py-2 font-mono text-xs">{change.customerCode}</Cell>
                <td className="px-4 py-2 text-slate-700">{describeChange(change)}</td>
              </tr>
            ))}
          </TableCard>
        </section>
      )}
    </div>
  );
}
