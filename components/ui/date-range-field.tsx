"use client";

import { endOfMonth, getLocalTimeZone, parseDate, startOfMonth, today, type CalendarDate } from "@internationalized/date";
import { useState } from "react";
import {
  Button as AriaButton, Calendar, CalendarCell, CalendarGrid, DateInput, DatePicker, DateSegment, Dialog, Group, Heading,
  I18nProvider, Popover,
} from "react-aria-components";
import { isDay } from "@/lib/sql/values";

export type DateRangeFieldProps = {
  label: string;
  /** Submitted as yyyy-mm-dd under these names; an open end is left out. */
  fromName: string;
  toName: string;
  defaultFrom?: string;
  defaultTo?: string;
};

type Preset = { label: string; range: (now: CalendarDate) => { start: CalendarDate; end: CalendarDate } };

const dateRangePresets: Preset[] = [
  { label: "Hoje", range: (now) => ({ start: now, end: now }) },
  { label: "Últimos 7 dias", range: (now) => ({ start: now.subtract({ days: 6 }), end: now }) },
  { label: "Últimos 30 dias", range: (now) => ({ start: now.subtract({ days: 29 }), end: now }) },
  { label: "Este mês", range: (now) => ({ start: startOfMonth(now), end: now }) },
  { label: "Mês passado", range: (now) => { const last = now.subtract({ months: 1 }); return { start: startOfMonth(last), end: endOfMonth(last) }; } },
];

const day = (value?: string) => (value && isDay(value) ? parseDate(value) : null);

/**
 * A period typed as dd/mm/aaaa (in pt-BR whatever the browser's language), picked on a calendar or
 * from presets. Either end may stay open ("a partir de", "até").
 */
export function DateRangeField({ label, fromName, toName, defaultFrom, defaultTo }: DateRangeFieldProps) {
  const [start, setStart] = useState<CalendarDate | null>(day(defaultFrom));
  const [end, setEnd] = useState<CalendarDate | null>(day(defaultTo));
  const now = today(getLocalTimeZone());

  return (
    <I18nProvider locale="pt-BR">
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium text-slate-800">{label}</legend>
        <div className="flex flex-wrap items-center gap-2">
          <DayPicker label={`${label}: de`} value={start} onChange={setStart} />
          <span aria-hidden="true" className="text-slate-600">–</span>
          <DayPicker label={`${label}: até`} value={end} onChange={setEnd} />
        </div>
        <div className="mt-2 flex flex-wrap gap-1.5">
          {dateRangePresets.map((preset) => (
            <button
              key={preset.label}
              type="button"
              onClick={() => { const r = preset.range(now); setStart(r.start); setEnd(r.end); }}
              className="rounded-full bg-slate-100 px-2.5 py-1 text-xs text-slate-700 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-indigo-600"
            >
              {preset.label}
            </button>
          ))}
          {(start || end) && (
            <button type="button" onClick={() => { setStart(null); setEnd(null); }} className="rounded-full px-2.5 py-1 text-xs text-indigo-700 hover:underline">
              Limpar
            </button>
          )}
        </div>
        {start && <input type="hidden" name={fromName} value={start.toString()} />}
        {end && <input type="hidden" name={toName} value={end.toString()} />}
      </fieldset>
    </I18nProvider>
  );
}

const segment = "rounded px-0.5 tabular-nums outline-none data-focused:bg-indigo-600 data-focused:text-white data-placeholder:text-slate-600";

/** One end of the period: dd/mm/aaaa segments and a calendar. */
function DayPicker({ label, value, onChange }: { label: string; value: CalendarDate | null; onChange: (value: CalendarDate | null) => void }) {
  return (
    <DatePicker aria-label={label} value={value} onChange={(next) => onChange(next as CalendarDate | null)}>
      <Group className="flex items-center gap-1 rounded-md border border-slate-300 bg-white py-1.5 pr-1 pl-3 text-sm shadow-sm focus-within:border-indigo-500 focus-within:outline-2 focus-within:outline-indigo-500/40">
        <DateInput className="flex">{(s) => <DateSegment segment={s} className={segment} />}</DateInput>
        <AriaButton aria-label={`Abrir calendário: ${label}`} className="rounded px-1.5 py-0.5 text-slate-600 outline-none hover:bg-slate-100 data-focus-visible:outline-2 data-focus-visible:outline-indigo-600">
          <span aria-hidden="true">▾</span>
        </AriaButton>
      </Group>
      <Popover className="rounded-lg bg-white p-3 shadow-lg ring-1 ring-slate-200 outline-none">
        <Dialog aria-label={`Calendário: ${label}`} className="outline-none">
          <Calendar>
            <header className="mb-2 flex items-center justify-between">
              <AriaButton slot="previous" aria-label="Mês anterior" className="rounded px-2 py-1 hover:bg-slate-100">‹</AriaButton>
              <Heading className="text-sm font-semibold capitalize" />
              <AriaButton slot="next" aria-label="Próximo mês" className="rounded px-2 py-1 hover:bg-slate-100">›</AriaButton>
            </header>
            <CalendarGrid className="text-sm">
              {(date) => (
                <CalendarCell
                  date={date}
                  className="flex size-8 cursor-pointer items-center justify-center rounded outline-none hover:bg-slate-100 data-outside-month:text-slate-400 data-selected:bg-indigo-600 data-selected:text-white data-focus-visible:outline-2 data-focus-visible:outline-indigo-600"
                />
              )}
            </CalendarGrid>
          </Calendar>
        </Dialog>
      </Popover>
    </DatePicker>
  );
}
