"use client";

import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";

type Selection = {
  pageIds: string[];
  selected: Set<string>;
  toggle: (id: string, on: boolean) => void;
  setPage: (on: boolean) => void;
  clear: () => void;
};

const SelectionContext = createContext<Selection | null>(null);

export function useSelection(): Selection {
  const selection = useContext(SelectionContext);
  if (!selection) throw new Error("useSelection outside BulkSelectionProvider");
  return selection;
}

/** The rows ticked on the current page. A new page (or filter) starts with nothing ticked. */
export function BulkSelectionProvider({ pageIds, children }: { pageIds: string[]; children: ReactNode }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const pageKey = pageIds.join(",");
  const [seenKey, setSeenKey] = useState(pageKey);
  if (seenKey !== pageKey) {
    setSeenKey(pageKey);
    setSelected(new Set());
  }
  const selection: Selection = {
    pageIds,
    selected,
    toggle: (id, on) =>
      setSelected((current) => {
        const next = new Set(current);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    setPage: (on) => setSelected(on ? new Set(pageIds) : new Set()),
    clear: () => setSelected(new Set()),
  };
  return <SelectionContext.Provider value={selection}>{children}</SelectionContext.Provider>;
}

const checkboxClasses = "size-4 rounded border-slate-300 text-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-600";

export function RowCheckbox({ id, name }: { id: string; name: string }) {
  const { selected, toggle } = useSelection();
  return (
    <input
      type="checkbox"
      className={checkboxClasses}
      aria-label={`Selecionar ${name}`}
      checked={selected.has(id)}
      onChange={(event) => toggle(id, event.target.checked)}
    />
  );
}

/** Ticks every row of the page; with a visible `label` where there is no table header (phones). */
export function PageCheckbox({ label }: { label?: string }) {
  const { selected, pageIds, setPage } = useSelection();
  const ref = useRef<HTMLInputElement>(null);
  const all = pageIds.length > 0 && pageIds.every((id) => selected.has(id));
  const some = !all && selected.size > 0;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = some;
  }, [some]);
  const box = (
    <input
      ref={ref}
      type="checkbox"
      className={checkboxClasses}
      aria-label={label ? undefined : "Selecionar todos desta página"}
      checked={all}
      onChange={(event) => setPage(event.target.checked)}
    />
  );
  return label ? <label className="flex items-center gap-2 text-sm text-slate-700">{box}{label}</label> : box;
}
