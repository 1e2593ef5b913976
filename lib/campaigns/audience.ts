import "server-only";
import { and, asc, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb, rowsOf } from "@/db/client";
import type { Channel } from "@/db/enums";
import { segments } from "@/db/schema";
import { failure, invalidInputMessage, type ActionResult, type FieldErrors } from "@/lib/actions/result";
import { can, refuseWithout } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import type { ContactFilters } from "@/lib/contacts/contact-filters";
import { matching } from "@/lib/contacts/contact-list";
import { consentGranted, reachableBy } from "@/lib/contacts/consent";
import { readStoredFilters, type StoredContactFilters } from "@/lib/contacts/stored-filters";
import { contactInSegments, contactVisibleTo } from "@/lib/contacts/visibility";
import { channelLabels } from "@/lib/messages/channels";
import { getUsableSavedFilter } from "@/lib/saved-filters/saved-filters";
import { activeSegmentsOf, type SegmentOption } from "@/lib/segments/queries";
import { partsOf } from "@/lib/templates/render";
import { missingVariablesSql, renderTemplateSql } from "@/lib/templates/render-sql";
import { getTemplate, type TemplateDetail } from "@/lib/templates/templates";
import type { VariableKey } from "@/lib/templates/variables";
import { campaignAudienceInput, type CampaignAudienceInput } from "./campaign-input";

// A campaign's audience: the contacts the viewer sees (contactVisibleTo), in one of the chosen
// segments — only segments the viewer may pick: a supervisor's own, an admin's any active one —
// and, optionally, matching a saved filter the viewer may use (its own conditions, visibility
// included). The same condition counts the audience, lists its pre-flight check, draws the
// preview, streams its CSV and, re-evaluated at send time for the creator as they are then,
// chooses who the send writes to.
//
// The declared rule for incomplete contacts: a reachable contact (consent granted and an address
// on the channel) for whom a variable of the template would be empty is NOT sent. The pre-flight
// check lists them so the user fixes them first; the send writes reachable AND complete contacts.

/** The audience as stored on a campaign, and read back by its send. */
export type AudienceDefinition = { segmentIds: string[]; filters: StoredContactFilters | null };

export type ResolvedAudience = {
  template: TemplateDetail;
  segments: SegmentOption[];
  savedFilter: { id: string; name: string; stored: StoredContactFilters } | null;
};

export type PreflightContact = { contactId: string; name: string; customerCode: string; missing: VariableKey[] };
export type AudienceSample = { name: string; customerCode: string; address: string; subject: string | null; body: string };

export type AudienceDescription = {
  templateName: string;
  matched: number;
  /** Consent granted and an address on the channel, complete or not. */
  reachable: number;
  /** Reachable, with a variable that would be empty: not sent. */
  incomplete: number;
  /** Reachable and complete: the messages a send would write now. */
  sendable: number;
  preflight: PreflightContact[];
  samples: AudienceSample[];
};

export const PREFLIGHT_MAX = 20;
const SAMPLES_MAX = 3;

/** The pickable segments among these ids, for the viewer. */
async function pickableSegments(viewer: Viewer, ids: string[]): Promise<SegmentOption[]> {
  const where = activeSegmentsOf(viewer, can(viewer.role, "contacts.viewAll"));
  if (!where || ids.length === 0) return [];
  return getDb().select({ id: segments.id, name: segments.name }).from(segments).where(and(where, inArray(segments.id, ids))).orderBy(asc(segments.name));
}

/** The segments a viewer may build an audience from: a supervisor's own, an admin's every active one. */
export async function listAudienceSegments(viewer: Viewer): Promise<SegmentOption[]> {
  if (!can(viewer.role, "campaigns.send")) return [];
  const where = activeSegmentsOf(viewer, can(viewer.role, "contacts.viewAll"));
  if (!where) return [];
  return getDb().select({ id: segments.id, name: segments.name }).from(segments).where(where).orderBy(asc(segments.name));
}

/**
 * Checks the choices against what the viewer may use: the permission, a template in use of the
 * chosen channel, segments they may pick, a saved filter of theirs or shared. Each refusal is a
 * field error; another organization's id is refused exactly like a malformed one.
 */
export async function resolveAudience(viewer: Viewer, rawInput: unknown): Promise<ActionResult<{ input: CampaignAudienceInput; audience: ResolvedAudience }>> {
  const refused = refuseWithout(viewer, "campaigns.send");
  if (refused) return refused;
  const parsed = campaignAudienceInput.safeParse(rawInput);
  if (!parsed.success) return failure("invalid", invalidInputMessage, z.flattenError(parsed.error).fieldErrors);
  const input = parsed.data;
  const [template, chosen, savedFilter] = await Promise.all([
    getTemplate(viewer, input.templateId),
    pickableSegments(viewer, input.segmentIds),
    input.savedFilterId ? getUsableSavedFilter(viewer, input.savedFilterId) : null,
  ]);
  const fieldErrors: FieldErrors = {};
  if (!template || template.channel !== input.channel) fieldErrors.templateId = [`Escolha um modelo de ${channelLabels[input.channel]}.`];
  if (chosen.length !== input.segmentIds.length) fieldErrors.segmentIds = ["Segmento não encontrado: escolha entre os seus segmentos."];
  if (input.savedFilterId && !savedFilter) fieldErrors.savedFilterId = ["Filtro salvo não encontrado."];
  if (Object.keys(fieldErrors).length > 0) return failure("invalid", invalidInputMessage, fieldErrors);
  return {
    ok: true,
    input,
    audience: { template: template!, segments: chosen, savedFilter: savedFilter && { id: savedFilter.id, name: savedFilter.name, stored: savedFilter.stored } },
  };
}

