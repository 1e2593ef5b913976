import type { ContactConsent, HistoryChange } from "@/db/schema";
import { channelLabels, channels, type Channel } from "@/lib/messages/channels";
import { formatPhone } from "@/lib/phones/phone";
import type { ConsentInput } from "./contact-input";
import { channelOfConsentField, consentHistoryField, consentStatusWords, type ConsentHistoryField, type ConsentStatus } from "./consent-labels";
import { priorityLabels, type Priority } from "./priority";

/**
 * A contact as the history records it: names rather than ids, so it still reads after renames.
 * Consent is one entry per channel, its status only: when and by whom are the history row's own.
 */
export type ContactSnapshot = {
  name: string;
  document: string;
  customerCode: string;
  responsible: string | null;
  tags: string[];
  priority: string;
  segments: string[];
  phones: string[];
  emails: string[];
} & Record<ConsentHistoryField, ConsentStatus | null>;

/** The consent statuses after a write: each channel given takes its answer (null: cleared), the others keep the stored one. */
export function consentSnapshot(stored: ContactConsent, given: ConsentInput = {}): Record<ConsentHistoryField, ConsentStatus | null> {
  const entry = (channel: Channel) => [consentHistoryField(channel), given[channel] !== undefined ? given[channel] : (stored[channel]?.status ?? null)];
  return Object.fromEntries(channels.map(entry)) as Record<ConsentHistoryField, ConsentStatus | null>;
}

/** The fields that differ, from what to what; every field when there is no "before" (a creation). */
export function diffSnapshots(before: ContactSnapshot | null, after: ContactSnapshot): HistoryChange[] {
  const changes: HistoryChange[] = [];
  for (const field of Object.keys(after) as (keyof ContactSnapshot)[]) {
    const from = before ? before[field] : null;
    const to = after[field];
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    if (!before && (to === null || (Array.isArray(to) && to.length === 0))) continue;
    changes.push({ field, from, to });
  }
  return changes;
}

const scalarLabels: Record<string, string> = {
  name: "Nome",
  document: "CPF / CNPJ",
  customerCode: "Código do Cliente",
  responsible: "Responsável",
  priority: "Prioridade",
};

// Lists read as what came in and what went out, with the participle agreeing with the noun.
const listLabels: Record<string, { noun: string; added: string; removed: string; reordered: string }> = {
  tags: { noun: "Hashtags", added: "adicionadas", removed: "removidas", reordered: "reordenadas" },
  segments: { noun: "Segmentos", added: "adicionados", removed: "removidos", reordered: "reordenados" },
  phones: { noun: "Telefones", added: "adicionados", removed: "removidos", reordered: "reordenados" },
  emails: { noun: "E-mails", added: "adicionados", removed: "removidos", reordered: "reordenados" },
};

function item(field: string, value: string): string {
  if (field === "tags") return `#${value}`;
  if (field === "phones") return formatPhone(value);
  return value;
}

function scalar(field: string, value: unknown): string {
  return field === "priority" ? (priorityLabels[value as Priority] ?? String(value)) : String(value);
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);

/**
 * One recorded change in words: "Responsável definido: Ana Souza", "Responsável removido (era Ana
 * Souza)", "Prioridade: de Média para Alta", "Hashtags adicionadas: #vip; removidas: #novo",
 * "Consentimento (WhatsApp): não informado → aceita".
 */
export function describeChange({ field, from, to }: HistoryChange): string {
  const channel = channelOfConsentField(field);
  if (channel) return `Consentimento (${channelLabels[channel]}): ${consentStatusWords(from as ConsentStatus | null)} → ${consentStatusWords(to as ConsentStatus | null)}`;
  const list = listLabels[field];
  if (list) {
    const before = (Array.isArray(from) ? from : []) as string[];
    const after = (Array.isArray(to) ? to : []) as string[];
    const added = after.filter((v) => !before.includes(v)).map((v) => item(field, v));
    const removed = before.filter((v) => !after.includes(v)).map((v) => item(field, v));
    if (added.length === 0 && removed.length === 0) {
      // Same items in another order: the first phone or e-mail is the main one.
      return `${list.noun} ${list.reordered}: ${after.map((v) => item(field, v)).join(", ")}`;
    }
    const parts = [];
    if (added.length > 0) parts.push(`${list.added}: ${added.join(", ")}`);
    if (removed.length > 0) parts.push(`${list.removed}: ${removed.join(", ")}`);
    return `${list.noun} ${parts.join("; ")}`;
  }
  const label = scalarLabels[field] ?? field;
  if (isEmpty(from)) return `${label} definido: ${scalar(field, to)}`;
  if (isEmpty(to)) return `${label} removido (era ${scalar(field, from)})`;
  return `${label}: de ${scalar(field, from)} para ${scalar(field, to)}`;
}
