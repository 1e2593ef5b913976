import Link from "next/link";
import { Cell, TableCard } from "@/components/ui/table-card";
import { formatNumber, plural } from "@/lib/format/number";
import type { ReportRow } from "@/lib/live/reports";
import { durationText } from "./report-format";

export type ReportTableProps = {
  title: string;
  /** The first column's header: "Fila", "Operador"… */
  dimension: string;
  rows: ReportRow[];
  /** The attendances behind a row's count. */
  listHrefOf: (row: ReportRow) => string;
  /** The whole report narrowed to the row. */
  reportHrefOf: (row: ReportRow) => string;
  /** Under the title: what the table leaves out, say. */
  note?: string;
};

// Widths from lg up, so that the four breakdowns line their columns up one under another.
const th = "px-4 py-3 lg:w-[15%]";
const num = "px-4 py-3 text-right tabular-nums max-lg:text-left";

/**
 * One breakdown of the report: a row per segment, operator, priority or channel, with its count
 * and its waiting and handling times. The count opens the attendances behind it; the name narrows
 * the whole report to that row.
 */
export function ReportTable({ title, dimension, rows, listHrefOf, reportHrefOf, note }: ReportTableProps) {
  const headingId = `report-${title.replace(/\W+/g, "-").toLowerCase()}`;
  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <div>
        <h2 id={headingId} className="text-base font-semibold">{title}</h2>
        {note && <p className="text-xs text-slate-600">{note}</p>}
      </div>
      {rows.length === 0 ? (
        <p className="rounded-lg bg-white p-4 text-sm text-slate-600 shadow-sm ring-1 ring-slate-200">Nenhum atendimento.</p>
      ) : (
        <TableCard
          caption={title}
          cards
          head={
            <>
              <th scope="col" className="px-4 py-3 lg:w-1/4">{dimension}</th>
              <th scope="col" className={`${th} text-right`}>Atendimentos</th>
              <th scope="col" className={`${th} text-right`}>Espera média</th>
              <th scope="col" className={`${th} text-right`}>Espera p90</th>
              <th scope="col" className={`${th} text-right`}>Atendimento médio</th>
              <th scope="col" className={`${th} text-right`}>Atendimento p90</th>
            </>
          }
        >
          {rows.map((row) => (
            <tr key={row.key} className="hover:bg-slate-50">
              <Cell className="px-4 py-3 font-medium">
                <Link href={reportHrefOf(row)} title={`Ver o relatório só de ${row.label}`} className="text-slate-900 hover:text-indigo-700 hover:underline">
                  {row.label}
                </Link>
              </Cell>
              <Cell label="Atendimentos" className={num}>
                <Link href={listHrefOf(row)} aria-label={`${row.label}: ${plural(row.attendances, "atendimento", "atendimentos")}`} className="font-medium text-indigo-700 hover:underline">
                  {formatNumber(row.attendances)}
                </Link>
              </Cell>
              <Cell label="Espera média" className={num}>{durationText(row.avgWaitSeconds)}</Cell>
              <Cell label="Espera p90" className={num}>{durationText(row.p90WaitSeconds)}</Cell>
              <Cell label="Atendimento médio" className={num}>{durationText(row.avgHandleSeconds)}</Cell>
              <Cell label="Atendimento p90" className={num}>{durationText(row.p90HandleSeconds)}</Cell>
            </tr>
          ))}
        </TableCard>
      )}
    </section>
  );
}
