import { beforeEach, describe, expect, it, vi } from "vitest";
import { addAttendance } from "@/db/testing/live";
import { redirectTarget } from "@/db/testing/redirect-target";
import { createWorld, type World } from "@/db/testing/world";
import type { Viewer } from "@/lib/auth/viewer";
import { getContact } from "@/lib/contacts/queries";
import { generateCpf } from "@/lib/documents/document";
import { getAttendance } from "@/lib/live/attendance";

// "Criar contato" and "Vincular" on the attendance screen, called as forged requests would be.
const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/session", () => ({ getViewer: async () => session.viewer }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { createContactForAttendanceAction, linkContactAction } = await import("./contact-actions");

let world: World;
beforeEach(async () => {
  world = await createWorld();
  session.viewer = null;
});

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
  return data;
};

describe("Criar contato (Live) actions", () => {
  it("create the contact and link the attendance, then go back to it; refuse without a session", async () => {
    const id = await addAttendance(world.orgA, { segmentId: world.segments.s1, operatorUserId: world.viewers.operator.userId, address: "+5511977770013" });
    const fields = { attendanceId: id, name: "Joana Prado", document: generateCpf(world.random), customerCode: "LIVE-1", priority: "high", segmentIds: world.segments.s1, phones: "(11) 97777-0013" };
    expect(await createContactForAttendanceAction(null, form(fields))).toMatchObject({ ok: false, code: "forbidden" });
    session.viewer = world.viewers.operator;
    expect(await redirectTarget(createContactForAttendanceAction(null, form(fields)))).toBe(`/live/${id}?toast=contact-created`);
    const attendance = await getAttendance(world.viewers.operator, id);
    expect(attendance?.contact).toMatchObject({ name: "Joana Prado", customerCode: "LIVE-1", priority: "high", phones: ["+5511977770013"] });
  });

  it("send the viewer to link the visible contact whose código was typed, and keep the form for others", async () => {
    const { operator } = world.viewers;
    session.viewer = operator;
    const id = await addAttendance(world.orgA, { segmentId: world.segments.s1, operatorUserId: operator.userId });
    const code = (await getContact(operator, world.contacts.inS1))!.customerCode;
    const fields = { attendanceId: id, name: "Outra Pessoa", document: generateCpf(world.random), customerCode: code, segmentIds: world.segments.s1 };
    expect(await redirectTarget(createContactForAttendanceAction(null, form(fields)))).toBe(`/live/${id}?codigo=${code}`);
    // A código of a contact the operator does not see: only the field error, nothing about that contact.
    const hiddenCode = (await getContact(world.viewers.admin, world.contacts.inS3))!.customerCode;
    const refused = await createContactForAttendanceAction(null, form({ ...fields, customerCode: hiddenCode }));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { customerCode: [expect.any(String)] }, values: { name: "Outra Pessoa" } });

    expect(await redirectTarget(linkContactAction(id, world.contacts.inS1))).toBe(`/live/${id}?toast=contact-linked`);
    expect((await getAttendance(operator, id))?.contact?.id).toBe(world.contacts.inS1);
    expect(await linkContactAction("not-an-id", world.contacts.inS1)).toMatchObject({ ok: false, code: "not_found" });
  });
});
