import { asc, eq, sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { campaigns, contacts, messages, messageTemplates, users, type ContactConsent } from "@/db/schema";
import { createWorld, type World } from "@/db/testing/world";
import type { Viewer } from "@/lib/auth/viewer";
import { jobEngine, queues, workReadyJobs } from "@/lib/jobs/engine";
import { requestDelivery } from "@/lib/messages/outbox";
import { saveFilter } from "@/lib/saved-filters/saved-filters";
import { renderTemplate } from "@/lib/templates/render";
import { templateValuesOf } from "@/lib/templates/values";
import { describeAudience } from "./audience";
import { exportAudienceCsv } from "./audience-csv";
import { getCampaign, listCampaigns, startCampaign } from "./campaigns";
import { runCampaignSendJob, type CampaignSendJob } from "./runner";

vi.mock("@/lib/messages/outbox", async (original) => ({ ...(await original<typeof import("@/lib/messages/outbox")>()), requestDelivery: vi.fn(async () => {}) }));

// Campaigns on a known world: who is matched, reachable and complete; who may choose what; and the
// send writing one message per reachable, complete contact, once, whatever happens to its runs.

let world: World;
let templateId: string;
let smsTemplateId: string;
let templateB: string;
const body = "Olá {{contactfirstname}}, fale com {{responsavel}} ({{segmento}}).";

const granted = (channel: "whatsapp" | "sms" | "email"): ContactConsent => ({ [channel]: { status: "granted", at: new Date().toISOString(), source: "form", by: "Teste" } });

async function setContact(id: string, values: Partial<typeof contacts.$inferInsert>) {
  await getDb().update(contacts).set(values).where(eq(contacts.id, id));
}

async function addTemplate(organizationId: string, createdByUserId: string, channel: "whatsapp" | "sms" | "email", text: string) {
  const [row] = await getDb()
    .insert(messageTemplates)
    .values({ organizationId, name: `Modelo ${channel} ${Math.random()}`, channel, body: text, subject: channel === "email" ? "Assunto" : null, createdByUserId })
    .returning({ id: messageTemplates.id });
  return row.id;
}

beforeAll(async () => {
  world = await createWorld();
  const { contacts: c, viewers } = world;
  const phone = (n: number) => [`+551198765432${n}`];
  // inS1: reachable and complete. inS2: reachable, no responsável (incomplete). inS1andS3: consent
  // denied. inS3: reachable and complete, outside the supervisor's carteira. codeInA (S3): no phone.
  // noSegment: reachable, in no segment.
  await setContact(c.inS1, { phones: phone(1), consent: granted("whatsapp"), responsibleUserId: viewers.supervisor.userId });
  await setContact(c.inS2, { phones: phone(2), consent: granted("whatsapp") });
  await setContact(c.inS1andS3, { phones: phone(3), consent: { whatsapp: { status: "denied", at: new Date().toISOString(), source: "form", by: "Teste" } }, responsibleUserId: viewers.supervisor.userId });
  await setContact(c.inS3, { phones: phone(4), consent: granted("whatsapp"), responsibleUserId: viewers.admin.userId });
  await setContact(c.codeInA, { consent: granted("whatsapp"), responsibleUserId: viewers.admin.userId });
  await setContact(c.noSegment, { phones: phone(5), consent: granted("whatsapp"), responsibleUserId: viewers.admin.userId });
  templateId = await addTemplate(world.orgA, viewers.admin.userId, "whatsapp", body);
  smsTemplateId = await addTemplate(world.orgA, viewers.admin.userId, "sms", body);
  templateB = await addTemplate(world.orgB, viewers.adminB.userId, "whatsapp", body);
});

const audience = (segmentIds: string[], extra: Record<string, unknown> = {}) => ({ channel: "whatsapp", templateId, segmentIds, ...extra });
const allSegments = () => [world.segments.s1, world.segments.s2, world.segments.s3];

async function described(viewer: Viewer, input: unknown) {
  const result = await describeAudience(viewer, input);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.audience;
}

describe("describeAudience", () => {
  it("counts matched, reachable and incomplete contacts in the chosen segments", async () => {
    expect(await described(world.viewers.admin, audience(allSegments()))).toMatchObject({ matched: 5, reachable: 3, incomplete: 1, sendable: 2 });
    expect(await described(world.viewers.admin, audience([world.segments.s3]))).toMatchObject({ matched: 3, reachable: 1, incomplete: 0, sendable: 1 });
  });

  it("lists the reachable contacts with an empty variable, and previews the message as the send renders it", async () => {
    const { preflight, samples, templateName } = await described(world.viewers.admin, audience(allSegments()));
    expect(templateName).toMatch(/^Modelo whatsapp/);
    expect(preflight).toEqual([{ contactId: world.contacts.inS2, name: expect.any(String), customerCode: expect.any(String), missing: ["responsavel"] }]);
    expect(samples).toHaveLength(2);
    for (const id of [world.contacts.inS1, world.contacts.inS3]) {
      const values = (await templateValuesOf(world.viewers.admin, id))!;
      expect(samples).toContainEqual({ name: values.contactname, customerCode: values.contactcustomcode, address: expect.stringMatching(/^\+55/), subject: null, body: renderTemplate(body, values).text });
    }
  });

  it("gives a supervisor only contacts of their carteira, and refuses segments that are not theirs", async () => {
    const supervisor = world.viewers.supervisor;
    expect(await described(supervisor, audience([world.segments.s1, world.segments.s2]))).toMatchObject({ matched: 3, reachable: 2, incomplete: 1 });
    const refused = await describeAudience(supervisor, audience([world.segments.s1, world.segments.s3]));
    expect(refused).toMatchObject({ ok: false, code: "invalid", fieldErrors: { segmentIds: [expect.any(String)] } });
  });

  it.each([
    ["an operator", () => ({ viewer: world.viewers.operator, input: audience([world.segments.s1]) })],
    ["another organization's admin, with A's template", () => ({ viewer: world.viewers.adminB, input: audience([world.segments.sB]) })],
  ])("refuses %s", async (_, args) => {
    const { viewer, input } = args();
    const result = await describeAudience(viewer, input);
    expect(result.ok).toBe(false);
  });

  it("refuses another organization's ids, a template of another channel, and malformed input, as field errors", async () => {
    const admin = world.viewers.admin;
    expect(await describeAudience(admin, audience([world.segments.sB]))).toMatchObject({ ok: false, fieldErrors: { segmentIds: [expect.any(String)] } });
    expect(await describeAudience(admin, audience([world.segments.s1], { templateId: templateB }))).toMatchObject({ ok: false, fieldErrors: { templateId: [expect.any(String)] } });
    expect(await describeAudience(admin, audience([world.segments.s1], { templateId: smsTemplateId }))).toMatchObject({ ok: false, fieldErrors: { templateId: [expect.any(String)] } });
    expect(await describeAudience(admin, { channel: "fax", templateId: "x", segmentIds: [] })).toMatchObject({
      ok: false,
      fieldErrors: { channel: [expect.any(String)], templateId: [expect.any(String)], segmentIds: ["Escolha ao menos um segmento."] },
    });
  });

  it("applies a saved filter the viewer may use, and refuses another's private one", async () => {
    const code = (await templateValuesOf(world.viewers.admin, world.contacts.inS1))!.contactcustomcode!;
    const saved = await saveFilter(world.viewers.admin, { name: `Um ${Math.random()}`, query: `q=${code}`, shared: false });
    if (!saved.ok) throw new Error(saved.message);
    expect(await described(world.viewers.admin, audience(allSegments(), { savedFilterId: saved.id }))).toMatchObject({ matched: 1, reachable: 1, incomplete: 0 });
    expect(await describeAudience(world.viewers.supervisor, audience([world.segments.s1], { savedFilterId: saved.id }))).toMatchObject({
      ok: false,
      fieldErrors: { savedFilterId: ["Filtro salvo não encontrado."] },
    });
  });
});

const workSends = (batchSize?: number) => workReadyJobs<CampaignSendJob>(queues.campaignSend, (job) => runCampaignSendJob(job, batchSize));

async function messagesOf(campaignId: string) {
  return getDb()
    .select({ contactId: messages.contactId, address: messages.address, body: messages.body, subject: messages.subject, status: messages.status, templateId: messages.templateId })
    .from(messages)
    .where(eq(messages.campaignId, campaignId))
    .orderBy(asc(messages.contactId));
}

async function started(viewer: Viewer, segmentIds: string[]) {
  const result = await startCampaign(viewer, { name: "Aviso", ...audience(segmentIds) });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.id;
}

describe("sending a campaign", () => {
  beforeEach(() => vi.mocked(requestDelivery).mockClear());

  it("writes one message per reachable, complete contact, rendered as the JS renderer renders it, then is sent with its counts", async () => {
    const id = await started(world.viewers.admin, allSegments());
    expect(await getCampaign(world.viewers.admin, id)).toMatchObject({ status: "sending", matched: 5, reachable: 2, written: 0 });
    expect(await workSends()).toEqual([]);
    const written = await messagesOf(id);
    const expected = await Promise.all(
      [world.contacts.inS1, world.contacts.inS3].sort().map(async (contactId) => {
        const values = (await templateValuesOf(world.viewers.admin, contactId))!;
        const [{ phones }] = await getDb().select({ phones: contacts.phones }).from(contacts).where(eq(contacts.id, contactId));
        return { contactId, address: phones[0], body: renderTemplate(body, values).text, subject: null, status: "queued", templateId };
      }),
    );
    expect(written).toEqual(expected);
    expect(await getCampaign(world.viewers.admin, id)).toMatchObject({ status: "sent", written: 2, reachable: 2, finishedAt: expect.any(Date), delivery: { queued: 2, sent: 0, failed: 0 } });
    expect(requestDelivery).toHaveBeenCalled();
  });

  it("writes nothing twice: a second run, a resumed run, a run cut off mid-way", async () => {
    const id = await started(world.viewers.admin, allSegments());
    const db = getDb();
    // The second batch fails once: the first is committed, the job is retried.
    await db.execute(sql.raw(`create or replace function carteira_test_fail_second() returns trigger language plpgsql as $$
      begin if exists (select 1 from messages where campaign_id = new.campaign_id) then raise exception 'boom'; end if; return new; end $$`));
    await db.execute(sql.raw(`create trigger carteira_test_fail_second before insert on messages for each row execute function carteira_test_fail_second()`));
    try {
      expect(await workSends(1)).toHaveLength(1);
    } finally {
      await db.execute(sql.raw(`drop trigger if exists carteira_test_fail_second on messages`));
    }
    expect(await getCampaign(world.viewers.admin, id)).toMatchObject({ status: "sending", written: 1 });
    // The engine's retry (here, at once) resumes after the last contact written.
    const [job] = await jobEngine().fetch<CampaignSendJob>(queues.campaignSend, { includeMetadata: true });
    expect(job).toBeUndefined(); // waiting for its backoff
    await db.execute(sql`update pgboss.job set start_after = now() where name = ${queues.campaignSend} and state = 'retry'`);
    expect(await workSends(1)).toEqual([]);
    expect(await messagesOf(id)).toHaveLength(2);

    // Two more runs of a campaign back to "sending" (a run that outlived its expiry): nothing new.
    await db.update(campaigns).set({ status: "sending" }).where(eq(campaigns.id, id));
    const { enqueueCampaignSendJob } = await import("./runner");
    await db.transaction(async (tx) => {
      await enqueueCampaignSendJob(tx, world.orgA, id);
      await enqueueCampaignSendJob(tx, world.orgA, id);
    });
    expect(await workSends()).toEqual([]);
    expect(await messagesOf(id)).toHaveLength(2);
    expect(await getCampaign(world.viewers.admin, id)).toMatchObject({ status: "sent", written: 2 });
  });

  it("runs as the creator as they are now: a deactivated creator fails the campaign, with nothing written", async () => {
    const supervisor = world.viewers.supervisor;
    const id = await started(supervisor, [world.segments.s1, world.segments.s2]);
    expect(await getCampaign(supervisor, id)).toMatchObject({ matched: 3, reachable: 1 });
    await getDb().update(users).set({ active: false }).where(eq(users.id, supervisor.userId));
    try {
      expect(await workSends()).toEqual([]);
    } finally {
      await getDb().update(users).set({ active: true }).where(eq(users.id, supervisor.userId));
    }
    expect(await getCampaign(supervisor, id)).toMatchObject({ status: "failed", written: 0 });
    expect(await messagesOf(id)).toEqual([]);
  });

  it("refuses an operator, and a campaign nobody can reach", async () => {
    expect(await startCampaign(world.viewers.operator, { name: "X", ...audience([world.segments.s1]) })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await startCampaign(world.viewers.admin, { name: "X", ...audience([world.segments.s2]) })).toMatchObject({ ok: false, code: "invalid" });
  });

  it("lists the organization's campaigns for an admin, a supervisor's own for a supervisor; another's is not found", async () => {
    const mine = await started(world.viewers.supervisor, [world.segments.s1]);
    const admins = await started(world.viewers.admin, [world.segments.s1]);
    const supervisorList = (await listCampaigns(world.viewers.supervisor))!.map((c) => c.id);
    expect(supervisorList).toContain(mine);
    expect(supervisorList).not.toContain(admins);
    expect((await listCampaigns(world.viewers.admin))!.map((c) => c.id)).toEqual(expect.arrayContaining([mine, admins]));
    expect(await getCampaign(world.viewers.supervisor, admins)).toBeNull();
    expect(await getCampaign(world.viewers.adminB, mine)).toBeNull();
    expect(await getCampaign(world.viewers.admin, "not-an-id")).toBeNull();
    expect(await listCampaigns(world.viewers.operator)).toBeNull();
    const [item] = (await listCampaigns(world.viewers.admin))!.filter((c) => c.id === admins);
    expect(item).toMatchObject({ name: "Aviso", channel: "whatsapp", audience: { segmentNames: ["S1"], savedFilterName: null }, createdByName: "Admin" });
    await workSends();
  });
});

describe("exportAudienceCsv", () => {
  it("streams every contact of the audience with whether it is reachable and why not, as Excel reads it", async () => {
    await setContact(world.contacts.inS2, { name: "=HIPERLINK(1)" });
    try {
      const result = await exportAudienceCsv(world.viewers.admin, audience(allSegments()));
      if (!result.ok) throw new Error(result.message);
      const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(result.stream).arrayBuffer());
      const [head, ...lines] = text.split("\n").filter(Boolean);
      expect(head).toBe("\uFEFFCódigo do Cliente;Nome;Endereço;Alcançável;Motivo;Variáveis vazias");
      expect(lines).toHaveLength(5);
      const line = async (id: string) => {
        const values = (await templateValuesOf(world.viewers.admin, id))!;
        return lines.find((l) => l.startsWith(`${values.contactcustomcode};`));
      };
      expect(await line(world.contacts.inS1)).toMatch(/;\(11\) 98765-432\d;Sim;;$/);
      expect(await line(world.contacts.inS2)).toMatch(/;'=HIPERLINK\(1\);\(11\) 98765-432\d;Sim;Dados incompletos;\{\{responsavel\}\}$/);
      expect(await line(world.contacts.inS1andS3)).toMatch(/;Não;Sem consentimento para WhatsApp;$/);
      expect(await line(world.contacts.codeInA)).toMatch(/;;Não;Sem telefone;$/);
    } finally {
      await setContact(world.contacts.inS2, { name: "Contato dois" });
    }
    expect(await exportAudienceCsv(world.viewers.operator, audience([world.segments.s1]))).toMatchObject({ ok: false, code: "forbidden" });
  });
});
