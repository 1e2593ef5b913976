import "server-only";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { getDb, type Transaction } from "@/db/client";
import { contacts, segments, users, type ChangeSource, type ContactConsent } from "@/db/schema";
import { failure, invalidInputMessage, type ActionResult } from "@/lib/actions/result";
import { withUniqueFieldErrors, type UniqueFields } from "@/lib/actions/unique-violation";
import { recordAudit } from "@/lib/audit/audit";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { formatDocument } from "@/lib/documents/document";
import { formatTime } from "@/lib/format/date";
import type { ConsentInput, ContactInput, ContactUpdateInput } from "./contact-input";
import { consentAfter } from "./consent";
import { consentSnapshot, diffSnapshots, type ContactSnapshot } from "./history";
import { authorizeContactWrite } from "./permissions";
import { loadVisibleContact, type LoadedContact } from "./queries";
import { contactVisibleTo } from "./visibility";
import * as writer from "./writer";
import { textArray } from "@/lib/sql/arrays";

const notFound = () => failure("not_found", "Contato não encontrado.");

/**
 * Creates a contact with its segments and its first history row, in one transaction: either all
 * of it is written or nothing is. `then` runs in that transaction with the new id (Live links its
 * attendance there).
 */
export async function createContact(
  viewer: Viewer,
  input: ContactInput,
  source: ChangeSource,
  then?: (tx: Transaction, id: string) => Promise<void>,
): Promise<ActionResult<{ id: string }>> {
  const authorized = await authorizeContactWrite(viewer, input, null);
  if (!authorized.ok) return failure("forbidden", invalidInputMessage, authorized.fieldErrors);
  const { segmentIds, responsibleUserId } = authorized.value;

  return withUniqueFieldErrors(uniqueFields, () =>
    getDb().transaction(async (tx) => {
      const after = await snapshotOf(tx, viewer, { ...input, responsibleUserId, segmentIds }, {});
      const fields = { ...storedFields(input, responsibleUserId), consent: consentWritten(sql`'{}'::jsonb`, input.consent, viewer, source) };
      const id = await writer.createContact(tx, { viewer, source }, fields, segmentIds, diffSnapshots(null, after));
      await then?.(tx, id);
      return { ok: true as const, id };
    }),
  );
}

/**
 * Updates a visible contact if it is still at `expectedVersion` (optimistic concurrency): when
 * someone saved in between, nothing is written and the answer says who and when. `then` runs in the
 * same transaction once the contact is written (or found unchanged): Send Message queues its message there.
 */
export async function updateContact(
  viewer: Viewer,
  id: string,
  expectedVersion: number,
  edit: ContactUpdateInput,
  source: ChangeSource,
  then?: (tx: Transaction) => Promise<void>,
): Promise<ActionResult<{ id: string }>> {
  const current = await loadVisibleContact(viewer, id);
  if (!current) return notFound();
  // An edit without the document keeps the stored one (the form sends it only once revealed or replaced).
  const input: ContactInput = { document: current.document, documentType: current.documentType, ...edit };
  const authorized = await authorizeContactWrite(viewer, input, current);
  if (!authorized.ok) return failure("forbidden", invalidInputMessage, authorized.fieldErrors);
  const { segmentIds, responsibleUserId } = authorized.value;

  return withUniqueFieldErrors(uniqueFields, () =>
    getDb().transaction(async (tx) => {
      const before = snapshotOfLoaded(current);
      const after = await snapshotOf(tx, viewer, { ...input, responsibleUserId, segmentIds }, current.consent);
      const changes = diffSnapshots(before, after);
      // A save that changes nothing writes nothing: no new version to conflict with others' saves.
      if (changes.length === 0) {
        await then?.(tx);
        return { ok: true as const, id };
      }
      const set = sql`${assignments(input, responsibleUserId)}, consent = ${consentWritten(sql`contacts.consent`, input.consent, viewer, source)}`;
      const written = await writer.updateContact(tx, { viewer, source }, id, expectedVersion, set, changes);
      if (!written) return conflict(tx, viewer, id);

      const currentIds = current.segments.map((s) => s.id);
      await writer.relinkContact(tx, { viewer, source }, id, {
        add: segmentIds.filter((s) => !currentIds.includes(s)),
        remove: currentIds.filter((s) => !segmentIds.includes(s)),
      });
      // Who is responsável for whom is an administrative decision: it is audited too.
      const responsible = changes.find((c) => c.field === "responsible");
      if (responsible) {
        await recordAudit(tx, viewer, {
          action: "contact.responsible_change",
          targetId: id,
          targetLabel: input.name,
          details: { from: responsible.from, to: responsible.to },
        });
      }
      await then?.(tx);
      return { ok: true as const, id };
    }),
  );
}

