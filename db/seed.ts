import { sql } from "drizzle-orm";
import { hashPassword } from "../lib/auth/password";
import { generateCnpj, generateCpf } from "../lib/documents/document";
import type { Database, Transaction } from "./client";
import {
  attendances,
  contactHistory,
  contactSegments,
  contacts,
  messages,
  messageTemplates,
  organizations,
  segmentMembers,
  segments,
  users,
  type AttendanceOutcome,
  type Channel,
  type ContactConsent,
  type DocumentType,
  type Priority,
  type Role,
} from "./schema";
import {
  areaCodes,
  companyNames,
  emailDomains,
  femaleFirstNames,
  maleFirstNames,
  nameParticles,
  particleSurnames,
  surnames,
} from "./seed-data";

// The demo organization that a new installation starts with. End-to-end tests and the docs rely on
// its exact content, so everything comes from seeded PRNGs: the same rows (ids included) on every
// run. Only the dates move: they are relative to the moment of seeding, so "newest first" and
// "created in the last 30 days" stay meaningful.

export const demoPassword = "carteira123";

type DemoUser = { key: string; email: string; name: string; role: Role; description: string };

const demoUsers: DemoUser[] = [
  { key: "admin", email: "admin@demo.test", name: "Amanda Costa", role: "admin", description: "Administradora da Demo: vê e faz tudo" },
  { key: "lider", email: "lider@demo.test", name: "Lúcia Ramos", role: "supervisor", description: "Supervisora das carteiras Varejo SP e Varejo RJ" },
  { key: "ana", email: "ana@demo.test", name: "Ana Souza", role: "operator", description: "Operadora da carteira Varejo SP" },
  { key: "bruno", email: "bruno@demo.test", name: "Bruno Lima", role: "operator", description: "Operador da carteira Corporativo" },
];
const otherUsers: DemoUser[] = [
  { key: "outra", email: "admin@outra.test", name: "Otávio Mendes", role: "admin", description: "Administrador da Outra Empresa (outra organização)" },
];

export const demoLogins: { email: string; role: string; description: string }[] = [...demoUsers, ...otherUsers].map(
  ({ email, role, description }) => ({ email, role, description }),
);

const demoSegmentNames = ["Varejo SP", "Varejo RJ", "Corporativo"] as const;
type DemoSegment = (typeof demoSegmentNames)[number];
const memberships: Record<string, DemoSegment[]> = { lider: ["Varejo SP", "Varejo RJ"], ana: ["Varejo SP"], bruno: ["Corporativo"] };

const DEMO_CONTACTS = 300;
const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH_SIZE = 200;
// Any constant: serializes concurrent first starts of several app servers on one PostgreSQL.
const SEED_LOCK_KEY = 727_001;

/** True once any organization exists: the app seeds the demo only into an empty database. */
export async function isDatabaseSeeded(db: Database | Transaction): Promise<boolean> {
  const rows = await db.select({ id: organizations.id }).from(organizations).limit(1);
  return rows.length > 0;
}

/**
 * Creates the "Demo" and "Outra Empresa" organizations with their users, segments and contacts.
 * One transaction: a failed seed leaves nothing behind. A no-op when the database is already seeded.
 */
