"use client";

import Form from "next/form";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClasses } from "@/components/ui/button";
import { DrawerButton } from "@/components/ui/drawer";
import { Input } from "@/components/ui/input";
import { MenuButton } from "@/components/ui/menu";
import { Select } from "@/components/ui/select";
import { filtersToSearchParams, pageSizes, type ContactFilters, type ContactSort } from "@/lib/contacts/contact-filters";
import { contactExportHref, contactListHref } from "@/lib/contacts/list-link";
import { ContactFiltersForm, type ContactFilterOptions } from "./contact-filters-form";
import { OmitEmptyFields } from "./omit-empty-fields";
import { SaveFilterButton, SavedFiltersMenu, type SavedFiltersProps } from "./saved-filters";
import { SlashFocus } from "./slash-focus";

// "Padrão" leaves the sort out of the URL, so the list picks it from the filters (defaultSort).
const sortLabels: Record<ContactSort | "", string> = { "": "Ordem padrão", created: "Criados recentemente", updated: "Atualizados recentemente", name: "Nome (A–Z)", priority: "Prioridade (Alta primeiro)" };

export type ContactListToolbarProps = {
  filters: ContactFilters;
  /** How many filters are active (the "Filtros" button shows it). */
  activeCount: number;
  options: ContactFilterOptions;
  saved: SavedFiltersProps;
  canExport: boolean;
};

/** The fields of the list's state a form does not edit itself, carried along so that submitting keeps them. */
function Carry({ filters, keep }: { filters: Partial<ContactFilters>; keep: (name: string) => boolean }) {
  const fields = [...filtersToSearchParams({ ...filters, after: undefined, before: undefined }).entries()].filter(([name]) => keep(name));
  return fields.map(([name, value], index) => <input key={`${name}-${index}`} type="hidden" name={name} value={value} />);
}

const filterFields = new Set(["q", "sort", "size"]);

/**
 * One row: quick search, "Filtros" (a drawer that closes on apply), sort, saved views, export.
 * Every control writes the whole list state into the URL, which the server reads back.
 */
export function ContactListToolbar({ filters, activeCount, options, saved, canExport }: ContactListToolbarProps) {
  const router = useRouter();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const current = { ...filters, after: undefined, before: undefined };
  const sort = (filtersToSearchParams(filters).get("sort") ?? "") as ContactSort | "";

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Form role="search" action="/contacts" className="flex min-w-64 flex-1 gap-2">
        <SlashFocus targetId="contact-search" />
        <OmitEmptyFields />
        <Carry filters={current} keep={(name) => name !== "q"} />
        <label htmlFor="contact-search" className="sr-only">Busca rápida</label>
        <Input
          key={filters.q ?? ""}
          id="contact-search"
          name="q"
          type="search"
          defaultValue={filters.q ?? ""}
          placeholder="Buscar por código, CPF/CNPJ, telefone, e-mail, nome ou #hashtag  ( / )"
          aria-describedby="contact-search-hint"
          className="min-w-0 flex-1"
        />
        <p id="contact-search-hint" className="sr-only">
          Busque pelo código do cliente, CPF ou CNPJ com ou sem pontuação, telefone, e-mail ou o começo dele, palavras do nome, ou #hashtag. Tecle / para voltar a esta busca.
        </p>
        <button type="submit" className={buttonClasses("primary")}>Buscar</button>
      </Form>

      <DrawerButton label={activeCount > 0 ? `Filtros (${activeCount})` : "Filtros"} title="Filtros" isOpen={filtersOpen} onOpenChange={setFiltersOpen}>
        <ContactFiltersForm filters={filters} options={options} onApply={() => setFiltersOpen(false)}>
          <Carry filters={current} keep={(name) => filterFields.has(name)} />
        </ContactFiltersForm>
      </DrawerButton>

      <label htmlFor="contact-sort" className="sr-only">Ordenar por</label>
      <Select
        id="contact-sort"
        value={sort}
        onChange={(event) => router.push(contactListHref({ ...current, sort: (event.target.value || undefined) as ContactSort | undefined }))}
        className="w-auto!"
      >
        {Object.entries(sortLabels).map(([value, text]) => <option key={value} value={value}>{text}</option>)}
      </Select>

      <SavedFiltersMenu filters={saved.filters} canShare={saved.canShare} remove={saved.remove} />
      <SaveFilterButton currentQuery={saved.currentQuery} canShare={saved.canShare} save={saved.save} />

      {canExport && (
        <MenuButton
          label="Exportar ▾"
          items={[
            { id: "semicolon", label: "CSV para Excel", description: "separado por ponto e vírgula (;)", href: contactExportHref(current) },
            { id: "comma", label: "CSV separado por vírgula", description: "para outros sistemas (,)", href: contactExportHref(current, { comma: true }) },
          ]}
        />
      )}
    </div>
  );
}

/** "Por página", beside the pagination: changing it starts again at page one. */
export function PageSizeSelect({ filters }: { filters: ContactFilters }) {
  const router = useRouter();
  return (
    <label className="flex items-center gap-2 text-sm text-slate-700">
      Por página
      <Select
        value={String(filters.size)}
        onChange={(event) => router.push(contactListHref({ ...filters, after: undefined, before: undefined, size: Number(event.target.value) as ContactFilters["size"] }))}
        className="w-auto!"
      >
        {pageSizes.map((n) => <option key={n} value={n}>{n}</option>)}
      </Select>
    </label>
  );
}
