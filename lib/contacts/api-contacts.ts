import "server-only";
import { and, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb, rowsOf, type Transaction } from "@/db/client";
import type { ContactConsent, DocumentType, Priority } from "@/db/schema";
import { failure, invalidInputMessage, type ActionResult } from "@/lib/actions/result";
import type { Viewer } from "@/lib/auth/viewer";
import { portugueseIssues } from "@/lib/http/problem";
import { listAssignableSegments } from "@/lib/segments/queries";
import { decodeCursor, encodeCursor } from "@/lib/sql/keyset-cursor";
import { apiContactWrite, type ApiContact, type ApiContactQuery } from "./api-contact-input";
import { createContact, updateContact } from "./mutations";
import { quickSearch } from "./quick-search";
import { contactVisibleTo } from "./visibility";

// The public API's contacts (/api/v1/contacts): found by código, listed for a sync, created,
// replaced and patched — through the same visibility predicate, permission checks and contact writer
// as the screens, as the key's viewer (lib/api-keys/api-viewer.ts).

type Row = {
  id: string;
  customer_code: string;
  name: string;
  document: string;
  document_type: DocumentType;
  priority: Priority;
  tags: string[];
  phones: string[];
  emails: string[];
  consent: ContactConsent;
  version: number;
  created_at: string;
  updated_at: string;
  responsible: { id: string; name: string; email: string } | null;
  segments: { id: string; name: string }[];
};

// Timestamps as ISO text read by PostgreSQL itself: they keep their microseconds, which the keyset
// cursor needs, and read the same on both drivers.
const columns = sql`contacts.id, contacts.customer_code, contacts.name, contacts.document, contacts.document_type,
  contacts.priority, contacts.tags, contacts.phones, contacts.emails, contacts.consent, contacts.version,
  to_json(contacts.created_at) #>> '{}' as created_at, to_json(contacts.updated_at) #>> '{}' as updated_at,
  (select json_build_object('id', u.id, 'name', u.name, 'email', u.email) from users u
    where u.organization_id = contacts.organization_id and u.id = contacts.responsible_user_id) as responsible,
  coalesce((select json_agg(json_build_object('id', s.id, 'name', s.name) order by s.name) from segments s
    where s.organization_id = contacts.organization_id and s.id = any(contacts.segment_ids)), '[]'::json) as segments`;

