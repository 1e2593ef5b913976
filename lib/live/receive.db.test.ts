import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import { createWorld, type World } from "@/db/testing/world";
import { attendanceInput } from "./attendance-input";
import { receiveAttendance, type ApiCaller } from "./receive";

// A customer's message arriving through the API: which contact, which queue, once.

let world: World;
let caller: ApiCaller;
beforeEach(async () => {
  world = await createWorld();
  caller = { organizationId: world.orgA, keyId: randomUUID() };
});

const input = (raw: Record<string, unknown>) => attendanceInput.parse({ channel: "whatsapp", address: "(11) 98765-4321", message: "Olá", ...raw });

async function messagesOf(attendanceId: string) {
  return rowsOf<{ body: string; direction: string; status: string }>(
    await getDb().execute(sql`select body, direction, status from messages where attendance_id = ${attendanceId}::uuid order by created_at, id`),
  );
}

describe("receiving a customer's message", () => {
  it("finds the contact by código and puts the attendance in its segment's queue", async () => {
    const received = await receiveAttendance(caller, input({ customerCode: world.sharedCode }), null);
    // The código is also used in organization B: only A's contact can be found with A's key.
    expect(received).toMatchObject({ ok: true, attendance: { contactId: world.contacts.codeInA, segmentId: world.segments.s3, status: "waiting", continued: false } });
    if (!received.ok) return;
    expect(await messagesOf(received.attendance.id)).toEqual([{ body: "Olá", direction: "inbound", status: "received" }]);
  });

  it("finds the contact by phone or e-mail when there is no código, and lets in an unknown customer", async () => {
    await getDb().execute(sql`update contacts set phones = '{+5511987654321}', emails = '{maria@exemplo.com.br}' where id = ${world.contacts.inS2}::uuid`);
    expect(await receiveAttendance(caller, input({}), null)).toMatchObject({ attendance: { contactId: world.contacts.inS2, segmentId: world.segments.s2 } });
    expect(await receiveAttendance(caller, input({ channel: "email", address: "Maria@Exemplo.com.br" }), null)).toMatchObject({
      attendance: { contactId: world.contacts.inS2, segmentId: world.segments.s2 },
    });
    expect(await receiveAttendance(caller, input({ channel: "sms", address: "21 99876-5432" }), null)).toMatchObject({
      attendance: { contactId: null, segmentId: null },
    });
    // The same phone in another organization is not found with A's key.
    const fromB = await receiveAttendance({ organizationId: world.orgB, keyId: randomUUID() }, input({ channel: "sms" }), null);
    expect(fromB).toMatchObject({ ok: true, attendance: { contactId: null } });
  });

  it("puts it in the given segment, refusing another organization's", async () => {
    expect(await receiveAttendance(caller, input({ segmentId: world.segments.s1 }), null)).toMatchObject({ attendance: { segmentId: world.segments.s1 } });
    expect(await receiveAttendance(caller, input({ segmentId: world.segments.sB, address: "11 91234-5678" }), null)).toMatchObject({
      ok: false,
      fieldErrors: { segmentId: ["Segmento não encontrado."] },
    });
  });

  it("continues the customer's attendance while it waits or is open", async () => {
    const first = await receiveAttendance(caller, input({ message: "Oi" }), null);
    const second = await receiveAttendance(caller, input({ message: "Alguém aí?" }), null);
    if (!first.ok || !second.ok) throw new Error("refused");
    expect(second.attendance).toMatchObject({ id: first.attendance.id, continued: true });
    expect((await messagesOf(first.attendance.id)).map((m) => m.body)).toEqual(["Oi", "Alguém aí?"]);
    await getDb().execute(sql`update attendances set status = 'closed' where id = ${first.attendance.id}::uuid`);
    const third = await receiveAttendance(caller, input({ message: "Outra dúvida" }), null);
    expect(third.ok && third.attendance.id).not.toBe(first.attendance.id);
  });

  it("honors the Idempotency-Key: a replay answers the first result, another body with the same key is a conflict", async () => {
    const key = "pedido-123";
    const replies = await Promise.all([1, 2, 3].map(() => receiveAttendance(caller, input({}), key)));
    const ids = new Set(replies.map((r) => (r.ok ? r.attendance.id : r.message)));
    expect(ids.size).toBe(1);
    expect(replies.filter((r) => r.ok && r.attendance.replayed)).toHaveLength(2);
    const [id] = ids;
    expect(await messagesOf(id)).toHaveLength(1);
    expect(await receiveAttendance(caller, input({ message: "Outro texto" }), key)).toMatchObject({ ok: false, code: "conflict" });
    // Keys are per API key: another integration may use the same one.
    expect(await receiveAttendance({ ...caller, keyId: randomUUID() }, input({}), key)).toMatchObject({ ok: true, attendance: { replayed: false } });
  });
});

describe("the attendance input", () => {
  it("refuses unknown fields, a bad channel, a bad address and an empty message, in Portuguese", () => {
    const parsed = attendanceInput.safeParse({ channel: "telegram", address: "x", message: "", extra: 1 });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toEqual(expect.arrayContaining(["Canal inválido: use whatsapp, sms ou email.", "Informe a mensagem."]));
    expect(parsed.error?.issues).toContainEqual(expect.objectContaining({ code: "unrecognized_keys", keys: ["extra"] }));
    const badPhone = attendanceInput.safeParse({ channel: "whatsapp", address: "123", message: "Oi" });
    expect(badPhone.error?.issues).toEqual([expect.objectContaining({ path: ["address"], message: "Telefone do cliente inválido." })]);
    const badEmail = attendanceInput.safeParse({ channel: "email", address: "maria@", message: "Oi" });
    expect(badEmail.error?.issues).toEqual([expect.objectContaining({ path: ["address"], message: "E-mail do cliente inválido." })]);
    expect(attendanceInput.safeParse("texto").error?.issues[0].message).toBe("Envie um objeto JSON.");
  });
});
