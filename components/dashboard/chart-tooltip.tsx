import { plural } from "@/lib/format/number";

/** What a chart counts, singular and plural ("contato", "contatos"). */
export type CountUnit = { one: string; many: string };
export const contactsUnit: CountUnit = { one: "contato", many: "contatos" };

/** "1 contato", "1.234 atendimentos". */
export function countText(count: number, unit: CountUnit = contactsUnit): string {
  return plural(count, unit.one, unit.many);
}

/** "1 contato", "1.234 contatos". */
export function contactsText(count: number): string {
  return countText(count, contactsUnit);
}

type TooltipProps = { active?: boolean; payload?: ReadonlyArray<{ payload?: unknown }>; unit?: CountUnit };

/** The hovered bar in words: its name, its count in Portuguese, and whether it is still growing. */
export function ChartTooltipContent({ active, payload, unit = contactsUnit }: TooltipProps) {
  const datum = payload?.[0]?.payload as { label: string; value: number; partial?: string } | undefined;
  if (!active || !datum) return null;
  return (
    <div className="rounded-md bg-white px-3 py-2 text-sm shadow-md ring-1 ring-slate-200">
      <p className="font-medium text-slate-900">{datum.label}</p>
      <p className="text-slate-700 tabular-nums">{countText(datum.value, unit)}</p>
      {datum.partial && <p className="text-xs text-slate-600">{datum.partial}</p>}
    </div>
  );
}
