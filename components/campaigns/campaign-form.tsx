"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { ActionResult } from "@/lib/actions/result";
import type { AudienceDescription } from "@/lib/campaigns/audience";
import { CAMPAIGN_NAME_MAX } from "@/lib/campaigns/campaign-input";
import { plural } from "@/lib/format/number";
import { channelLabels, channels, type Channel } from "@/lib/messages/channels";
import { deliveryNote } from "@/lib/messages/delivery-note";
import { AudiencePanel } from "./audience-panel";

export type CampaignTemplateOption = { id: string; name: string; channel: Channel };
export type CampaignOption = { id: string; name: string };

export type CampaignFormProps = {
  templates: CampaignTemplateOption[];
  segments: CampaignOption[];
  savedFilters: CampaignOption[];
  /** Whether each channel's messages are delivered now (providerStatus()). */
  connected: Record<Channel, boolean>;
  describe: (input: AudienceChoices) => Promise<ActionResult<{ audience: AudienceDescription }>>;
  start: (input: AudienceChoices & { name: string }) => Promise<ActionResult>;
};

export type AudienceChoices = { channel: Channel; templateId: string; segmentIds: string[]; savedFilterId: string };

/** How long the choices rest before the audience is counted again: one count per pause, not per click. */
export const DESCRIBE_DELAY_MS = 300;

const unreachable = "Não foi possível calcular o público agora. Tente novamente em instantes.";

/** The audience's CSV for these choices (the route app/(app)/campaigns/audience). */
export function audienceCsvHref({ channel, templateId, segmentIds, savedFilterId }: AudienceChoices): string {
  const params = new URLSearchParams({ channel, templateId });
  for (const id of segmentIds) params.append("segmentIds", id);
  if (savedFilterId) params.set("savedFilterId", savedFilterId);
  return `/campaigns/audience?${params}`;
}