export async function seedDemo(db: Database): Promise<void> {
  // argon2 is deliberately slow: hash once, share the hash between all demo users.
  const passwordHash = await hashPassword(demoPassword);
  const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const ids = uuidFactory(mulberry32(0xca7e12a));
  const documents = documentFactory(mulberry32(0xd0c5));

  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    if (await isDatabaseSeeded(tx)) return;

    // Demo
    const demoOrgId = ids();
    await tx.insert(organizations).values({ id: demoOrgId, name: "Demo" });
    const userIds = await insertUsers(tx, demoOrgId, demoUsers, passwordHash, ids);
    const segmentIds: Record<string, string> = {};
    for (const name of demoSegmentNames) segmentIds[name] = ids();
    await tx.insert(segments).values(demoSegmentNames.map((name) => ({ organizationId: demoOrgId, id: segmentIds[name], name })));
    await tx.insert(segmentMembers).values(
      Object.entries(memberships).flatMap(([userKey, names]) =>
        names.map((name) => ({ organizationId: demoOrgId, segmentId: segmentIds[name], userId: userIds[userKey] })),
      ),
    );
    const demoContacts = withConsent(mulberry32(0xc025e7), generateDemoContacts(mulberry32(0x5eed), documents, ids, now));
    await insertContacts(tx, demoOrgId, demoContacts, userIds, segmentIds);
    await insertAttendances(tx, demoOrgId, generateDemoAttendances(mulberry32(0x11fe), demoContacts, now), userIds, segmentIds);

    // Outra Empresa: proves tenant isolation (same customer codes, different people).
    const otherOrgId = ids();
    await tx.insert(organizations).values({ id: otherOrgId, name: "Outra Empresa" });
    const otherUserIds = await insertUsers(tx, otherOrgId, otherUsers, passwordHash, ids);
    const generalId = ids();
    await tx.insert(segments).values({ organizationId: otherOrgId, id: generalId, name: "Geral" });
    const otherContacts = withConsent(mulberry32(0x0c025e7), generateOtherContacts(mulberry32(0x0472a), documents, ids, now));
    await insertContacts(tx, otherOrgId, otherContacts, otherUserIds, { Geral: generalId });

    // Last, so that every id drawn before stays what it was.
    await tx.insert(messageTemplates).values(
      demoTemplates.map(({ author, ...template }) => ({ ...template, organizationId: demoOrgId, id: ids(), createdByUserId: userIds[author], createdAt: now, updatedAt: now })),
    );
  });
}

// Message templates (/templates), one per channel, using every variable between them.
const demoTemplates: { name: string; channel: Channel; subject: string | null; body: string; author: string }[] = [
  {
    name: "Boas-vindas",
    channel: "whatsapp",
    subject: null,
    body: "Olá {{contactfirstname}}! Seu código de cliente é @ChaveCliente: tenha-o à mão quando falar com a gente. Qualquer dúvida, é só responder esta mensagem.",
    author: "lider",
  },
  {
    name: "Fatura disponível",
    channel: "email",
    subject: "{{contactfirstname}}, sua fatura está disponível",
    body: "Olá, {{contactname}}.\n\nA fatura do cliente {{contactcustomcode}} (documento {{contactdocument}}) já está disponível na sua área de cliente.\n\nAtenciosamente,\n{{responsavel}}\nEquipe {{segmento}}",
    author: "admin",
  },
  {
    name: "Atualização de cadastro",
    channel: "sms",
    subject: null,
    body: "{{contactfirstname}}, atualize seu cadastro: responda este SMS com seu e-mail. Cod. @ChaveCliente",
    author: "lider",
  },
];

type SeedContact = {
  id: string;
  name: string;
  document: string;
  documentType: DocumentType;
  customerCode: string;
  responsible: string | null; // user key
  segments: string[]; // segment names
  tags: string[];
  priority: Priority;
  phones: string[];
  emails: string[];
  consent?: ContactConsent;
  createdAt: Date;
};

async function insertUsers(tx: Transaction, organizationId: string, list: DemoUser[], passwordHash: string, ids: () => string) {
  const userIds: Record<string, string> = {};
  for (const user of list) userIds[user.key] = ids();
  await tx.insert(users).values(
    list.map((user) => ({ organizationId, id: userIds[user.key], name: user.name, email: user.email, role: user.role, passwordHash })),
  );
  return userIds;
}