/** The audience's condition over `contacts` (unaliased), for this viewer as they are now. */
export function audienceCondition(viewer: Viewer, definition: AudienceDefinition): SQL {
  const filters: ContactFilters | null = definition.filters ? readStoredFilters(definition.filters) : null;
  return and(...(filters ? matching(viewer, filters) : [contactVisibleTo(viewer)]), contactInSegments(definition.segmentIds))!;
}

export type MessageTemplateText = { subject: string | null; body: string };

/**
 * The template's variables that would be empty for the contact, subject and body together (each
 * once, subject first): one `text[]` over contacts.
 */
export function missingSql(template: MessageTemplateText): SQL<VariableKey[]> {
  return missingVariablesSql([...(template.subject === null ? [] : partsOf(template.subject)), ...partsOf(template.body)]);
}

/** The address a message goes to: the contact's first phone (WhatsApp, SMS) or first e-mail. */
export function addressSql(channel: Channel): SQL<string | null> {
  return channel === "email" ? sql`contacts.emails[1]` : sql`contacts.phones[1]`;
}

/** The contacts a send writes to: reachable on the channel, and with no empty variable. */
export function sendableSql(channel: Channel, template: MessageTemplateText): SQL {
  return sql`${reachableBy(channel)} and cardinality(${missingSql(template)}) = 0`;
}

/** Why a contact of the audience gets no message (the CSV's "motivo"), or null when it gets one. */
export function exclusionReasonSql(channel: Channel, template: MessageTemplateText): SQL<string | null> {
  const noAddress = channel === "email" ? "Sem e-mail" : "Sem telefone";
  return sql`case
    when not ${consentGranted(channel)} then ${`Sem consentimento para ${channelLabels[channel]}`}::text
    when ${addressSql(channel)} is null then ${noAddress}::text
    when cardinality(${missingSql(template)}) > 0 then 'Dados incompletos'::text
    end`;
}

export type AudienceCounts = Pick<AudienceDescription, "matched" | "reachable" | "incomplete" | "sendable">;

/** The audience's figures, in one pass over its contacts. */
export async function countAudience(where: SQL, channel: Channel, template: MessageTemplateText): Promise<AudienceCounts> {
  const reachable = reachableBy(channel);
  const [figures] = rowsOf<{ matched: number; reachable: number; incomplete: number }>(
    await getDb().execute(sql`
      select count(*)::int as matched, count(*) filter (where ${reachable})::int as reachable,
        count(*) filter (where ${reachable} and cardinality(${missingSql(template)}) > 0)::int as incomplete
      from contacts where ${where}`),
  );
  return { ...figures, sendable: figures.reachable - figures.incomplete };
}

/**
 * What the audience would be, as the user chooses it: the three figures (one aggregate query),
 * the first reachable contacts with an empty variable (the pre-flight check, by name) and the
 * message as three reachable, complete contacts would get it — rendered by the SQL the send uses.
 */
export async function describeAudience(viewer: Viewer, rawInput: unknown): Promise<ActionResult<{ audience: AudienceDescription }>> {
  const resolved = await resolveAudience(viewer, rawInput);
  if (!resolved.ok) return resolved;
  const { input, audience } = resolved;
  const { template } = audience;
  const where = audienceCondition(viewer, { segmentIds: input.segmentIds, filters: audience.savedFilter?.stored ?? null });
  const reachable = reachableBy(input.channel);
  const missing = missingSql(template);
  const database = getDb();
  const [counts, preflight, samples] = await Promise.all([
    countAudience(where, input.channel, template),
    database.execute(sql`
      select * from (select contacts.id as "contactId", contacts.name, contacts.customer_code as "customerCode", ${missing} as missing
        from contacts where ${where} and ${reachable}) c
      where cardinality(c.missing) > 0 order by c.name, c."contactId" limit ${PREFLIGHT_MAX}`),
    database.execute(sql`
      select contacts.name, contacts.customer_code as "customerCode", ${addressSql(input.channel)} as address,
        ${template.subject === null ? sql`null::text` : renderTemplateSql(template.subject)} as subject, ${renderTemplateSql(template.body)} as body
      from contacts where ${where} and ${sendableSql(input.channel, template)}
      order by contacts.name, contacts.id limit ${SAMPLES_MAX}`),
  ]);
  return {
    ok: true,
    audience: {
      templateName: template.name,
      ...counts,
      preflight: rowsOf<PreflightContact>(preflight),
      samples: rowsOf<AudienceSample>(samples),
    },
  };
}
