import { getDb } from "../client";
import { contactHistory, contacts, contactSegments, organizations, segmentMembers, segments, users, type Role } from "../schema";
import type { Viewer } from "@/lib/auth/viewer";
import { generateCnpj, generateCpf } from "@/lib/documents/document";
import { mulberry32 } from "../seed";

/**
 * A small, fully known world for database tests: organization A with an admin, a supervisor of
 * segments S1 and S2, an operator in S1 and an operator in S3; contacts inside and outside each
 * carteira; and organization B with its own admin and a contact using one of A's códigos.
 * Password hashes are placeholders: sign-in tests set their own.
 */
export async function createWorld() {
  const db = getDb();
  let counter = 0;
  const random = mulberry32(Math.floor(Math.random() * 2 ** 31));
  const [orgA, orgB] = await db
    .insert(organizations)
    .values([{ name: "Org A" }, { name: "Org B" }])
    .returning({ id: organizations.id });
  const suffix = Math.random().toString(36).slice(2, 8);

  const addUser = async (organizationId: string, name: string, role: Role, segmentIds: string[] = []): Promise<Viewer> => {
    const email = `${name.toLowerCase()}.${suffix}@test.local`;
    const [user] = await db
      .insert(users)
      .values({ organizationId, name, email, role, passwordHash: "x" })
      .returning({ id: users.id });
    if (segmentIds.length > 0) {
      await db.insert(segmentMembers).values(segmentIds.map((segmentId) => ({ organizationId, segmentId, userId: user.id })));
    }
    return { userId: user.id, organizationId, role, name, email, segmentIds };
  };
  const addSegment = async (organizationId: string, name: string) => {
    const [segment] = await db.insert(segments).values({ organizationId, name }).returning({ id: segments.id });
    return segment.id;
  };
  const addContact = async (
    organizationId: string,
    segmentIds: string[],
    responsibleUserId: string | null = null,
    customerCode = `C-${++counter}-${suffix}`,
  ) => {
    const [contact] = await db
      .insert(contacts)
      .values({
        organizationId,
        name: `Contato ${customerCode}`,
        document: counter % 2 ? generateCpf(random) : generateCnpj(random, true),
        documentType: counter % 2 ? "cpf" : "cnpj",
        customerCode,
        responsibleUserId,
      })
      .returning({ id: contacts.id });
    if (segmentIds.length > 0) {
      await db.insert(contactSegments).values(segmentIds.map((segmentId) => ({ organizationId, contactId: contact.id, segmentId })));
    }
    await db.insert(contactHistory).values({ organizationId, contactId: contact.id, actorName: "Teste", source: "system", action: "create" });
    return contact.id;
  };

  const s1 = await addSegment(orgA.id, "S1");
  const s2 = await addSegment(orgA.id, "S2");
  const s3 = await addSegment(orgA.id, "S3");
  const sB = await addSegment(orgB.id, "SB");
  const admin = await addUser(orgA.id, "Admin", "admin");
  const supervisor = await addUser(orgA.id, "Supervisor", "supervisor", [s1, s2]);
  const operator = await addUser(orgA.id, "Operator", "operator", [s1]);
  const otherOperator = await addUser(orgA.id, "Other", "operator", [s3]);
  const adminB = await addUser(orgB.id, "AdminB", "admin");

  const contactsA = {
    inS1: await addContact(orgA.id, [s1]),
    inS2: await addContact(orgA.id, [s2]),
    inS3: await addContact(orgA.id, [s3]),
    inS1andS3: await addContact(orgA.id, [s1, s3]),
    noSegment: await addContact(orgA.id, []),
    operatorResponsible: await addContact(orgA.id, [], operator.userId),
  };
  const sharedCode = `SHARED-${suffix}`;
  const codeInA = await addContact(orgA.id, [s3], null, sharedCode);
  const contactB = await addContact(orgB.id, [sB], null, sharedCode);

  return {
    orgA: orgA.id,
    orgB: orgB.id,
    segments: { s1, s2, s3, sB },
    viewers: { admin, supervisor, operator, otherOperator, adminB },
    contacts: { ...contactsA, codeInA, contactB },
    sharedCode,
    random,
  };
}

export type World = Awaited<ReturnType<typeof createWorld>>;
