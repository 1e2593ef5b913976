"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { ActionResult } from "@/lib/actions/result";
import { roleLabels } from "@/lib/auth/roles";

type Person = { id: string; name: string; email: string; role: "operator" | "supervisor" | "admin" };


export type SegmentMembersProps = {
  segmentName: string;
  members: Person[];
  candidates: Person[];
  add: (userId: string) => Promise<ActionResult>;
  remove: (userId: string) => Promise<ActionResult>;
};

/** Members see the segment's contacts from their next request on; removing one takes it away as fast. */
export function SegmentMembers({ segmentName, members, candidates, add, remove }: SegmentMembersProps) {
  const [pending, startTransition] = useTransition();
  const [chosen, setChosen] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Person | null>(null);
  const run = (work: () => Promise<ActionResult>, after?: () => void) =>
    startTransition(async () => {
      const result = await work();
      if (result.ok) {
        setError(null);
        after?.();
      } else setError(result.fieldErrors.userId?.[0] ?? result.message);
    });

  return (
    <div className="space-y-4">
      {members.length === 0 ? (
        <p className="text-sm text-slate-500">Ninguém ainda: só administradores e os responsáveis veem os contatos de {segmentName}.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
          {members.map((m) => (
            <li key={m.id} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
              <span>
                <span className="font-medium">{m.name}</span> <span className="text-slate-500">· {m.email} · {roleLabels[m.role]}</span>
              </span>
              <Button variant="ghost" disabled={pending} onClick={() => setRemoving(m)} aria-label={`Remover ${m.name} de ${segmentName}`}>
                Remover
              </Button>
            </li>
          ))}
        </ul>
      )}
      {candidates.length > 0 && (
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            if (chosen) run(() => add(chosen), () => setChosen(""));
          }}
        >
          <Field label="Adicionar membro" errors={error ? [error] : undefined}>
            {(control) => (
              <Select {...control} value={chosen} onChange={(e) => setChosen(e.target.value)} className="min-w-64">
                <option value="">Escolha um operador ou supervisor…</option>
                {candidates.map((c) => <option key={c.id} value={c.id}>{c.name} ({roleLabels[c.role]})</option>)}
              </Select>
            )}
          </Field>
          <Button type="submit" variant="secondary" pending={pending} disabled={!chosen}>Adicionar</Button>
        </form>
      )}
      {error && candidates.length === 0 && <p role="alert" className="text-sm text-red-700">{error}</p>}
      <ConfirmDialog
        isOpen={removing !== null}
        onOpenChange={(open) => !open && setRemoving(null)}
        title="Remover membro"
        summary={`Remover ${removing?.name} do segmento ${segmentName}? A partir da próxima página que abrir, deixa de ver os contatos de ${segmentName}.`}
        details={[
          "Os contatos que vê por outro segmento ou como responsável continuam visíveis.",
          "Você pode adicionar de novo a qualquer momento.",
        ]}
        confirmLabel={`Remover ${removing?.name ?? ""}`}
        onConfirm={() => (removing ? remove(removing.id) : Promise.resolve())}
      />
    </div>
  );
}
