import Link from "next/link";
import type { ContactFilters } from "@/lib/contacts/contact-filters";
import { activeFilters, type FilterNames } from "@/lib/contacts/filter-labels";
import { contactListHref } from "@/lib/contacts/list-link";

/** Each active filter as a chip whose × is a link to the same list without it. */
export function FilterChips({ filters, names }: { filters: ContactFilters; names: FilterNames }) {
  const chips = activeFilters(filters, names);
  if (chips.length === 0) return null;
  return (
    <ul aria-label="Filtros ativos" className="flex flex-wrap gap-2">
      {chips.map((chip) => (
        <li key={chip.label} className="inline-flex items-center gap-1 rounded-full bg-indigo-50 py-1 pl-3 pr-1 text-sm text-indigo-800 ring-1 ring-indigo-200">
          {chip.label}
          <Link
            href={contactListHref({ ...filters, after: undefined, before: undefined, ...chip.without })}
            aria-label={`Remover filtro ${chip.label}`}
            className="rounded-full px-1.5 text-indigo-700 hover:bg-indigo-100 hover:text-indigo-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            ×
          </Link>
        </li>
      ))}
    </ul>
  );
}
