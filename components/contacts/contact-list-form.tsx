import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { noResponsible, pageSizes, type ContactFilters, type ContactSort } from "@/lib/contacts/contact-filters";
import { priorityLabels, priorities } from "@/lib/contacts/priority";
import { OmitEmptyFields } from "./omit-empty-fields";
import { SlashFocus } from "./slash-focus";

type Option = { id: string; name: string };

export type ContactListOptions = { segments: Option[]; responsibles: Option[]; canFilterWithoutSegment: boolean };

// "Padrão" leaves the sort out of the URL, so the list picks it from the filters (defaultSort).
const sortLabels = { "": "Padrão", created: "Criados recentemente", updated: "Atualizados recentemente", name: "Nome (A–Z)", priority: "Prioridade (Alta primeiro)" };
const yesNo = [
  ["", "Tanto faz"],
  ["yes", "Sim"],
  ["no", "Não"],
] as const;

const label = "mb-1.5 block text-sm font-medium text-slate-800";
const check = "size-4 rounded border-slate-300 text-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-600";

/**
 * One GET form holds the search, the filters, the sort and the page size: submitting it writes the
 * whole list state into the URL (shareable; the back button works) and starts again at page one.
 */
type ContactListFormProps = { filters: ContactFilters; chosenSort: ContactSort | ""; options: ContactListOptions };

export function ContactListForm({ filters, chosenSort, options }: ContactListFormProps) {
  const activeFilters =
    filters.segment.length + filters.responsible.length + filters.tagAll.length + filters.tagAny.length +
    filters.tagNone.length + filters.priority.length + Number(filters.noSegment) +
    [filters.createdFrom, filters.createdTo, filters.updatedFrom, filters.updatedTo, filters.hasPhone, filters.hasEmail].filter(Boolean).length;

  return (
    <form role="search" action="/contacts" className="space-y-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <SlashFocus targetId="contact-search" />
      <OmitEmptyFields />
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <label htmlFor="contact-search" className={label}>Busca rápida</label>
          <Input
            id="contact-search"
            name="q"
            type="search"
            defaultValue={filters.q ?? ""}
            placeholder="Código, CPF/CNPJ, telefone, e-mail ou nome — tecle / para buscar"
            aria-describedby="contact-search-hint"
          />
          <p id="contact-search-hint" className="sr-only">
            Busque pelo código do cliente, CPF ou CNPJ com ou sem pontuação, telefone, e-mail ou palavras do nome.
          </p>
        </div>
        <div>
          <label htmlFor="contact-sort" className={label}>Ordenar por</label>
          <Select id="contact-sort" name="sort" defaultValue={chosenSort}>
            {Object.entries(sortLabels).map(([value, text]) => <option key={value} value={value}>{text}</option>)}
          </Select>
        </div>
        <div>
          <label htmlFor="contact-size" className={label}>Por página</label>
          <Select id="contact-size" name="size" defaultValue={String(filters.size)}>
            {pageSizes.map((n) => <option key={n} value={n}>{n}</option>)}
          </Select>
        </div>
        <button type="submit" className={buttonClasses("primary")}>Buscar</button>
      </div>

      <details open={activeFilters > 0} className="group">
        <summary className="cursor-pointer select-none text-sm font-medium text-indigo-700 hover:underline">
          Filtros{activeFilters > 0 ? ` (${activeFilters})` : ""}
        </summary>
        <div className="mt-4 grid gap-5 md:grid-cols-2 xl:grid-cols-3">
          <fieldset>
            <legend className={label}>Segmentos</legend>
            <div className="space-y-1.5">
              {options.segments.map((s) => (
                <label key={s.id} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="segment" value={s.id} defaultChecked={filters.segment.includes(s.id)} className={check} />
                  {s.name}
                </label>
              ))}
              {options.canFilterWithoutSegment && (
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="noSegment" value="1" defaultChecked={filters.noSegment} className={check} />
                  Sem segmento
                </label>
              )}
            </div>
          </fieldset>

          <div>
            <label htmlFor="filter-responsible" className={label}>Responsável</label>
            <Select id="filter-responsible" name="responsible" multiple size={Math.min(6, options.responsibles.length + 1)} defaultValue={filters.responsible} aria-describedby="filter-responsible-hint">
              <option value={noResponsible}>Sem responsável</option>
              {options.responsibles.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
            </Select>
            <p id="filter-responsible-hint" className="mt-1.5 text-xs text-slate-500">Ctrl ou ⌘ para escolher vários.</p>
          </div>

          <fieldset>
            <legend className={label}>Prioridade</legend>
            <div className="flex gap-4">
              {priorities.map((p) => (
                <label key={p} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="priority" value={p} defaultChecked={filters.priority.includes(p)} className={check} />
                  {priorityLabels[p]}
                </label>
              ))}
            </div>
          </fieldset>

          <TagField name="tagAll" label="Com todas as hashtags" values={filters.tagAll} />
          <TagField name="tagAny" label="Com alguma das hashtags" values={filters.tagAny} />
          <TagField name="tagNone" label="Sem as hashtags" values={filters.tagNone} />

          <DateRange label="Criado" from={["createdFrom", filters.createdFrom]} to={["createdTo", filters.createdTo]} />
          <DateRange label="Atualizado" from={["updatedFrom", filters.updatedFrom]} to={["updatedTo", filters.updatedTo]} />

          <div className="flex gap-4">
            {([["hasPhone", "Tem telefone", filters.hasPhone], ["hasEmail", "Tem e-mail", filters.hasEmail]] as const).map(([name, text, value]) => (
              <div key={name} className="flex-1">
                <label htmlFor={`filter-${name}`} className={label}>{text}</label>
                <Select id={`filter-${name}`} name={name} defaultValue={value ?? ""}>
                  {yesNo.map(([v, t]) => <option key={v} value={v}>{t}</option>)}
                </Select>
              </div>
            ))}
          </div>
        </div>
        <div className="mt-4 flex gap-2">
          <button type="submit" className={buttonClasses("primary")}>Aplicar filtros</button>
          <Link href="/contacts" className={buttonClasses("ghost")}>Limpar tudo</Link>
        </div>
      </details>
    </form>
  );
}

// Several hashtags in one box, separated by spaces or commas; each becomes a repeated URL value.
function TagField({ name, label: text, values }: { name: string; label: string; values: string[] }) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className={label}>{text}</label>
      <Input id={`filter-${name}`} name={name} defaultValue={values.map((t) => `#${t}`).join(" ")} placeholder="#vip #novo" aria-describedby={`filter-${name}-hint`} />
      <p id={`filter-${name}-hint`} className="mt-1.5 text-xs text-slate-500">Separe por espaço ou vírgula.</p>
    </div>
  );
}

function DateRange({ label: text, from, to }: { label: string; from: [string, string | undefined]; to: [string, string | undefined] }) {
  return (
    <fieldset>
      <legend className={label}>{text} entre</legend>
      <div className="flex items-center gap-2">
        <Input type="date" name={from[0]} defaultValue={from[1] ?? ""} aria-label={`${text} a partir de`} />
        <span className="text-sm text-slate-500">e</span>
        <Input type="date" name={to[0]} defaultValue={to[1] ?? ""} aria-label={`${text} até`} />
      </div>
    </fieldset>
  );
}
