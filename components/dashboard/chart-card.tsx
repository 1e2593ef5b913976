"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber } from "@/lib/format/number";

export type ChartDatum = { label: string; value: number; href: string };


export type ChartCardProps = {
  title: string;
  data: ChartDatum[];
  /** Bars side by side over time (weeks) instead of one bar per row (categories). */
  columns?: boolean;
  emptyText?: string;
};

/**
 * A chart and, under it, the same numbers as a table of links: the chart is for the eye, the table
 * for screen readers and keyboards, and each number opens exactly those contacts.
 */
export function ChartCard({ title, data, columns = false, emptyText = "Nenhum contato." }: ChartCardProps) {
  const router = useRouter();
  const titleId = `chart-${title.replace(/\W+/g, "-").toLowerCase()}`;
  const summary = data.map((d) => `${d.label}: ${formatNumber(d.value)}`).join("; ");
  const height = columns ? 220 : Math.max(120, data.length * 32 + 40);
  const open = (datum: unknown) => {
    const href = (datum as { payload?: ChartDatum } | undefined)?.payload?.href;
    if (href) router.push(href);
  };

  return (
    <section aria-labelledby={titleId} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id={titleId} className="text-sm font-semibold">{title}</h2>
      {data.length === 0 ? (
        <p className="mt-3 text-sm text-slate-500">{emptyText}</p>
      ) : (
        <>
          <div role="img" aria-label={`${title}: ${summary}`} className="mt-3" style={{ height }}>
            <ResponsiveContainer width="100%" height="100%">
              {columns ? (
                <BarChart data={data} margin={{ left: 0, right: 8, top: 8, bottom: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} angle={-30} textAnchor="end" height={48} />
                  <YAxis allowDecimals={false} tick={{ fontSize: 11 }} tickFormatter={(v: number) => formatNumber(v)} width={56} />
                  <Tooltip formatter={(v) => formatNumber(Number(v))} />
                  <Bar dataKey="value" name="Contatos" fill="#4f46e5" cursor="pointer" onClick={open} isAnimationActive={false} />
                </BarChart>
              ) : (
                <BarChart data={data} layout="vertical" margin={{ left: 8, right: 16, top: 0, bottom: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                  <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} tickFormatter={(v: number) => formatNumber(v)} />
                  <YAxis type="category" dataKey="label" width={140} tick={{ fontSize: 12 }} />
                  <Tooltip formatter={(v) => formatNumber(Number(v))} />
                  <Bar dataKey="value" name="Contatos" fill="#4f46e5" cursor="pointer" onClick={open} isAnimationActive={false} />
                </BarChart>
              )}
            </ResponsiveContainer>
          </div>
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer text-indigo-700">Ver como tabela</summary>
            <table className="mt-2 w-full">
              <caption className="sr-only">{title}</caption>
              <tbody className="divide-y divide-slate-100">
                {data.map((d) => (
                  <tr key={d.href}>
                    <th scope="row" className="py-1 pr-4 text-left font-normal">{d.label}</th>
                    <td className="py-1 text-right tabular-nums">
                      <Link href={d.href} className="text-indigo-700 hover:underline">{formatNumber(d.value)}</Link>
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