function toApiContact(row: Row): ApiContact {
  return {
    customerCode: row.customer_code,
    name: row.name,
    document: row.document,
    documentType: row.document_type,
    priority: row.priority,
    tags: row.tags,
    phones: row.phones,
    emails: row.emails,
    segments: row.segments,
    responsible: row.responsible,
    consent: row.consent,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function selectContacts(where: SQL, tail: SQL = sql``): Promise<Row[]> {
  return rowsOf<Row>(await getDb().execute(sql`select ${columns} from contacts where ${where} ${tail}`));
}

async function findByCode(viewer: Viewer, customerCode: string): Promise<Row | null> {
  // Exact código: the unique index (organization_id, customer_code).
  const [row] = await selectContacts(and(contactVisibleTo(viewer), sql`contacts.customer_code = ${customerCode}`)!);
  return row ?? null;
}

/** The visible contact with this código, or null: an invisible one and a missing one look the same. */
export async function getApiContact(viewer: Viewer, customerCode: string): Promise<ApiContact | null> {
  const row = await findByCode(viewer, customerCode);
  return row && toApiContact(row);
}

export type ApiContactList = { data: ApiContact[]; nextCursor: string | null };

/**
 * The visible contacts matching one lookup, oldest change first (keyset on updated_at, id: the
 * contacts_org_updated_idx index), so that an integration can sync with `updatedSince` and follow
 * the pages without missing or repeating a contact. A forged cursor gives the first page.
 */
export async function listApiContacts(viewer: Viewer, query: ApiContactQuery): Promise<ApiContactList> {
  const conditions: SQL[] = [contactVisibleTo(viewer)];
  if (query.customerCode) conditions.push(sql`contacts.customer_code = ${query.customerCode}`);
  if (query.document) conditions.push(sql`contacts.document = ${query.document}`);
  if (query.phone) conditions.push(sql`contacts.phones @> array[${query.phone}]::text[]`);
  if (query.email) conditions.push(sql`contacts.emails @> array[${query.email}]::text[]`);
  if (query.q) conditions.push(quickSearch(query.q));
  if (query.updatedSince) conditions.push(sql`contacts.updated_at >= ${query.updatedSince}::timestamptz`);
  const cursor = decodeCursor(query.cursor, ["timestamptz", "uuid"]);
  if (cursor) conditions.push(sql`(contacts.updated_at, contacts.id) > (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`);

  const rows = await selectContacts(
    and(...conditions)!,
    sql`order by contacts.updated_at, contacts.id limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(toApiContact),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.updated_at, last.id]) : null,
  };
}

/** An If-Match / If-None-Match precondition: the versions the client last saw, or "*" (any). */
export type Precondition = { ifMatch?: number[] | "*"; ifNoneMatch?: "*" };

export type ApiContactWrite = ActionResult<{ contact: ApiContact; created: boolean }> | { ok: false; code: "precondition_failed"; message: string };

const preconditionFailed = (message: string) => ({ ok: false as const, code: "precondition_failed" as const, message });

/**
 * PUT: creates the contact with this código, or replaces every field of the visible one (a field
 * left out is emptied). Segments the key may not change are kept, as on the edit form.
 */
export async function putApiContact(viewer: Viewer, customerCode: string, body: unknown, precondition: Precondition): Promise<ApiContactWrite> {
  if (!isObject(body)) return invalidBody();
  if ("customerCode" in body && body.customerCode !== customerCode) {
    return failure("invalid", invalidInputMessage, { customerCode: ["O código do corpo difere do código do endereço: para trocá-lo, use PATCH."] });
  }
  const current = await findByCode(viewer, customerCode);
  if (current && precondition.ifNoneMatch) return preconditionFailed("Já existe um contato com este código.");
  if (!current && precondition.ifMatch) return preconditionFailed("Não existe contato com este código.");
  if (current && !matches(precondition, current.version)) return stale(current.version);

  const parsed = apiContactWrite.safeParse({ ...body, customerCode });
  if (!parsed.success) return invalid(parsed.error);
  if (!current) {
    const created = await createContact(viewer, parsed.data, "api");
    return created.ok ? answer(viewer, created.id, true) : created;
  }
  return write(viewer, current, parsed.data);
}

/** PATCH: changes only the fields sent; the rest stay as they are. `then` runs in the write's transaction. */
export async function patchApiContact(
  viewer: Viewer,
  customerCode: string,
  body: unknown,
  precondition: Precondition,
  then?: (tx: Transaction) => Promise<void>,
): Promise<ApiContactWrite> {
  if (!isObject(body)) return invalidBody();
  const current = await findByCode(viewer, customerCode);
  if (!current) return failure("not_found", "Contato não encontrado.");
  if (!matches(precondition, current.version)) return stale(current.version);

  const assignable = new Set((await listAssignableSegments(viewer)).map((s) => s.id));
  const stored = {
    name: current.name,
    document: current.document,
    customerCode: current.customer_code,
    responsibleUserId: current.responsible?.id ?? null,
    tags: current.tags,
    priority: current.priority,
    // Only the segments the key may change travel: the others are kept by the writer's rules.
    segmentIds: current.segments.map((s) => s.id).filter((id) => assignable.has(id)),
    phones: current.phones,
    emails: current.emails,
  };
  const parsed = apiContactWrite.safeParse({ ...stored, ...body });
  if (!parsed.success) return invalid(parsed.error);
  return write(viewer, current, parsed.data, then);
}

async function write(viewer: Viewer, current: Row, input: z.output<typeof apiContactWrite>, then?: (tx: Transaction) => Promise<void>): Promise<ApiContactWrite> {
  const updated = await updateContact(viewer, current.id, current.version, input, "api", then);
  if (!updated.ok) return updated.code === "conflict" ? stale(updated.currentVersion ?? current.version) : updated;
  return answer(viewer, current.id, false);
}

async function answer(viewer: Viewer, id: string, created: boolean): Promise<ApiContactWrite> {
  const [row] = await selectContacts(and(contactVisibleTo(viewer), sql`contacts.id = ${id}::uuid`)!);
  // Written and then gone from sight: only a concurrent change (another request) can do that.
  if (!row) return failure("not_found", "Contato não encontrado.");
  return { ok: true, contact: toApiContact(row), created };
}

function matches(precondition: Precondition, version: number): boolean {
  const { ifMatch } = precondition;
  return ifMatch === undefined || ifMatch === "*" || ifMatch.includes(version);
}

const stale = (version: number) =>
  preconditionFailed(`O contato mudou desde que você o leu: a versão atual é ${version}. Leia-o de novo e reenvie.`);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

const invalidBody = () => failure("invalid", "Envie os dados do contato como um objeto JSON.");

function invalid(error: z.ZodError) {
  const { errors, general } = portugueseIssues(error);
  return failure("invalid", general.join(" ") || invalidInputMessage, errors);
}
