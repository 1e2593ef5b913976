"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, type ReactNode } from "react";
import { Bar, BarChart, LabelList, Rectangle, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import { formatNumber } from "@/lib/format/number";
import { ChartTooltipContent, contactsUnit, countText, type CountUnit } from "./chart-tooltip";
import { barColors, type BarTone } from "./bar-colors";

export type ChartDatum = {
  label: string;
  value: number;
  href: string;
  /** The bar's colour family; indigo unless it means something (a priority's badge colour). */
  tone?: BarTone;
  /** A count still under way (the current week): the bar is hatched and this note says why. */
  partial?: string;
};

export type ChartCardProps = {
  title: string;
  data: ChartDatum[];
  /** Bars side by side over time (weeks) instead of one bar per row (categories). */
  columns?: boolean;
  emptyText?: string;
  /** Shown between the title and the chart: a number kept out of the bars, say. */
  aside?: ReactNode;
  /** What the numbers count, for the tooltip and the table's links; contacts unless said. */
  unit?: CountUnit;
};

/** What recharts' chart-level mouse handlers say about the band under the pointer. */
type Pointer = { activeTooltipIndex?: number | string | null };

// slate-700 on white: 10.3:1, whatever the bar's colour (labels sit beside the bars, not on them).
const LABEL_COLOR = "#334155";
// slate-600: the axis names stay readable (7.6:1) where recharts' default grey is lighter.
const TICK = { fontSize: 12, fill: "#475569" };
// Past this many columns (a long period of days) every name and value no longer fits: recharts
// then skips names that would overlap, and the values are left to the tooltip and the table.
const MANY_COLUMNS = 31;

/**
 * A chart and, under it, the same numbers as a table of links: the chart is for the eye, the table
 * for screen readers and keyboards, and each number opens exactly those contacts. Clicking anywhere
 * in a bar's band opens its list too, so a short bar is as easy to hit as a long one.
 */
export function ChartCard({ title, data, columns = false, emptyText = "Nenhum contato.", aside, unit = contactsUnit }: ChartCardProps) {
  const router = useRouter();
  const titleId = `chart-${title.replace(/\W+/g, "-").toLowerCase()}`;
  const hatchId = `hatch-${useId().replace(/\W/g, "")}`;
  const [hovered, setHovered] = useState<number | null>(null);
  const summary = data.map((d) => `${d.label}${d.partial ? `, ${d.partial}` : ""}: ${formatNumber(d.value)}`).join("; ");
  const partials = [...new Set(data.flatMap((d) => (d.partial ? [d.partial] : [])))];
  const height = columns ? 240 : Math.max(80, data.length * 36 + 16);

  const indexOf = (state: Pointer) => {
    const index = Number(state.activeTooltipIndex ?? Number.NaN);
    return Number.isInteger(index) && data[index] ? index : null;
  };
  const mouse = {
    // The pointer says "this opens a list" wherever a click would (recharts sets the arrow itself).
    style: { cursor: hovered === null ? "default" : "pointer" },
    onMouseMove: (state: Pointer) => setHovered(indexOf(state)),
    onMouseLeave: () => setHovered(null),
    onClick: (state: Pointer) => {
      const index = indexOf(state);
      if (index !== null) router.push(data[index].href);
    },
  };
  const shape = (props: BarShapeProps) => {
    const datum = props.payload as ChartDatum;
    const color = barColors[datum.tone ?? "indigo"];
    return datum.partial ? (
      <Rectangle {...props} fill={`url(#${hatchId})`} stroke={color.solid} strokeWidth={1} strokeDasharray="4 2" />
    ) : (
      <Rectangle {...props} fill={color.solid} />
    );
  };
  const crowded = columns && data.length > MANY_COLUMNS;
  const bar = (
    <Bar dataKey="value" shape={shape} maxBarSize={columns ? undefined : 28} isAnimationActive={false}>
      {!crowded && <LabelList dataKey="value" position={columns ? "top" : "right"} formatter={(v) => formatNumber(Number(v))} fill={LABEL_COLOR} fontSize={12} />}
    </Bar>
  );
  const tooltip = <Tooltip content={<ChartTooltipContent unit={unit} />} cursor={{ fill: "#eef2ff" }} />;
  const hatchColor = barColors[data.find((d) => d.partial)?.tone ?? "indigo"];

  return (
    <section aria-labelledby={titleId} className="min-w-0 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id={titleId} className="text-sm font-semibold">{title}</h2>
      {aside}
      {data.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">{emptyText}</p>
      ) : (
        <>
          <div
            role="img"
            aria-label={`${title}: ${summary}`}
            className="mt-3"
            style={{ height }}
          >
            <ResponsiveContainer width="100%" height="100%">
              {columns ? (
                <BarChart data={data} margin={{ left: 12, right: 0, top: 20, bottom: 0 }} accessibilityLayer={false} {...mouse}>
                  <defs>
                    <Hatch id={hatchId} color={hatchColor.solid} background={hatchColor.light} />
                  </defs>
                  <XAxis dataKey="label" tick={{ ...TICK, fontSize: 11 }} interval={crowded ? "preserveStartEnd" : 0} angle={-40} textAnchor="end" height={44} tickLine={false} />
                  <YAxis hide domain={[0, "dataMax"]} />
                  {tooltip}
                  {bar}
                </BarChart>
              ) : (
                <BarChart data={data} layout="vertical" margin={{ left: 0, right: 48, top: 0, bottom: 0 }} accessibilityLayer={false} {...mouse}>
                  <XAxis type="number" hide domain={[0, "dataMax"]} />
                  <YAxis type="category" dataKey="label" width={120} tick={TICK} tickLine={false} />
                  {tooltip}
                  {bar}
                </BarChart>
              )}
            </ResponsiveContainer>
          </div>
          {partials.map((note) => (
            <p key={note} className="mt-1 flex items-center gap-2 text-xs text-slate-600">
              <svg aria-hidden="true" width="14" height="14" className="shrink-0">
                <Hatch id={`${hatchId}-legend`} color={hatchColor.solid} background={hatchColor.light} />
                <rect x="0.5" y="0.5" width="13" height="13" fill={`url(#${hatchId}-legend)`} stroke={hatchColor.solid} strokeDasharray="4 2" />
              </svg>
              Barra tracejada: {note}.
            </p>
          ))}
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer text-indigo-700">Ver como tabela</summary>
            <table className="mt-2 w-full">
              <caption className="sr-only">{title}</caption>
              <tbody className="divide-y divide-slate-100">
                {data.map((d) => (
                  <tr key={d.href}>
                    <th scope="row" className="py-1 pr-4 text-left font-normal">
                      {d.label}
                      {d.partial && <span className="text-slate-600">, {d.partial}</span>}
                    </th>
                    <td className="py-1 text-right tabular-nums">
                      <Link href={d.href} aria-label={`${d.label}: ${countText(d.value, unit)}`} className="text-indigo-700 hover:underline">
                        {formatNumber(d.value)}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}

/** Diagonal stripes of the bar's colour on its light shade: the partial bar, and its legend swatch. */
function Hatch({ id, color, background }: { id: string; color: string; background: string }) {
  return (
    <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width="6" height="6" fill={background} />
      <line x1="0" y1="0" x2="0" y2="6" stroke={color} strokeWidth="2" />
    </pattern>
  );
}