async function insertContacts(
  tx: Transaction,
  organizationId: string,
  list: SeedContact[],
  userIds: Record<string, string>,
  segmentIds: Record<string, string>,
) {
  for (let start = 0; start < list.length; start += BATCH_SIZE) {
    const batch = list.slice(start, start + BATCH_SIZE);
    await tx.insert(contacts).values(
      batch.map((c) => ({
        organizationId,
        id: c.id,
        name: c.name,
        document: c.document,
        documentType: c.documentType,
        customerCode: c.customerCode,
        responsibleUserId: c.responsible ? userIds[c.responsible] : null,
        tags: c.tags,
        priority: c.priority,
        phones: c.phones,
        emails: c.emails,
        consent: c.consent ?? {},
        version: 1,
        createdAt: c.createdAt,
        updatedAt: c.createdAt,
      })),
    );
    const links = batch.flatMap((c) => c.segments.map((name) => ({ organizationId, contactId: c.id, segmentId: segmentIds[name] })));
    if (links.length > 0) await tx.insert(contactSegments).values(links);
    await tx.insert(contactHistory).values(
      batch.map((c) => ({
        organizationId,
        contactId: c.id,
        actorUserId: null,
        actorName: "Carga inicial",
        source: "system" as const,
        action: "create" as const,
        changes: [],
        createdAt: c.createdAt,
      })),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Generation. Each concern draws from its own PRNG stream, so a change in one (say, how many
// numbers the document generator consumes) does not reshuffle the names, segments and dates.

type Random = () => number;

function generateDemoContacts(random: Random, documents: DocumentFactory, ids: () => string, now: Date): SeedContact[] {
  const people = new PersonFactory(random);
  const companies = shuffle(random, companyNames);
  const dates = spreadDates(random, DEMO_CONTACTS, now, 120);
  const list: SeedContact[] = [];
  for (let index = 0; index < DEMO_CONTACTS; index++) {
    const isCompany = companies.length > 0 && random() < 0.15;
    const segmentNames = pickSegments(random, isCompany);
    const createdAt = dates[index];
    const name = isCompany ? companies.shift()! : people.name();
    const document = isCompany ? documents.cnpj(random() < 0.25) : documents.cpf();
    const areaCode = segmentNames.includes("Varejo SP") ? "11" : segmentNames.includes("Varejo RJ") ? "21" : pick(random, areaCodes);
    list.push({
      id: ids(),
      name,
      ...document,
      customerCode: customerCode(index + 1),
      responsible: pickResponsible(random, segmentNames),
      segments: segmentNames,
      tags: pickTags(random, isCompany, now.getTime() - createdAt.getTime() < 30 * DAY_MS),
      priority: pickPriority(random),
      phones: people.phones(isCompany, areaCode),
      emails: people.emails(name, isCompany),
      createdAt,
    });
  }
  return list;
}

// Ten contacts of another organization; the first five reuse Demo's customer codes on purpose:
// codes are unique per organization, not across the installation.
function generateOtherContacts(random: Random, documents: DocumentFactory, ids: () => string, now: Date): SeedContact[] {
  const people = new PersonFactory(random);
  const dates = spreadDates(random, 10, now, 60);
  return dates.map((createdAt, index) => {
    const isCompany = index % 5 === 4;
    const name = isCompany ? ["Comercial Ponto Certo Ltda", "Mercearia Dois Irmãos ME"][index === 4 ? 0 : 1] : people.name();
    return {
      id: ids(),
      name,
      ...(isCompany ? documents.cnpj(false) : documents.cpf()),
      customerCode: customerCode(index < 5 ? index + 1 : 500 + index - 4),
      responsible: null,
      segments: ["Geral"],
      tags: pickTags(random, isCompany, now.getTime() - createdAt.getTime() < 30 * DAY_MS),
      priority: pickPriority(random),
      phones: people.phones(isCompany, pick(random, areaCodes)),
      emails: people.emails(name, isCompany),
      createdAt,
    };
  });
}

// Consent as a first load brings it: most answered when the customer signed up, some refused, some
// never asked (not reachable). Its own stream, so the contacts themselves stay as they were.
const consentOdds: Record<Channel, { granted: number; denied: number }> = {
  email: { granted: 0.7, denied: 0.1 },
  whatsapp: { granted: 0.6, denied: 0.15 },
  sms: { granted: 0.4, denied: 0.2 },
};

function withConsent(random: Random, list: SeedContact[]): SeedContact[] {
  return list.map((contact) => {
    const consent: ContactConsent = {};
    for (const [channel, odds] of Object.entries(consentOdds) as [Channel, (typeof consentOdds)[Channel]][]) {
      const r = random();
      const status = r < odds.granted ? "granted" : r < odds.granted + odds.denied ? "denied" : null;
      if (status) consent[channel] = { status, at: contact.createdAt.toISOString(), source: "system", by: "Carga inicial" };
    }
    return { ...contact, consent };
  });
}

function customerCode(n: number) {
  return `CLI-${String(n).padStart(6, "0")}`;
}

/** Distinct creation times over the last `days` days, oldest first (so CLI-000001 is the oldest). */
function spreadDates(random: Random, count: number, now: Date, days: number): Date[] {
  const minutes = new Set<number>();
  while (minutes.size < count) minutes.add(1 + Math.floor(random() * days * 24 * 60));
  return [...minutes].sort((a, b) => b - a).map((ago) => new Date(now.getTime() - ago * 60_000));
}

// ~10% in no segment, ~15% in two; companies lean to Corporativo, people to the retail carteiras.
function pickSegments(random: Random, isCompany: boolean): string[] {
  const r = random();
  if (r < 0.1) return [];
  if (r < 0.25) return pick(random, [["Varejo SP", "Varejo RJ"], ["Varejo SP", "Varejo RJ"], ["Varejo SP", "Corporativo"], ["Varejo RJ", "Corporativo"]]);
  const s = random();
  if (isCompany) return [s < 0.7 ? "Corporativo" : s < 0.85 ? "Varejo SP" : "Varejo RJ"];
  return [s < 0.45 ? "Varejo SP" : s < 0.8 ? "Varejo RJ" : "Corporativo"];
}

// Some contacts are visible to an operator only because they are their responsável: the ones with
// no segment, and a few in a carteira the operator does not belong to.
function pickResponsible(random: Random, segmentNames: string[]): string | null {
  const r = random();
  if (segmentNames.length === 0) return r < 0.4 ? "ana" : r < 0.5 ? "lider" : r < 0.6 ? "bruno" : null;
  if (segmentNames.includes("Varejo SP")) return r < 0.15 ? "ana" : r < 0.25 ? "lider" : null;
  if (segmentNames.includes("Varejo RJ")) return r < 0.1 ? "lider" : r < 0.15 ? "ana" : null;
  return r < 0.2 ? "bruno" : r < 0.23 ? "ana" : null;
}

function pickTags(random: Random, isCompany: boolean, isRecent: boolean): string[] {
  const r = random();
  const count = r < 0.4 ? 0 : r < 0.75 ? 1 : r < 0.93 ? 2 : 3;
  const candidates = shuffle(random, ["vip", "inadimplente", "recorrente", ...(isRecent ? ["novo"] : [])]);
  const tags = isCompany ? ["b2b", ...candidates] : candidates;
  return tags.slice(0, count);
}

function pickPriority(random: Random): Priority {
  const r = random();
  return r < 0.2 ? "high" : r < 0.8 ? "medium" : "low";
}

/** Unique person names, phones and e-mails within one organization. */
class PersonFactory {
  private names = new Set<string>();
  private phoneNumbers = new Set<string>();
  private addresses = new Set<string>();
  // Contact names never contain a user's name, so "Ana Souza" on a page is always the user.
  constructor(
    private random: Random,
    private reserved = [...demoUsers, ...otherUsers].map((user) => user.name),
  ) {}

  name(): string {
    for (;;) {
      const r = this.random;
      const first = r() < 0.5 ? pick(r, femaleFirstNames) : pick(r, maleFirstNames);
      // Shapes seen on Brazilian IDs: "Maria Silva", "Maria Oliveira Santos", "Maria da Silva",
      // "Maria dos Santos Oliveira".
      const shape = r();
      const middle = shape < 0.3 ? pick(r, surnames) : shape < 0.4 ? pick(r, particleSurnames) : "";
      const last = shape >= 0.4 && shape < 0.55 ? pick(r, particleSurnames) : pick(r, surnames);
      const full = [first, middle, last].filter(Boolean).join(" ");
      if ((middle && middle.endsWith(last)) || this.names.has(full)) continue;
      if (this.reserved.some((reserved) => full.includes(reserved))) continue;
      this.names.add(full);
      return full;
    }
  }

  // Mobiles are 9 + 8 digits, landlines start with 3; stored as E.164 (+55 DD number).
  phones(isCompany: boolean, areaCode: string): string[] {
    const r = this.random();
    const count = r < 0.15 ? 0 : r < 0.75 ? 1 : 2;
    const kinds = isCompany ? ["landline", "mobile"] : ["mobile", this.random() < 0.5 ? "landline" : "mobile"];
    const result: string[] = [];
    for (const kind of kinds.slice(0, count)) {
      let phone: string;
      do {
        const rest = digits(this.random, 7);
        phone = kind === "mobile" ? `+55${areaCode}9${6 + Math.floor(this.random() * 4)}${rest}` : `+55${areaCode}3${rest}`;
      } while (this.phoneNumbers.has(phone));
      this.phoneNumbers.add(phone);
      result.push(phone);
    }
    return result;
  }

  // Lower-case, accent-free, derived from the name: maria.silva@exemplo.com.br.
  emails(name: string, isCompany: boolean): string[] {
    const r = this.random();
    const count = r < 0.2 ? 0 : r < 0.8 ? 1 : 2;
    const words = slugWords(name);
    const locals = isCompany
      ? (() => {
          const base = words.filter((w) => !["ltda", "me", "eireli", "s", "a", "ss"].includes(w)).slice(0, 3).join("");
          return [`contato.${base}`, `financeiro.${base}`];
        })()
      : [`${words[0]}.${words[words.length - 1]}`, `${words[0]}${words[words.length - 1]}${10 + Math.floor(this.random() * 90)}`];
    const domains = shuffle(this.random, emailDomains);
    const result: string[] = [];
    for (let i = 0; i < count; i++) {
      let address = `${locals[i]}@${domains[i]}`;
      for (let n = 2; this.addresses.has(address); n++) address = `${locals[i]}${n}@${domains[i]}`;
      this.addresses.add(address);
      result.push(address);
    }
    return result;
  }
}

function slugWords(name: string): string[] {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !nameParticles.includes(w));
}

type DocumentFactory = { cpf(): { document: string; documentType: DocumentType }; cnpj(alphanumeric: boolean): { document: string; documentType: DocumentType } };

/** Valid documents, unique across both organizations. */
function documentFactory(random: Random): DocumentFactory {
  const used = new Set<string>();
  const unique = (make: () => string) => {
    let value: string;
    do value = make();
    while (used.has(value));
    used.add(value);
    return value;
  };
  return {
    cpf: () => ({ document: unique(() => generateCpf(random)), documentType: "cpf" }),
    cnpj: (alphanumeric) => ({ document: unique(() => generateCnpj(random, alphanumeric)), documentType: "cnpj" }),
  };
}

// ---------------------------------------------------------------------------------------------
// Live: a few dozen customers waiting in the queues (served from the oldest, priority first) and
// two weeks of closed attendances for the reports. Nobody waiting in Ana's queues (Varejo SP and
// "Sem segmento") is Alta, so a new Alta customer goes to the head of her queue, as the end-to-end
// test of Live checks.

type SeedAttendance = {
  contact: SeedContact | null;
  channel: Channel;
  address: string;
  segment: string | null;
  operator: string | null; // user key
  outcome: AttendanceOutcome | null;
  arrivedAt: Date;
  takenAt: Date | null;
  closedAt: Date | null;
  message: string;
};

const WAITING_ATTENDANCES = 36;
const CLOSED_ATTENDANCES = 160;
const openingMessages = [
  "Olá, preciso de ajuda com meu pedido.",
  "Bom dia! Gostaria de negociar uma fatura em atraso.",
  "Oi, meu boleto não chegou por e-mail.",
  "Quero atualizar meu endereço de entrega.",
  "Vocês têm o produto em estoque?",
  "Boa tarde, o pagamento não foi reconhecido.",
  "Preciso da segunda via da nota fiscal.",
  "Gostaria de cancelar a assinatura.",
];
const servers: Record<string, string[]> = { "Varejo SP": ["ana", "lider"], "Varejo RJ": ["lider"], Corporativo: ["bruno"], none: ["ana", "bruno"] };

function generateDemoAttendances(random: Random, contacts: SeedContact[], now: Date): SeedAttendance[] {
  const list: SeedAttendance[] = [];
  const customer = (waiting: boolean) => {
    for (;;) {
      const contact = random() < 0.75 ? pick(random, contacts) : null;
      // The queue an arrival goes to: the contact's first segment by name (lib/live/receive.ts).
      const segment = contact ? ([...contact.segments].sort()[0] ?? null) : random() < 0.6 ? null : pick(random, demoSegmentNames);
      if (waiting && contact?.priority === "high" && (segment === null || segment === "Varejo SP")) continue;
      const email = contact?.emails[0];
      const channel: Channel = email && random() < 0.25 ? "email" : random() < 0.8 ? "whatsapp" : "sms";
      const address = channel === "email" ? email! : (contact?.phones[0] ?? `+55119${digits(random, 8)}`);
      return { contact, channel, address, segment, message: pick(random, openingMessages) };
    }
  };
  for (let i = 0; i < WAITING_ATTENDANCES; i++) {
    const arrivedAt = new Date(now.getTime() - (1 + Math.floor(random() * 50)) * 60_000 - i * 1_000);
    list.push({ ...customer(true), operator: null, outcome: null, arrivedAt, takenAt: null, closedAt: null });
  }
  for (let i = 0; i < CLOSED_ATTENDANCES; i++) {
    const base = customer(false);
    const day = new Date(now.getTime() - (1 + Math.floor(random() * 14)) * DAY_MS);
    // Business hours in Brasília (UTC-3): 8h to 18h.
    day.setUTCHours(11 + Math.floor(random() * 10), Math.floor(random() * 60), 0, 0);
    const waitSeconds = 20 + Math.floor(random() ** 2 * 900);
    const handleSeconds = 120 + Math.floor(random() * 1_380);
    const takenAt = new Date(day.getTime() + waitSeconds * 1_000);
    list.push({
      ...base,
      operator: pick(random, servers[base.segment ?? "none"]),
      outcome: pick(random, ["resolved", "resolved", "resolved", "unresolved", "no_reply", "wrong_contact"] as const),
      arrivedAt: day,
      takenAt,
      closedAt: new Date(takenAt.getTime() + handleSeconds * 1_000),
    });
  }
  return list;
}

async function insertAttendances(tx: Transaction, organizationId: string, list: SeedAttendance[], userIds: Record<string, string>, segmentIds: Record<string, string>) {
  const ids = uuidFactory(mulberry32(0xa77e));
  const rows = list.map((a) => ({ ...a, id: ids() }));
  await tx.insert(attendances).values(
    rows.map((a) => ({
      organizationId,
      id: a.id,
      channel: a.channel,
      address: a.address,
      contactId: a.contact?.id ?? null,
      priorityRank: a.contact ? { high: 3, medium: 2, low: 1 }[a.contact.priority] : 2,
      segmentId: a.segment ? segmentIds[a.segment] : null,
      status: a.closedAt ? ("closed" as const) : ("waiting" as const),
      operatorUserId: a.operator ? userIds[a.operator] : null,
      outcome: a.outcome,
      arrivedAt: a.arrivedAt,
      takenAt: a.takenAt,
      closedAt: a.closedAt,
    })),
  );
  await tx.insert(messages).values(
    rows.map((a) => ({
      organizationId,
      attendanceId: a.id,
      channel: a.channel,
      address: a.address,
      direction: "inbound" as const,
      body: a.message,
      status: "received" as const,
      createdAt: a.arrivedAt,
    })),
  );
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness.

/** mulberry32: a tiny, well-distributed 32-bit PRNG; same seed, same sequence. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Version-4-shaped UUIDs from a PRNG, so the demo's ids are the same on every run. */
function uuidFactory(random: Random): () => string {
  return () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
    hex[12] = "4";
    hex[16] = (8 + Math.floor(random() * 4)).toString(16);
    const s = hex.join("");
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
}

function pick<T>(random: Random, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

function shuffle<T>(random: Random, list: readonly T[]): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

function digits(random: Random, count: number) {
  return Array.from({ length: count }, () => Math.floor(random() * 10)).join("");
}
