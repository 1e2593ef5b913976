"use client";

import Form from "next/form";
import Link from "next/link";
import { useEffect, useState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { buttonClasses } from "@/components/ui/button";
import { DateRangeField } from "@/components/ui/date-range-field";
import { MultiSelectCombobox, type ComboOption } from "@/components/ui/multi-select-combobox";
import { Select } from "@/components/ui/select";
import { noResponsible, type ContactFilters } from "@/lib/contacts/contact-filters";
import type { FilterNames } from "@/lib/contacts/filter-labels";
import { contactListHref } from "@/lib/contacts/list-link";
import { priorityLabels, priorities } from "@/lib/contacts/priority";
import { normalizeTag } from "@/lib/contacts/tags";
import { OmitEmptyFields } from "./omit-empty-fields";

/** What the segment, responsável and hashtag fields offer; hashtags most used first, as suggestions: any other can be typed. */
export type FilterChoices = { segments: ComboOption[]; responsibles: ComboOption[]; tags: string[] };

export type ContactFilterOptions = {
  /** The names of the segments and responsáveis the current filters name, shown until the choices load. */
  names: FilterNames;
  /** Every choice, asked for when the form opens: most list pages never open it. */
  load: () => Promise<ActionResult<FilterChoices>>;
  canFilterWithoutSegment: boolean;
};

const yesNo = [
  ["", "Tanto faz"],
  ["yes", "Sim"],
  ["no", "Não"],
] as const;

const legend = "mb-1.5 block text-sm font-medium text-slate-800";
const check = "size-4 rounded border-slate-300 text-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-600";

const asTag = (typed: string): ComboOption | null => {
  const tag = normalizeTag(typed);
  return tag ? { id: tag, name: `#${tag}` } : null;
};

/** The filters of the contact list, as one GET form: applying it writes them into the URL. */
export function ContactFiltersForm({ filters, options, onApply, children }: {
  filters: ContactFilters;
  options: ContactFilterOptions;
  /** Called on submit, so that the drawer closes while the list loads. */
  onApply: () => void;
  /** Hidden fields carrying the rest of the list's state (search, sort, page size). */
  children: ReactNode;
}) {
  const [choices, setChoices] = useState<FilterChoices | "loading" | "failed">("loading");
  const { load, names } = options;
  useEffect(() => {
    let current = true;
    load()
      .then((result) => current && setChoices(result.ok ? result : "failed"))
      .catch(() => current && setChoices("failed"));
    return () => {
      current = false;
    };
  }, [load]);
  const loaded = typeof choices === "object" ? choices : null;
  const named = (map: Map<string, string>) => [...map].map(([id, name]) => ({ id, name }));
  const status = typeof choices === "string" ? choices : undefined;
  const tagOptions = (loaded?.tags ?? []).map((tag) => ({ id: tag, name: `#${tag}` }));
  return (
    <Form action="/contacts" onSubmit={() => setTimeout(onApply)} className="flex min-h-full flex-col">
      <OmitEmptyFields />
      {children}
      <div className="flex-1 space-y-5 px-5 py-4">
        <div>
          <MultiSelectCombobox label="Segmentos" name="segment" options={loaded?.segments ?? named(names.segments)} status={status} defaultValue={filters.segment} placeholder="Buscar segmento…" />
          {options.canFilterWithoutSegment && (
            <label className="mt-2 flex items-center gap-2 text-sm">
              <input type="checkbox" name="noSegment" value="1" defaultChecked={filters.noSegment} className={check} />
              Sem segmento
            </label>
          )}
        </div>
        <MultiSelectCombobox
          label="Responsável"
          name="responsible"
          options={[{ id: noResponsible, name: "Sem responsável" }, ...(loaded?.responsibles ?? named(names.responsibles))]}
          status={status}
          defaultValue={filters.responsible}
          placeholder="Buscar pessoa…"
        />
        <fieldset>
          <legend className={legend}>Prioridade</legend>
          <div className="flex gap-4">
            {priorities.map((p) => (
              <label key={p} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="priority" value={p} defaultChecked={filters.priority.includes(p)} className={check} />
                {priorityLabels[p]}
              </label>
            ))}
          </div>
        </fieldset>
        <MultiSelectCombobox label="Com todas as hashtags" name="tagAll" options={tagOptions} status={status} defaultValue={filters.tagAll} createOption={asTag} placeholder="#vip" />
        <MultiSelectCombobox label="Com alguma das hashtags" name="tagAny" options={tagOptions} status={status} defaultValue={filters.tagAny} createOption={asTag} placeholder="#novo" />
        <MultiSelectCombobox label="Sem as hashtags" name="tagNone" options={tagOptions} status={status} defaultValue={filters.tagNone} createOption={asTag} placeholder="#inativo" />
        <DateRangeField label="Criado entre" fromName="createdFrom" toName="createdTo" defaultFrom={filters.createdFrom} defaultTo={filters.createdTo} />
        <DateRangeField label="Atualizado entre" fromName="updatedFrom" toName="updatedTo" defaultFrom={filters.updatedFrom} defaultTo={filters.updatedTo} />
        <div className="flex gap-4">
          {([["hasPhone", "Tem telefone", filters.hasPhone], ["hasEmail", "Tem e-mail", filters.hasEmail]] as const).map(([name, text, value]) => (
            <div key={name} className="flex-1">
              <label htmlFor={`filter-${name}`} className={legend}>{text}</label>
              <Select id={`filter-${name}`} name={name} defaultValue={value ?? ""}>
                {yesNo.map(([v, t]) => <option key={v} value={v}>{t}</option>)}
              </Select>
            </div>
          ))}
        </div>
      </div>
      <div className="sticky bottom-0 flex gap-2 border-t border-slate-200 bg-white px-5 py-3">
        <button type="submit" className={buttonClasses("primary")}>Aplicar filtros</button>
        <Link href={contactListHref({ q: filters.q })} onClick={() => onApply()} className={buttonClasses("ghost")}>Limpar filtros</Link>
      </div>
    </Form>
  );
}