/** Deletes a contact (admins only); its history stays, ending with the deletion. */
export async function deleteContact(viewer: Viewer, id: string, source: ChangeSource): Promise<ActionResult> {
  if (!can(viewer.role, "contacts.delete")) return failure("forbidden", "Apenas administradores excluem contatos.");
  const current = await loadVisibleContact(viewer, id);
  if (!current) return notFound();
  const deleted = await getDb().transaction((tx) => writer.deleteContacts(tx, { viewer, source }, { where: sql`contacts.id = ${id}::uuid` }));
  return deleted.count === 1 ? { ok: true } : notFound();
}

/** Shows the full CPF/CNPJ of a visible contact, and records that it was seen. */
export async function revealContactDocument(viewer: Viewer, id: string): Promise<ActionResult<{ document: string }>> {
  const current = await loadVisibleContact(viewer, id);
  if (!current) return notFound();
  const recorded = await getDb().transaction((tx) => writer.recordContactAccess(tx, { viewer, source: "form" }, id, "reveal_document"));
  if (!recorded) return notFound();
  return { ok: true, document: formatDocument(current.document, current.documentType) };
}

async function conflict(tx: Transaction, viewer: Viewer, id: string) {
  const [latest] = await tx
    .select({ version: contacts.version, updatedAt: contacts.updatedAt, by: users.name })
    .from(contacts)
    .leftJoin(users, and(eq(users.organizationId, contacts.organizationId), eq(users.id, contacts.updatedByUserId)))
    .where(and(contactVisibleTo(viewer), eq(contacts.id, id)));
  if (!latest) return notFound();
  const who = latest.by ?? "outra pessoa";
  return {
    ...failure("conflict", `Este contato foi alterado por ${who} às ${formatTime(latest.updatedAt)}. Revise e salve novamente.`),
    currentVersion: latest.version,
  };
}

/** The contact's own columns, as a create or an edit writes them. */
function storedFields(input: ContactInput, responsibleUserId: string | null) {
  const { name, document, documentType, customerCode, tags, priority, phones, emails } = input;
  return { name, document, documentType, customerCode, responsibleUserId, tags, priority, phones, emails };
}

/** The same columns as `set` assignments of an update. */
function assignments(input: ContactInput, responsibleUserId: string | null) {
  return sql`name = ${input.name}, document = ${input.document}, document_type = ${input.documentType},
    customer_code = ${input.customerCode}, responsible_user_id = ${responsibleUserId}::uuid, tags = ${textArray(input.tags)},
    priority = ${input.priority}, phones = ${textArray(input.phones)}, emails = ${textArray(input.emails)}`;
}

/** The consent column after the write: answers that change are stamped now, by the viewer, through `source`. */
function consentWritten(current: SQL, given: ConsentInput, viewer: Viewer, source: ChangeSource) {
  return consentAfter(current, sql`${JSON.stringify(given)}::jsonb`, { source, by: viewer.name });
}

function snapshotOfLoaded(contact: LoadedContact): ContactSnapshot {
  return {
    name: contact.name,
    document: contact.document,
    customerCode: contact.customerCode,
    responsible: contact.responsibleName,
    tags: contact.tags,
    priority: contact.priority,
    segments: contact.segments.map((s) => s.name).sort(),
    phones: contact.phones,
    emails: contact.emails,
    ...consentSnapshot(contact.consent),
  };
}

/** The contact as `value` leaves it; `storedConsent` is what the consent answers not given keep. */
async function snapshotOf(tx: Transaction, viewer: Viewer, value: ContactInput, storedConsent: ContactConsent): Promise<ContactSnapshot> {
  const organizationId = viewer.organizationId;
  const segmentNames =
    value.segmentIds.length === 0
      ? []
      : await tx
          .select({ name: segments.name })
          .from(segments)
          .where(and(eq(segments.organizationId, organizationId), inArray(segments.id, value.segmentIds)));
  const [responsible] = value.responsibleUserId
    ? await tx
        .select({ name: users.name })
        .from(users)
        .where(and(eq(users.organizationId, organizationId), eq(users.id, value.responsibleUserId)))
    : [];
  return {
    name: value.name,
    document: value.document,
    customerCode: value.customerCode,
    responsible: responsible?.name ?? null,
    tags: value.tags,
    priority: value.priority,
    segments: segmentNames.map((s) => s.name).sort(),
    phones: value.phones,
    emails: value.emails,
    ...consentSnapshot(storedConsent, value.consent),
  };
}

const uniqueFields: UniqueFields = {
  contacts_org_customer_code_key: { field: "customerCode", message: "Este código do cliente já está em uso." },
  contacts_org_document_key: { field: "document", message: "Este CPF/CNPJ já está em uso." },
};
