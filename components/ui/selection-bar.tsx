import type { ReactNode } from "react";

/**
 * What to do with the rows a user ticked: a bar that stays at the bottom of the screen while the
 * list scrolls. `summary` says what is selected; `children` are the actions.
 */
export function SelectionBar({ summary, children }: { summary: ReactNode; children: ReactNode }) {
  return (
    <div role="region" aria-label="Seleção" className="sticky bottom-3 z-20 mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg bg-slate-900 px-4 py-3 text-sm text-white shadow-lg">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1" aria-live="polite">{summary}</div>
      <div className="ml-auto flex flex-wrap items-center gap-2">{children}</div>
    </div>
  );
}
