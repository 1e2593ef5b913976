"use client";

import Link from "next/link";
import { useActionState, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type { SaveFilterResult, SavedFilter } from "@/lib/saved-filters/saved-filters";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

type SavedFiltersProps = {
  filters: SavedFilter[];
  /** The list's current URL query: the server saves the filters it reads in it. */
  currentQuery: string;
  /** May share filters with the organization, and delete shared ones. */
  canShare: boolean;
  save: (previous: SaveFilterResult | null, formData: FormData) => Promise<SaveFilterResult>;
  remove: (id: string) => Promise<ActionResult>;
};

/** "Filtros salvos": one click applies one (a link to the list with its filters); the current filters can be saved by name. */
export function SavedFilters({ filters, currentQuery, canShare, save, remove }: SavedFiltersProps) {
  const [state, saveAction, saving] = useActionState(save, null);
  const [name, setName] = useState("");
  const [removing, startRemoving] = useTransition();
  const errors = state && !state.ok ? state.fieldErrors : {};

  return (
    <section aria-labelledby="saved-filters-title" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id="saved-filters-title" className="text-sm font-semibold">Filtros salvos</h2>
      {filters.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">Nenhum ainda. Filtre a lista e salve para voltar a ela com um clique.</p>
      ) : (
        <ul className="mt-2 flex flex-wrap gap-2">
          {filters.map((filter) => (
            <li key={filter.id} className="inline-flex items-center gap-1 rounded-full bg-slate-100 py-1 pl-3 pr-1 text-sm ring-1 ring-slate-200">
              <Link href={filter.href} className="text-indigo-700 hover:underline">
                {filter.name}
              </Link>
              {filter.shared && <span className="text-xs text-slate-500">· compartilhado{filter.mine ? "" : ` por ${filter.ownerName}`}</span>}
              {(filter.mine || (filter.shared && canShare)) && (
                <button
                  type="button"
                  disabled={removing}
                  onClick={() => startRemoving(async () => void (await remove(filter.id)))}
                  aria-label={`Excluir o filtro ${filter.name}`}
                  className="rounded-full px-1.5 text-slate-500 hover:bg-slate-200 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}

      <form action={saveAction} className="mt-3 flex flex-wrap items-start gap-2">
        <input type="hidden" name="query" value={currentQuery} />
        <div>
          <label htmlFor="saved-filter-name" className="sr-only">Nome do filtro</label>
          <Input
            id="saved-filter-name"
            name="name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder="Nome do filtro, ex.: VIPs de SP"
            className="w-72"
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? "saved-filter-error" : undefined}
          />
        </div>
        {canShare && (
          <label className="flex items-center gap-2 self-center text-sm">
            <input type="checkbox" name="shared" className="size-4 rounded border-slate-300" /> Compartilhar com a organização
          </label>
        )}
        <Button type="submit" variant="secondary" pending={saving}>Salvar filtros atuais</Button>
        {state && !state.ok && (
          <p id="saved-filter-error" role="alert" className="w-full text-sm text-red-700">
            {[...(errors.name ?? []), ...(errors.shared ?? [])].join(" ") || state.message}
          </p>
        )}
        {state?.ok && <p role="status" className="w-full text-sm text-green-700">Filtro salvo.</p>}
      </form>
    </section>
  );
}
