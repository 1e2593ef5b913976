import { formatDate } from "@/lib/format/date";
import { noResponsible, type ContactFilters } from "./contact-filters";
import { priorityLabels } from "./priority";

// Client-safe: the list's filter chips and the export's audit entry describe filters in the same words.

/** The names of the segments and responsáveis that filters name, keyed by id (lib/contacts/filter-names.ts). */
export type FilterNames = { segments: Map<string, string>; responsibles: Map<string, string> };

/** An active filter in words, and the filters that remain without it. */
export type ActiveFilter = { label: string; without: Partial<ContactFilters> };

const day = (value: string) => formatDate(new Date(`${value}T12:00:00-03:00`));

/** Each active advanced filter (not the quick search, which has its own box), in words. */
export function activeFilters(filters: ContactFilters, names: FilterNames): ActiveFilter[] {
  const without = (key: keyof ContactFilters, value: string) => ({ [key]: (filters[key] as string[]).filter((v) => v !== value) });
  return [
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
}
