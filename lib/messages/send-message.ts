import "server-only";
import { createHash } from "node:crypto";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { getDb, rowsOf, type Transaction } from "@/db/client";
import { contacts, users, type Channel, type ContactConsent } from "@/db/schema";
import { failure, type ActionResult, type FieldErrors } from "@/lib/actions/result";
import { violatedUniqueConstraint } from "@/lib/actions/unique-violation";
import type { Viewer } from "@/lib/auth/viewer";
import { consentRefusalMessage } from "@/lib/contacts/consent-labels";
import { patchApiContact } from "@/lib/contacts/api-contacts";
import { contactVisibleTo } from "@/lib/contacts/visibility";
import { renderTemplate } from "@/lib/templates/render";
import { getTemplate } from "@/lib/templates/templates";
import { templateValuesOf } from "@/lib/templates/values";
import { variableToken, type TemplateValues, type VariableKey } from "@/lib/templates/variables";
import { listAssignableResponsibles } from "@/lib/users/queries";
import { channelLabels } from "./channels";
import { queueMessage, requestDelivery } from "./outbox";
import type { ApiMessage, SendMessageInput } from "./send-message-input";

// Send Message (POST /api/v1/messages): the contact found by código (or phone, or e-mail) among those
// the key sees, its consent for the channel checked, the template rendered with its values, the
// message put in the outbox — and, if asked, an attendant made the contact's responsável, through
// the contact writer, in the same transaction. Idempotency-Key: the same key and body answer the
// first message; the same key with another body is a conflict.

export type SentMessage = ActionResult<{ message: ApiMessage; replayed: boolean }>;

type Contact = { id: string; customer_code: string; phones: string[]; emails: string[]; consent: ContactConsent };

const refuse = (fieldErrors: FieldErrors, message = "Não foi possível enviar: veja os campos indicados.") => failure("invalid", message, fieldErrors);
const keyReused = () => failure("conflict", "Esta Idempotency-Key já foi usada com outro conteúdo.");

/** Sends as an API key's viewer (apiViewer): the message is recorded as the key's, with its Idempotency-Key. */
export async function sendMessage(viewer: Viewer, input: SendMessageInput, idempotencyKey: string | null): Promise<SentMessage> {
  const keyId = viewer.apiKeyId!;
  const digest = createHash("sha256").update(JSON.stringify(input)).digest("hex");
  if (idempotencyKey) {
    const earlier = await replay(viewer, idempotencyKey, digest);
    if (earlier) return earlier;
  }

  const contact = await findContact(viewer, input);
  if (!contact.ok) return contact;
  const { row } = contact;
  if (row.consent[input.channel]?.status !== "granted") return refuse({}, consentRefusalMessage(input.channel));
  const address = input.phone ?? input.email ?? (input.channel === "email" ? row.emails[0] : row.phones[0]);
  if (!address) return refuse({}, `O contato não tem ${input.channel === "email" ? "e-mail" : "telefone"} para mensagens por ${channelLabels[input.channel]}.`);

  const attendant = input.attendantEmail ? await findAttendant(viewer, input.attendantEmail) : null;
  if (attendant && !attendant.ok) return attendant;
  const content = await contentOf(viewer, input, row.id, attendant?.name);
  if (!content.ok) return content;

  const queue = (tx: Transaction) =>
    queueMessage(tx, {
      organizationId: viewer.organizationId,
      channel: input.channel,
      address,
      subject: content.subject,
      body: content.body,
      contactId: row.id,
      templateId: input.templateId ?? null,
      apiKeyId: keyId,
      idempotencyKey,
      requestDigest: digest,
    });
  let id: string;
  try {
    if (attendant) {
      let queued: string | undefined;
      const patched = await patchApiContact(viewer, row.customer_code, { responsibleUserId: attendant.userId }, {}, async (tx) => {
        queued = (await queue(tx)).id;
      });
      if (!patched.ok) return patched.code === "precondition_failed" ? failure("conflict", patched.message) : refuse({ attendantEmail: [patched.message] });
      id = queued!;
    } else {
      id = (await getDb().transaction(queue)).id;
    }
  } catch (error) {
    // The same key at the same instant: the first to commit won; this one answers its result.
    if (idempotencyKey && violatedUniqueConstraint(error) === "messages_idempotency_key") {
      return (await replay(viewer, idempotencyKey, digest)) ?? keyReused();
    }
    throw error;
  }
  await requestDelivery();
  const message = await getApiMessage(viewer, id);
  return { ok: true, message: message!, replayed: false };
}

async function replay(viewer: Viewer, idempotencyKey: string, digest: string): Promise<SentMessage | null> {
  const [earlier] = rowsOf<{ id: string; request_digest: string }>(
    await getDb().execute(sql`select id, request_digest from messages
      where organization_id = ${viewer.organizationId}::uuid and api_key_id = ${viewer.apiKeyId!}::uuid and idempotency_key = ${idempotencyKey}`),
  );
  if (!earlier) return null;
  if (earlier.request_digest !== digest) return keyReused();
  const message = await getApiMessage(viewer, earlier.id);
  return message ? { ok: true, message, replayed: true } : keyReused();
}

