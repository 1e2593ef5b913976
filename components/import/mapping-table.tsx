"use client";

import { Select } from "@/components/ui/select";
import { Cell, TableCard } from "@/components/ui/table-card";
import { importFieldLabels, importFields, type ImportField } from "@/lib/import/columns";

export type MappingTableProps = {
  header: string[];
  sampleRows: string[][];
  mapping: (ImportField | null)[];
  onChange: (mapping: (ImportField | null)[]) => void;
  /** The server refused the mapping (its message is in #mapping-errors). */
  invalid: boolean;
};

const SAMPLES = 3;
// A cell may hold up to a million characters: the screen shows the start of it.
const shown = (value: string) => (value.length > 120 ? `${value.slice(0, 120)}…` : value);

export const columnTitle = (header: string[], index: number) => header[index]?.trim() || `Coluna ${index + 1} (sem título)`;

/** One row per column of the file: its header, its first values and the field it fills. */
export function MappingTable({ header, sampleRows, mapping, onChange, invalid }: MappingTableProps) {
  const samples = sampleRows.slice(0, SAMPLES);
  return (
    <TableCard
      caption="Colunas do arquivo e os campos que preenchem"
      cards
      head={
        <>
          <th scope="col" className="px-4 py-3">Coluna do arquivo</th>
          <th scope="col" className="px-4 py-3">Primeiros valores</th>
          <th scope="col" className="px-4 py-3">Vai para</th>
        </>
      }
    >
      {header.map((_, index) => {
        const title = columnTitle(header, index);
        const field = mapping[index] ?? null;
        const other = field === null ? -1 : mapping.findIndex((f, j) => f === field && j !== index);
        const noteId = `mapping-${index}-note`;
        return (
          <tr key={index}>
            <td className="px-4 py-3 align-top">
              <span className="font-medium text-slate-900">{shown(title)}</span>
              <span className="block text-xs text-slate-500">Coluna {index + 1}</span>
            </td>
            <Cell label="Primeiros valores" className="px-4 py-3 align-top text-slate-600">
              {samples.length === 0 ? (
                "—"
              ) : (
                <ul className="space-y-0.5">
                  {samples.map((row, r) => (
                    <li key={r} className="max-w-xs truncate" title={row[index] ?? ""}>
                      {row[index] ? shown(row[index]) : <span className="text-slate-500 italic">vazio</span>}
                    </li>
                  ))}
                </ul>
              )}
            </Cell>
            <td className="px-4 py-3 align-top max-lg:pt-2">
              <label htmlFor={`mapping-${index}`} className="sr-only">Campo da coluna {shown(title)}</label>
              <Select
                id={`mapping-${index}`}
                value={field ?? ""}
                onChange={(event) => onChange(mapping.map((f, j) => (j === index ? ((event.target.value || null) as ImportField | null) : f)))}
                aria-invalid={(invalid && other !== -1) || undefined}
                aria-describedby={[invalid ? "mapping-errors" : null, field === null || other !== -1 ? noteId : null].filter(Boolean).join(" ") || undefined}
                className="min-w-52"
              >
                <option value="">Ignorar coluna</option>
                {importFields.map((f) => <option key={f} value={f}>{importFieldLabels[f]}</option>)}
              </Select>
              {field === null && <p id={noteId} className="mt-1 text-xs text-slate-500">Será ignorada.</p>}
              {other !== -1 && (
                <p id={noteId} className="mt-1 text-xs text-amber-800">
                  {importFieldLabels[field!]} também vem da coluna {shown(columnTitle(header, other))}: escolha uma só.
                </p>
              )}
            </td>
          </tr>
        );
      })}
    </TableCard>
  );
}
