import Link from "next/link";
import { noResponsible, type ContactFilters } from "@/lib/contacts/contact-filters";
import { contactListHref } from "@/lib/contacts/list-link";
import { priorityLabels } from "@/lib/contacts/priority";
import { formatDate } from "@/lib/format/date";

type Names = { segments: Map<string, string>; responsibles: Map<string, string> };
type Chip = { label: string; without: Partial<ContactFilters> };

const day = (value: string) => formatDate(new Date(`${value}T12:00:00-03:00`));

/** Each active filter as a chip whose × is a link to the same list without it. */
export function FilterChips({ filters, names }: { filters: ContactFilters; names: Names }) {
  const without = (key: keyof ContactFilters, value: string) => ({ [key]: (filters[key] as string[]).filter((v) => v !== value) });
  const chips: Chip[] = [
    ...filters.segment.map((id) => ({ label: `Segmento: ${names.segments.get(id) ?? "desconhecido"}`, without: without("segment", id) })),
    ...(filters.noSegment ? [{ label: "Sem segmento", without: { noSegment: false } }] : []),
    ...filters.responsible.map((id) => ({
      label: id === noResponsible ? "Sem responsável" : `Responsável: ${names.responsibles.get(id) ?? "desconhecido"}`,
      without: without("responsible", id),
    })),
    ...filters.tagAll.map((t) => ({ label: `Com #${t}`, without: without("tagAll", t) })),
    ...filters.tagAny.map((t) => ({ label: `Alguma: #${t}`, without: without("tagAny", t) })),
    ...filters.tagNone.map((t) => ({ label: `Sem #${t}`, without: without("tagNone", t) })),
    ...filters.priority.map((p) => ({ label: `Prioridade ${priorityLabels[p]}`, without: without("priority", p) })),
    ...(filters.createdFrom ? [{ label: `Criado desde ${day(filters.createdFrom)}`, without: { createdFrom: undefined } }] : []),
    ...(filters.createdTo ? [{ label: `Criado até ${day(filters.createdTo)}`, without: { createdTo: undefined } }] : []),
    ...(filters.updatedFrom ? [{ label: `Atualizado desde ${day(filters.updatedFrom)}`, without: { updatedFrom: undefined } }] : []),
    ...(filters.updatedTo ? [{ label: `Atualizado até ${day(filters.updatedTo)}`, without: { updatedTo: undefined } }] : []),
    ...(filters.hasPhone ? [{ label: filters.hasPhone === "yes" ? "Com telefone" : "Sem telefone", without: { hasPhone: undefined } }] : []),
    ...(filters.hasEmail ? [{ label: filters.hasEmail === "yes" ? "Com e-mail" : "Sem e-mail", without: { hasEmail: undefined } }] : []),
  ];
  if (chips.length === 0) return null;
  return (
    <ul aria-label="Filtros ativos" className="flex flex-wrap gap-2">
      {chips.map((chip) => (
        <li key={chip.label} className="inline-flex items-center gap-1 rounded-full bg-indigo-50 py-1 pl-3 pr-1 text-sm text-indigo-800 ring-1 ring-indigo-200">
          {chip.label}
          <Link
            href={contactListHref({ ...filters, after: undefined, before: undefined, ...chip.without })}
            aria-label={`Remover filtro ${chip.label}`}
            className="rounded-full px-1.5 text-indigo-500 hover:bg-indigo-100 hover:text-indigo-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            ×
          </Link>
        </li>
      ))}
    </ul>
  );
}
