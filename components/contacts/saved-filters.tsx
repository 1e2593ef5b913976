"use client";

import Link from "next/link";
import { useActionState, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";
import type { SaveFilterResult, SavedFilter } from "@/lib/saved-filters/saved-filters";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { PopoverButton } from "@/components/ui/popover";

export type SavedFiltersProps = {
  filters: SavedFilter[];
  /** The list's current URL query: the server saves the filters it reads in it. */
  currentQuery: string;
  /** May share filters with the organization, and delete shared ones. */
  canShare: boolean;
  save: (previous: SaveFilterResult | null, formData: FormData) => Promise<SaveFilterResult>;
  remove: (id: string) => Promise<ActionResult>;
};

/** "Filtros salvos": the saved views menu; one click opens one, × deletes it. */
export function SavedFiltersMenu({ filters, canShare, remove }: Pick<SavedFiltersProps, "filters" | "canShare" | "remove">) {
  const [removing, startRemoving] = useTransition();
  return (
    <PopoverButton label={`Filtros salvos${filters.length ? ` (${filters.length})` : ""}`} title="Filtros salvos">
      {(close) => filters.length === 0 ? (
        <p className="text-sm text-slate-600">Nenhum ainda. Filtre a lista e use “Salvar filtro” para voltar a ela com um clique.</p>
      ) : (
        <ul className="-mx-2 max-h-80 space-y-0.5 overflow-y-auto">
          {filters.map((filter) => (
            <li key={filter.id} className="flex items-center gap-1 rounded-md px-2 py-1 hover:bg-slate-50">
              {/* The list stays mounted across the navigation: the popover must close itself. */}
              <Link href={filter.href} onClick={close} className="min-w-0 flex-1 text-sm text-indigo-700 hover:underline">
                <span className="block truncate font-medium">{filter.name}</span>
                {filter.shared && <span className="block text-xs text-slate-600">compartilhado{filter.mine ? "" : ` por ${filter.ownerName}`}</span>}
              </Link>
              {(filter.mine || (filter.shared && canShare)) && (
                <button
                  type="button"
                  disabled={removing}
                  onClick={() => startRemoving(async () => void (await remove(filter.id)))}
                  aria-label={`Excluir o filtro ${filter.name}`}
                  className="rounded-full px-2 text-slate-600 hover:bg-slate-200 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </PopoverButton>
  );
}

/** "Salvar filtro": names the list's current filters, in a small popover. */
export function SaveFilterButton({ currentQuery, canShare, save }: Pick<SavedFiltersProps, "currentQuery" | "canShare" | "save">) {
  const [state, saveAction, saving] = useActionState(save, null);
  const [name, setName] = useState("");
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <PopoverButton label="Salvar filtro" title="Salvar os filtros atuais">
      <form action={saveAction} className="space-y-3">
        <input type="hidden" name="query" value={currentQuery} />
        <div>
          <label htmlFor="saved-filter-name" className="mb-1.5 block text-sm font-medium text-slate-800">Nome do filtro</label>
          <Input
            id="saved-filter-name"
            name="name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder="ex.: VIPs de SP"
            autoFocus
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={state && !state.ok ? "saved-filter-error" : undefined}
          />
        </div>
        {canShare && (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="shared" className="size-4 rounded border-slate-300" /> Compartilhar com a organização
          </label>
        )}
        {state && !state.ok && (
          <p id="saved-filter-error" role="alert" className="text-sm text-red-700">
            {[...(errors.name ?? []), ...(errors.shared ?? [])].join(" ") || state.message}
          </p>
        )}
        {state?.ok && <p role="status" className="text-sm text-green-700">Filtro salvo. Está em “Filtros salvos”.</p>}
        <Button type="submit" pending={saving} className="w-full">Salvar</Button>
      </form>
    </PopoverButton>
  );
}
