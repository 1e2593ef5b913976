import { plural } from "@/lib/format/number";

/** "1 contato", "1.234 contatos". */
export function contactsText(count: number): string {
  return plural(count, "contato", "contatos");
}

type TooltipProps = { active?: boolean; payload?: ReadonlyArray<{ payload?: unknown }> };

/** The hovered bar in words: its name, its count in Portuguese, and whether it is still growing. */
export function ChartTooltipContent({ active, payload }: TooltipProps) {
  const datum = payload?.[0]?.payload as { label: string; value: number; partial?: string } | undefined;
  if (!active || !datum) return null;
  return (
    <div className="rounded-md bg-white px-3 py-2 text-sm shadow-md ring-1 ring-slate-200">
      <p className="font-medium text-slate-900">{datum.label}</p>
      <p className="text-slate-700 tabular-nums">{contactsText(datum.value)}</p>
      {datum.partial && <p className="text-xs text-slate-600">{datum.partial}</p>}
    </div>
  );
}