/** The one visible contact the lookup names: by código, or the only one with that phone or e-mail. */
async function findContact(viewer: Viewer, input: SendMessageInput): Promise<{ ok: true; row: Contact } | ReturnType<typeof refuse>> {
  const [field, condition]: [string, SQL] = input.customerCode
    ? ["customerCode", sql`contacts.customer_code = ${input.customerCode}`]
    : input.phone
      ? ["phone", sql`contacts.phones @> array[${input.phone}]::text[]`]
      : ["email", sql`contacts.emails @> array[${input.email!}]::text[]`];
  const found = await getDb()
    .select({ id: contacts.id, customer_code: contacts.customerCode, phones: contacts.phones, emails: contacts.emails, consent: contacts.consent })
    .from(contacts)
    .where(and(contactVisibleTo(viewer), condition))
    .limit(2);
  if (found.length === 0) return refuse({ [field]: ["Contato não encontrado."] });
  if (found.length > 1) return refuse({ [field]: ["Mais de um contato tem este endereço: use customerCode."] });
  return { ok: true, row: found[0] };
}

/**
 * The rendered subject and body, or which variables would be empty (then nothing is sent). An
 * attendant about to become responsável is already {{responsavel}}.
 */
async function contentOf(viewer: Viewer, input: SendMessageInput, contactId: string, responsavel?: string) {
  let subjectSource: string | null = input.subject ?? null;
  let bodySource = input.text ?? "";
  if (input.templateId) {
    const template = await getTemplate(viewer, input.templateId);
    if (!template) return refuse({ templateId: ["Modelo não encontrado."] });
    if (template.channel !== input.channel) return refuse({ templateId: [`Este modelo é de ${channelLabels[template.channel]}.`] });
    subjectSource = template.subject;
    bodySource = template.body;
  }
  const own = (await templateValuesOf(viewer, contactId))!;
  const values = withParameters(responsavel ? { ...own, responsavel } : own, input.parameters ?? {});
  const subject = subjectSource === null ? null : renderTemplate(subjectSource, values);
  const body = renderTemplate(bodySource, values);
  const missing = [...new Set([...(subject?.missing ?? []), ...body.missing])];
  if (missing.length > 0) {
    return refuse(
      Object.fromEntries(missing.map((key) => [`parameters.${key}`, [`${variableToken(key)} ficaria vazio para este contato: envie-o em parameters.${key}.`]])),
      "Uma variável ficaria vazia: nada foi enviado.",
    );
  }
  return { ok: true as const, subject: subject?.text ?? null, body: body.text };
}

/** The contact's own values, and the parameters for the ones it lacks. */
function withParameters(values: TemplateValues, parameters: Partial<Record<VariableKey, string>>): TemplateValues {
  const merged = { ...values };
  for (const [key, value] of Object.entries(parameters) as [VariableKey, string][]) {
    if (!merged[key]) merged[key] = value;
  }
  return merged;
}

/** The user the key may make responsável, by e-mail (any case), among the active users of the organization. */
async function findAttendant(viewer: Viewer, email: string) {
  const [user] = await getDb()
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.organizationId, viewer.organizationId), sql`lower(${users.email}) = lower(${email})`, eq(users.active, true)));
  const assignable = user ? await listAssignableResponsibles(viewer, [user.id]) : null;
  if (!user || !assignable?.length) return refuse({ attendantEmail: ["Nenhum usuário ativo que esta chave possa tornar responsável tem este e-mail."] });
  return { ok: true as const, userId: user.id, name: user.name };
}

/**
 * A message sent through the API, as it answers it: one of the organization's, to a contact the
 * key sees (or sent by this key, if its contact is gone from sight). Null otherwise.
 */
export async function getApiMessage(viewer: Viewer, id: string): Promise<ApiMessage | null> {
  const [row] = rowsOf<{
    id: string;
    status: "queued" | "sent" | "failed";
    channel: Channel;
    address: string;
    customer_code: string | null;
    template_id: string | null;
    subject: string | null;
    body: string;
    attempts: number;
    error: string | null;
    created_at: string;
    sent_at: string | null;
  }>(
    await getDb().execute(sql`
      select m.id, m.status, m.channel, m.address, contacts.customer_code, m.template_id, m.subject, m.body, m.attempts, m.error,
        to_json(m.created_at) #>> '{}' as created_at, to_json(m.sent_at) #>> '{}' as sent_at
      from messages m
      left join contacts on contacts.organization_id = m.organization_id and contacts.id = m.contact_id and ${contactVisibleTo(viewer)}
      where m.organization_id = ${viewer.organizationId}::uuid and m.id = ${id}::uuid and m.direction = 'outbound'
        and (contacts.id is not null or m.api_key_id = ${viewer.apiKeyId ?? null}::uuid)`),
  );
  if (!row) return null;
  return {
    id: row.id,
    status: row.status,
    channel: row.channel,
    address: row.address,
    customerCode: row.customer_code,
    templateId: row.template_id,
    subject: row.subject,
    body: row.body,
    attempts: row.attempts,
    error: row.error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  };
}
