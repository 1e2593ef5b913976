"use client";

import { useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { PopoverButton } from "@/components/ui/popover";
import { Select } from "@/components/ui/select";
import type { ActionResult, FieldErrors } from "@/lib/actions/result";
import type { ImportField } from "@/lib/import/columns";
import type { SavedImportMapping } from "@/lib/import/imports";
import { plural } from "@/lib/format/number";

export type SavedMappingsProps = {
  header: string[];
  mapping: (ImportField | null)[];
  onApply: (mapping: (ImportField | null)[]) => void;
  saved: SavedImportMapping[];
  actions: {
    saveMapping: (input: { name: string; columns: Record<string, ImportField> }) => Promise<ActionResult<{ id: string }>>;
    deleteMapping: (id: string) => Promise<ActionResult>;
  };
};

const byName = (a: SavedImportMapping, b: SavedImportMapping) => a.name.localeCompare(b.name, "pt-BR");

/**
 * "Usar mapeamento salvo" applies a saved mapping by header name (a column it does not name is
 * ignored), so a file exported every week by the same system is mapped in one step;
 * "Salvar mapeamento" keeps the current one under a name.
 */
export function SavedMappings({ header, mapping, onApply, saved, actions }: SavedMappingsProps) {
  const [list, setList] = useState(() => [...saved].sort(byName));
  const [chosen, setChosen] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const chosenMapping = list.find((m) => m.id === chosen) ?? null;

  function apply(id: string) {
    setChosen(id);
    const picked = list.find((m) => m.id === id);
    if (!picked) return;
    const next = header.map((h) => picked.columns[h] ?? null);
    onApply(next);
    setNotice(`Mapeamento “${picked.name}” aplicado: ${plural(next.filter(Boolean).length, "coluna associada", "colunas associadas")}.`);
  }

  return (
    <div className="flex flex-wrap items-end gap-2">
      {list.length > 0 && (
        <>
          <div>
            <label htmlFor="saved-mapping" className="mb-1.5 block text-sm font-medium text-slate-800">Usar mapeamento salvo</label>
            <Select id="saved-mapping" value={chosen} onChange={(event) => apply(event.target.value)} className="w-auto! min-w-48">
              <option value="">Escolha…</option>
              {list.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
            </Select>
          </div>
          {chosenMapping && (
            <Button variant="ghost" onClick={() => setConfirmingDelete(true)} aria-label={`Excluir o mapeamento ${chosenMapping.name}`}>Excluir</Button>
          )}
        </>
      )}
      <SaveMappingButton
        header={header}
        mapping={mapping}
        save={actions.saveMapping}
        onSaved={(entry) => {
          setList((current) => [...current.filter((m) => m.name !== entry.name && m.id !== entry.id), entry].sort(byName));
          setChosen(entry.id);
          setNotice(`Mapeamento “${entry.name}” salvo.`);
        }}
      />
      <p role="status" className="basis-full text-xs text-slate-600 empty:hidden">{notice}</p>
      {chosenMapping && (
        <ConfirmDialog
          isOpen={confirmingDelete}
          onOpenChange={setConfirmingDelete}
          title="Excluir mapeamento"
          summary={`Excluir o mapeamento salvo “${chosenMapping.name}”? As colunas desta importação continuam como estão.`}
          confirmLabel="Excluir mapeamento"
          onConfirm={async () => {
            const result = await actions.deleteMapping(chosenMapping.id);
            if (result.ok) {
              setList((current) => current.filter((m) => m.id !== chosenMapping.id));
              setChosen("");
              setNotice(`Mapeamento “${chosenMapping.name}” excluído.`);
            }
            return result;
          }}
        />
      )}
    </div>
  );
}

function SaveMappingButton({ header, mapping, save, onSaved }: {
  header: string[];
  mapping: (ImportField | null)[];
  save: SavedMappingsProps["actions"]["saveMapping"];
  onSaved: (entry: SavedImportMapping) => void;
}) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [failure, setFailure] = useState<{ message: string; fieldErrors: FieldErrors } | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The popover is portalled out of the settings form, but React bubbles its submit back into it.
    event.stopPropagation();
    const columns = Object.fromEntries(header.flatMap((h, i) => (mapping[i] ? [[h, mapping[i]]] : []))) as Record<string, ImportField>;
    startTransition(async () => {
      const result = await save({ name, columns });
      if (!result.ok) return setFailure({ message: result.message, fieldErrors: result.fieldErrors });
      setFailure(null);
      setOpen(false);
      onSaved({ id: result.id, name: name.trim(), columns });
    });
  }

  return (
    <PopoverButton label="Salvar mapeamento" title="Salvar mapeamento" isOpen={open} onOpenChange={setOpen}>
      <form onSubmit={submit} noValidate className="space-y-3">
        <Field label="Nome do mapeamento" hint="Se já houver um mapeamento com este nome, ele é substituído." errors={failure?.fieldErrors.name}>
          {(control) => <Input {...control} value={name} onChange={(event) => setName(event.target.value)} autoFocus maxLength={80} />}
        </Field>
        {failure && !failure.fieldErrors.name && <Alert>{failure.fieldErrors.columns?.[0] ?? failure.message}</Alert>}
        <div className="flex justify-end">
          <Button type="submit" pending={pending}>Salvar</Button>
        </div>
      </form>
    </PopoverButton>
  );
}