/** "Público da campanha": the choices on the left, their audience described at once on the right, and "Enviar". */
export function CampaignForm({ templates, segments, savedFilters, connected, describe, start }: CampaignFormProps) {
  const [name, setName] = useState("");
  const [choices, setChoices] = useState<AudienceChoices>({ channel: "whatsapp", templateId: "", segmentIds: [], savedFilterId: "" });
  const [described, setDescribed] = useState<{ for: AudienceChoices; result: ActionResult<{ audience: AudienceDescription }> } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [nameError, setNameError] = useState<string[] | undefined>();

  const complete = choices.templateId !== "" && choices.segmentIds.length > 0;
  const current = complete && described?.for === choices ? described.result : null;
  const loading = complete && described?.for !== choices;

  useEffect(() => {
    if (!complete) return;
    let cancelled = false;
    const timer = window.setTimeout(async () => {
      let result: ActionResult<{ audience: AudienceDescription }>;
      try {
        result = await describe(choices);
      } catch {
        result = { ok: false, code: "unexpected", message: unreachable, fieldErrors: {} };
      }
      if (!cancelled) setDescribed({ for: choices, result });
    }, DESCRIBE_DELAY_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [choices, complete, describe]);

  const choose = (change: Partial<AudienceChoices>) => setChoices((previous) => ({ ...previous, ...change }));
  const channelTemplates = templates.filter((template) => template.channel === choices.channel);
  const audience = current?.ok ? current.audience : null;
  const failure = current && !current.ok ? current : null;
  const errors = failure?.fieldErrors ?? {};

  function openConfirmation() {
    if (name.trim() === "") {
      setNameError(["Dê um nome à campanha."]);
      return;
    }
    setNameError(undefined);
    setConfirming(true);
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
      <form className="space-y-4 self-start rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" noValidate onSubmit={(e) => e.preventDefault()}>
        <Field label="Nome" required errors={nameError} hint="Só para a equipe: não vai na mensagem.">
          {(control) => <Input {...control} name="name" value={name} onChange={(e) => setName(e.target.value)} maxLength={CAMPAIGN_NAME_MAX} required placeholder="ex.: Aviso de vencimento — julho" />}
        </Field>
        <Field label="Canal" required group errors={errors.channel} hint={deliveryNote(choices.channel, connected[choices.channel])}>
          {() => (
            <div className="flex flex-wrap gap-4">
              {channels.map((channel) => (
                <label key={channel} className="flex items-center gap-2 text-sm">
                  <input
                    type="radio"
                    name="channel"
                    value={channel}
                    checked={choices.channel === channel}
                    onChange={() => choose({ channel, templateId: templates.find((t) => t.id === choices.templateId)?.channel === channel ? choices.templateId : "" })}
                  />
                  {channelLabels[channel]}
                </label>
              ))}
            </div>
          )}
        </Field>
        <Field
          label="Modelo"
          required
          errors={errors.templateId}
          hint={
            <>
              {channelTemplates.length === 0 ? `Nenhum modelo de ${channelLabels[choices.channel]} ainda. ` : null}
              <Link href="/templates/new" className="text-indigo-700 hover:underline">Criar um modelo</Link>
            </>
          }
        >
          {(control) => (
            <Select {...control} name="templateId" value={choices.templateId} onChange={(e) => choose({ templateId: e.target.value })} required>
              <option value="">Escolha…</option>
              {channelTemplates.map((template) => (
                <option key={template.id} value={template.id}>{template.name}</option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Segmentos" required group errors={errors.segmentIds} hint={segments.length === 0 ? "Você não tem segmentos: peça a um administrador." : undefined}>
          {() => (
            <div className="grid max-h-60 gap-1 overflow-y-auto sm:grid-cols-2">
              {segments.map((segment) => (
                <label key={segment.id} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    name="segmentIds"
                    value={segment.id}
                    checked={choices.segmentIds.includes(segment.id)}
                    onChange={(e) =>
                      choose({ segmentIds: e.target.checked ? [...choices.segmentIds, segment.id] : choices.segmentIds.filter((id) => id !== segment.id) })
                    }
                  />
                  {segment.name}
                </label>
              ))}
            </div>
          )}
        </Field>
        <Field label="Filtro salvo" errors={errors.savedFilterId} hint="Opcional: só os contatos que ele encontra.">
          {(control) => (
            <Select {...control} name="savedFilterId" value={choices.savedFilterId} onChange={(e) => choose({ savedFilterId: e.target.value })}>
              <option value="">Nenhum</option>
              {savedFilters.map((filter) => (
                <option key={filter.id} value={filter.id}>{filter.name}</option>
              ))}
            </Select>
          )}
        </Field>
        <div className="flex flex-wrap gap-2">
          <Button type="button" onClick={openConfirmation} disabled={!audience || audience.sendable === 0}>Enviar</Button>
          <Link href="/campaigns" className={buttonClasses("secondary")}>Voltar</Link>
        </div>
        {nameError && <Alert>Revise os campos destacados.</Alert>}
      </form>

      <AudiencePanel
        channel={choices.channel}
        audience={audience}
        loading={loading}
        error={failure && Object.keys(failure.fieldErrors).length === 0 ? failure.message : null}
        csvHref={audience ? audienceCsvHref(choices) : null}
      />

      {audience && (
        <ConfirmDialog
          isOpen={confirming}
          onOpenChange={setConfirming}
          title={`Enviar ${name.trim()}`}
          summary={`Enviar para ${plural(audience.sendable, "contato", "contatos")} por ${channelLabels[choices.channel]}?`}
          details={[
            ...(audience.incomplete > 0 ? [`${plural(audience.incomplete, "contato incompleto fica", "contatos incompletos ficam")} de fora.`] : []),
            deliveryNote(choices.channel, connected[choices.channel]),
          ]}
          note="Depois de enviada, a campanha não pode ser desfeita."
          confirmLabel="Enviar"
          tone="primary"
          onConfirm={() => start({ name, ...choices })}
        />
      )}
    </div>
  );
}
