import type { ComponentProps, ReactNode } from "react";

export type TableCardProps = {
  caption: string;
  head: ReactNode;
  children: ReactNode;
  /**
   * Below lg, each row becomes a card (no sideways scrolling on a phone): the header is kept for
   * screen readers only and a cell with a `label` (see Cell) shows it before its value. From lg up,
   * the header stays in view while the page scrolls; the columns must then fit the width.
   */
  cards?: boolean;
};

const cardClasses =
  "max-lg:[&_table]:block max-lg:[&_tbody]:block max-lg:[&_tr]:relative max-lg:[&_tr]:block max-lg:[&_tr]:px-4 max-lg:[&_tr]:py-3 " +
  "max-lg:[&_td]:block max-lg:[&_td]:p-0 max-lg:[&_td]:py-0.5 " +
  "max-lg:[&_td[data-label]]:before:mr-1 max-lg:[&_td[data-label]]:before:text-xs max-lg:[&_td[data-label]]:before:text-slate-600 max-lg:[&_td[data-label]]:before:content-[attr(data-label)':']";

/** The app's data table: a white card with a named caption for screen readers. */
export function TableCard({ caption, head, children, cards = false }: TableCardProps) {
  return (
    // A region that scrolls sideways must be reachable by keyboard, to scroll it with the arrows.
    <div
      className={`rounded-lg bg-white shadow-sm ring-1 ring-slate-200 ${cards ? `overflow-x-clip ${cardClasses}` : "overflow-x-auto focus-visible:outline-2 focus-visible:outline-indigo-600"}`}
      {...(cards ? {} : { tabIndex: 0, role: "region", "aria-label": caption })}
    >
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className={`bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase ${cards ? "max-lg:sr-only lg:[&_th]:sticky lg:[&_th]:top-0 lg:[&_th]:z-10 lg:[&_th]:bg-slate-50 lg:[&_th]:shadow-[inset_0_-1px_0_var(--color-slate-200)]" : ""}`}>
          <tr>{head}</tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

/** A cell that names itself on a phone's card ("Responsável: Ana Souza"). */
export function Cell({ label, ...rest }: ComponentProps<"td"> & { label?: string }) {
  return <td data-label={label} {...rest} />;
}
