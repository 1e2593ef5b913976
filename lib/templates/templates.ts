import "server-only";
import { and, asc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { messageTemplates, type Channel } from "@/db/schema";
import { failure, invalidInputMessage, type ActionResult } from "@/lib/actions/result";
import { withUniqueFieldErrors } from "@/lib/actions/unique-violation";
import { can, refuseWithout } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { contactFilters } from "@/lib/contacts/contact-filters";
import { findContacts } from "@/lib/contacts/contact-list";
import { parseId } from "@/lib/sql/ids";
import { renderTemplate } from "./render";
import { templateInput, templatePreviewInput, type TemplateInput, type TemplatePreviewInput } from "./template-input";
import { templateValuesOf } from "./values";
import type { VariableKey } from "./variables";

// The organization's message templates (/templates). Who writes them: templates.manage. Who reads
// them: whoever writes them or sends campaigns (campaigns.send). Archived templates are kept for
// the campaigns that name them, and are gone for everything here.

export type TemplateListItem = { id: string; name: string; channel: Channel; subject: string | null; excerpt: string; updatedAt: Date };
export type TemplateDetail = { id: string; name: string; channel: Channel; subject: string | null; body: string; updatedAt: Date };
export type TemplatePreview = { subject: string | null; body: string; missing: VariableKey[] };
export type PreviewContact = { id: string; name: string; customerCode: string };

const EXCERPT_LENGTH = 140;
const notFound = () => failure("not_found", "Modelo não encontrado.");
const nameInUse = { message_templates_org_name_key: { field: "name", message: "Já existe um modelo com este nome." } };

const mayRead = (viewer: Viewer) => can(viewer.role, "templates.manage") || can(viewer.role, "campaigns.send");

function inUse(viewer: Viewer, ...conditions: (SQL | undefined)[]) {
  return and(eq(messageTemplates.organizationId, viewer.organizationId), isNull(messageTemplates.archivedAt), ...conditions);
}

/**
 * The organization's templates in use, by name, optionally of one channel; null for a viewer who
 * may not read them. Not paged: an organization keeps tens of templates, not thousands.
 */
export async function listTemplates(viewer: Viewer, { channel }: { channel?: Channel } = {}): Promise<TemplateListItem[] | null> {
  if (!mayRead(viewer)) return null;
  return getDb()
    .select({
      id: messageTemplates.id,
      name: messageTemplates.name,
      channel: messageTemplates.channel,
      subject: messageTemplates.subject,
      excerpt: sql<string>`case when length(${messageTemplates.body}) > ${EXCERPT_LENGTH}::int
        then left(${messageTemplates.body}, ${EXCERPT_LENGTH - 1}::int) || '…' else ${messageTemplates.body} end`,
      updatedAt: messageTemplates.updatedAt,
    })
    .from(messageTemplates)
    .where(inUse(viewer, channel ? eq(messageTemplates.channel, channel) : undefined))
    .orderBy(asc(sql`lower(${messageTemplates.name})`), asc(messageTemplates.id));
}

/** One template in use, or null (another organization's, archived, a malformed id, a viewer who may not read it). */
export async function getTemplate(viewer: Viewer, rawId: string): Promise<TemplateDetail | null> {
  const id = parseId(rawId);
  if (!id || !mayRead(viewer)) return null;
  const [template] = await getDb()
    .select({
      id: messageTemplates.id,
      name: messageTemplates.name,
      channel: messageTemplates.channel,
      subject: messageTemplates.subject,
      body: messageTemplates.body,
      updatedAt: messageTemplates.updatedAt,
    })
    .from(messageTemplates)
    .where(inUse(viewer, eq(messageTemplates.id, id)));
  return template ?? null;
}

// Parsed again here, whoever calls: a saved template never names an unknown variable.
function parse(input: TemplateInput): ActionResult<{ input: TemplateInput }> {
  const parsed = templateInput.safeParse(input);
  return parsed.success ? { ok: true, input: parsed.data } : failure("invalid", invalidInputMessage, z.flattenError(parsed.error).fieldErrors);
}

export async function createTemplate(viewer: Viewer, rawInput: TemplateInput): Promise<ActionResult<{ id: string }>> {
  const refused = refuseWithout(viewer, "templates.manage");
  if (refused) return refused;
  const parsed = parse(rawInput);
  if (!parsed.ok) return parsed;
  const { input } = parsed;
  return withUniqueFieldErrors(nameInUse, async () => {
    const [created] = await getDb()
      .insert(messageTemplates)
      .values({ organizationId: viewer.organizationId, ...input, createdByUserId: viewer.userId })
      .returning({ id: messageTemplates.id });
    return { ok: true as const, id: created.id };
  });
}

export async function updateTemplate(viewer: Viewer, rawId: string, rawInput: TemplateInput): Promise<ActionResult> {
  const refused = refuseWithout(viewer, "templates.manage");
  if (refused) return refused;
  const id = parseId(rawId);
  if (!id) return notFound();
  const parsed = parse(rawInput);
  if (!parsed.ok) return parsed;
  return withUniqueFieldErrors(nameInUse, async () => {
    const updated = await getDb()
      .update(messageTemplates)
      .set({ ...parsed.input, updatedAt: new Date() })
      .where(inUse(viewer, eq(messageTemplates.id, id)))
      .returning({ id: messageTemplates.id });
    return updated.length > 0 ? { ok: true as const } : notFound();
  });
}

/** Takes a template out of use: no longer listed nor editable; its name is free again. */
export async function archiveTemplate(viewer: Viewer, rawId: string): Promise<ActionResult> {
  const refused = refuseWithout(viewer, "templates.manage");
  if (refused) return refused;
  const id = parseId(rawId);
  if (!id) return notFound();
  const archived = await getDb()
    .update(messageTemplates)
    .set({ archivedAt: new Date() })
    .where(inUse(viewer, eq(messageTemplates.id, id)))
    .returning({ id: messageTemplates.id });
  return archived.length > 0 ? { ok: true } : notFound();
}

/**
 * A subject and body, as being written, rendered for one contact the viewer sees — any other
 * contact, or a malformed id, is "not found", exactly alike. `missing` lists the variables that
 * would be empty for that contact, subject first.
 */
export async function previewTemplate(viewer: Viewer, rawInput: TemplatePreviewInput): Promise<ActionResult<TemplatePreview>> {
  const refused = refuseWithout(viewer, "templates.manage") && refuseWithout(viewer, "campaigns.send");
  if (refused) return refused;
  const parsed = templatePreviewInput.safeParse(rawInput);
  if (!parsed.success) return failure("invalid", invalidInputMessage, z.flattenError(parsed.error).fieldErrors);
  const { subject, body, contactId } = parsed.data;
  const values = await templateValuesOf(viewer, contactId);
  if (!values) return failure("not_found", "Contato não encontrado.", { contactId: ["Contato não encontrado."] });
  const renderedSubject = subject === null ? null : renderTemplate(subject, values);
  const renderedBody = renderTemplate(body, values);
  return {
    ok: true,
    subject: renderedSubject?.text ?? null,
    body: renderedBody.text,
    missing: [...new Set([...(renderedSubject?.missing ?? []), ...renderedBody.missing])],
  };
}

const PREVIEW_CONTACTS_MAX = 8;

/**
 * The preview's contact picker: the contact list's quick search (by name, código, document, phone
 * or e-mail), among the contacts the viewer sees; the newest ones when nothing is typed.
 */
export async function searchPreviewContacts(viewer: Viewer, typed: unknown): Promise<PreviewContact[]> {
  // Read as the list reads its search box: text the database would refuse searches nothing.
  const { q, tagAll } = contactFilters.parse({ q: typeof typed === "string" ? typed : undefined });
  const page = await findContacts(viewer, { q, tagAll, limit: PREVIEW_CONTACTS_MAX });
  // Exact matches (a código) come on top of the page: keep the first few of all.
  return page.items.slice(0, PREVIEW_CONTACTS_MAX).map(({ id, name, customerCode }) => ({ id, name, customerCode }));
}
