"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/result";
import { channelLabels } from "@/lib/messages/channels";
import type { LiveSettings } from "@/lib/live/settings";

type Channel = keyof typeof channelLabels;
const channelList = Object.keys(channelLabels) as Channel[];
// Highest first, as the queue serves them.
const levels = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0];
const levelText = (level: number) => (level === 9 ? "9 (mais alta)" : level === 0 ? "0 (mais baixa)" : String(level));

/** Saved: `savedAt` tells one save from the next, so each shows its own notice. */
export type LiveSettingsSaved = { savedAt: number };

export type LiveSettingsFormProps = {
  action: (previous: ActionResult<LiveSettingsSaved> | null, formData: FormData) => Promise<ActionResult<LiveSettingsSaved>>;
  settings: LiveSettings;
};

/** "1º WhatsApp · 2º SMS e E-mail": the order the chosen numbers give the channels. */
export function channelOrderText(priorities: Record<Channel, number>): string {
  const distinct = [...new Set(channelList.map((c) => priorities[c]))].sort((a, b) => b - a);
  if (distinct.length === 1) return "todos no mesmo nível (decidem a prioridade do contato e a espera).";
  const names = (level: number) => channelList.filter((c) => priorities[c] === level).map((c) => channelLabels[c]);
  const together = (list: string[]) => (list.length > 1 ? `${list.slice(0, -1).join(", ")} e ${list[list.length - 1]}` : list[0]);
  return distinct.map((level, index) => `${index + 1}º ${together(names(level))}`).join(" · ");
}

/**
 * The organization's Live settings (admins): how each queue is ordered and how attendances reach
 * the operators. Every field is controlled, so a refused save keeps what was chosen.
 */
export function LiveSettingsForm({ action, settings }: LiveSettingsFormProps) {
  const [state, formAction, pending] = useActionState(action, null);
  const [priorities, setPriorities] = useState<Record<Channel, number>>(settings.channelPriorities);
  const [autoDistribution, setAutoDistribution] = useState(settings.autoDistribution);
  const [maxOpen, setMaxOpen] = useState(String(settings.maxOpenPerOperator));
  const [aging, setAging] = useState(settings.agingMinutes === null ? "" : String(settings.agingMinutes));
  const errors = state && !state.ok ? state.fieldErrors : {};
  // React resets a form after an action passed to `action` runs, and a reset unticks a controlled
  // checkbox. Dispatching from onSubmit skips that reset; `action` stays for posts before hydration.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  };

  return (
    <form action={formAction} onSubmit={submit} className="space-y-8" noValidate>
      <section aria-labelledby="live-order" className="space-y-6">
        <h2 id="live-order" className="border-b border-slate-200 pb-2 text-base font-semibold">Ordem das filas</h2>
        <Field
          label="Prioridade dos canais"
          group
          errors={errors.channelPriorities}
          hint="Número maior é atendido primeiro. Entre canais com o mesmo número, vale a prioridade do contato e depois o tempo de espera."
        >
          {() => (
            <div className="space-y-3">
              <div className="flex flex-wrap gap-4">
                {channelList.map((channel) => (
                  <Field key={channel} label={channelLabels[channel]} className="w-40">
                    {(control) => (
                      <Select
                        {...control}
                        name={`channelPriorities.${channel}`}
                        value={String(priorities[channel])}
                        onChange={(e) => setPriorities({ ...priorities, [channel]: Number(e.target.value) })}
                        aria-invalid={errors.channelPriorities ? true : undefined}
                      >
                        {levels.map((level) => <option key={level} value={level}>{levelText(level)}</option>)}
                      </Select>
                    )}
                  </Field>
                ))}
              </div>
              <p className="w-fit max-w-full rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 ring-1 ring-slate-200" aria-live="polite">
                <span className="font-medium">Ordem dos canais:</span> {channelOrderText(priorities)}
              </p>
            </div>
          )}
        </Field>

        <Field
          label="Servir um nível acima após (minutos de espera)"
          errors={errors.agingMinutes}
          hint="Vazio: desligado. Com 15, um contato Baixa que espera 15 minutos é servido como Média, e um Média como Alta: ninguém fica para sempre atrás dos mais prioritários. Até 1.440 minutos."
          className="max-w-xl"
        >
          {(control) => (
            <div className="flex items-center gap-2">
              <div className="w-28">
                <Input {...control} name="agingMinutes" type="number" inputMode="numeric" min={1} max={1440} step={1} value={aging} onChange={(e) => setAging(e.target.value)} placeholder="desligado" />
              </div>
              <span className="text-sm text-slate-600">minutos</span>
            </div>
          )}
        </Field>
      </section>

      <section aria-labelledby="live-distribution" className="space-y-6">
        <h2 id="live-distribution" className="border-b border-slate-200 pb-2 text-base font-semibold">Distribuição</h2>
        <Field
          label="Distribuição automática"
          group
          errors={errors.autoDistribution}
          hint="Ligada: cada atendimento vai, na ordem da fila, para um operador disponível dela, primeiro quem tem menos atendimentos abertos. Desligada: cada operador pega o próximo com “Atender próximo”."
          className="max-w-xl"
        >
          {(control) => (
            <label className="inline-flex items-center gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                name="autoDistribution"
                checked={autoDistribution}
                onChange={(e) => setAutoDistribution(e.target.checked)}
                aria-describedby={control["aria-describedby"]}
                aria-invalid={control["aria-invalid"]}
                className="size-4 rounded accent-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
              />
              Distribuir automaticamente aos operadores disponíveis
            </label>
          )}
        </Field>

        <Field
          label="Atendimentos simultâneos por operador"
          required
          errors={errors.maxOpenPerOperator}
          hint="Nem a distribuição automática nem “Atender próximo” dão a um operador mais atendimentos abertos do que isso. De 1 a 50."
          className="max-w-xl"
        >
          {(control) => (
            <div className="w-28">
              <Input {...control} name="maxOpenPerOperator" type="number" inputMode="numeric" min={1} max={50} step={1} required value={maxOpen} onChange={(e) => setMaxOpen(e.target.value)} />
            </div>
          )}
        </Field>
      </section>

      {state && !state.ok && Object.keys(errors).length === 0 && <Alert>{state.message}</Alert>}
      <Button type="submit" pending={pending}>Salvar configurações</Button>
      {state?.ok && <Toast key={state.savedAt} message="Configurações do Live salvas." />}
    </form>
  );
}
