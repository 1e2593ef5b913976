import { beforeEach, describe, expect, it, vi } from "vitest";
import { addAttendance } from "@/db/testing/live";
import { redirectTarget } from "@/db/testing/redirect-target";
import { createWorld, type World } from "@/db/testing/world";
import type { Viewer } from "@/lib/auth/viewer";
import { getAttendance } from "@/lib/live/attendance";
import { loadPresence } from "@/lib/live/presence";

// Public HTTP endpoints: called as a forged request would be, with whoever the test says signed in.
const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/session", () => ({ getViewer: async () => session.viewer }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { closeAttendanceAction, replyToAttendanceAction, setPresenceAction, takeNextAttendanceAction, transferAttendanceAction } = await import("./actions");

let world: World;
beforeEach(async () => {
  world = await createWorld();
  session.viewer = null;
});

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
};

const attendanceInA = (segmentId: string | null, holder: Viewer | null = null) =>
  addAttendance(world.orgA, { segmentId, operatorUserId: holder?.userId ?? null });

describe("Live server actions", () => {
  it("refuse a request without a session, changing nothing", async () => {
    const id = await attendanceInA(world.segments.s1);
    expect(await takeNextAttendanceAction()).toMatchObject({ ok: false, code: "forbidden" });
    expect(await setPresenceAction(null, form({ status: "available" }))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await replyToAttendanceAction(null, form({ id, body: "Oi" }))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await closeAttendanceAction(null, form({ id, outcome: "resolved" }))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await transferAttendanceAction(null, form({ id, target: "queue:" }))).toMatchObject({ ok: false, code: "forbidden" });
    expect((await getAttendance(world.viewers.admin, id))?.status).toBe("waiting");
  });

  it("refuse an admin the operator's work: status and Atender próximo", async () => {
    await attendanceInA(world.segments.s1);
    session.viewer = world.viewers.admin;
    expect(await takeNextAttendanceAction()).toMatchObject({ ok: false, code: "forbidden" });
    expect(await setPresenceAction(null, form({ status: "available" }))).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("Atender próximo opens the attendance it took, and says so in Portuguese when nobody waits", async () => {
    const id = await attendanceInA(world.segments.s1);
    session.viewer = world.viewers.operator;
    expect(await redirectTarget(takeNextAttendanceAction())).toBe(`/live/${id}`);
    expect(await takeNextAttendanceAction()).toMatchObject({ ok: false, message: "Nenhum atendimento aguardando nas suas filas." });
  });

  it("the status: a pause needs its reason", async () => {
    session.viewer = world.viewers.operator;
    expect(await setPresenceAction(null, form({ status: "paused" }))).toMatchObject({ ok: false, fieldErrors: { pauseReason: ["Escolha o motivo da pausa."] } });
    expect(await setPresenceAction(null, form({ status: "paused", pauseReason: "Almoço" }))).toEqual({ ok: true });
    expect(await loadPresence(world.viewers.operator)).toMatchObject({ status: "paused", pauseReason: "Almoço" });
  });

  it("a reply: field errors in Portuguese; only the holder answers", async () => {
    const id = await attendanceInA(world.segments.s1, world.viewers.operator);
    session.viewer = world.viewers.operator;
    expect(await replyToAttendanceAction(null, form({ id, body: "   " }))).toMatchObject({ ok: false, fieldErrors: { body: ["Informe a mensagem."] } });
    expect(await replyToAttendanceAction(null, form({ id, body: "Já verifiquei." }))).toEqual({ ok: true });
    session.viewer = world.viewers.supervisor;
    expect(await replyToAttendanceAction(null, form({ id, body: "Oi" }))).toMatchObject({ ok: false, code: "conflict" });
    expect((await getAttendance(world.viewers.operator, id))?.messages.map((m) => [m.direction, m.body, m.status])).toEqual([["outbound", "Já verifiquei.", "queued"]]);
  });

  it("Encerrar asks for the outcome, then closes and goes back to the queues", async () => {
    const id = await attendanceInA(world.segments.s1, world.viewers.operator);
    session.viewer = world.viewers.operator;
    expect(await closeAttendanceAction(null, form({ id, outcome: "" }))).toMatchObject({ ok: false, fieldErrors: { outcome: ["Escolha o resultado do atendimento."] } });
    expect(await redirectTarget(closeAttendanceAction(null, form({ id, outcome: "resolved" })))).toBe("/live?toast=closed");
    expect(await getAttendance(world.viewers.operator, id)).toMatchObject({ status: "closed", outcome: "resolved" });
  });

  it("Transferir reads the one select: nothing chosen, a queue (Sem segmento too) or a person", async () => {
    session.viewer = world.viewers.operator;
    const toNobody = await attendanceInA(world.segments.s1, world.viewers.operator);
    expect(await transferAttendanceAction(null, form({ id: toNobody, target: "" }))).toMatchObject({ ok: false, fieldErrors: { to: ["Escolha para quem transferir."] } });
    expect(await transferAttendanceAction(null, form({ id: toNobody, target: "operator:" }))).toMatchObject({ ok: false, fieldErrors: { userId: ["Escolha um operador."] } });

    const toQueue = await attendanceInA(world.segments.s1, world.viewers.operator);
    expect(await redirectTarget(transferAttendanceAction(null, form({ id: toQueue, target: "queue:" })))).toBe("/live?toast=transferred");
    expect(await getAttendance(world.viewers.admin, toQueue)).toMatchObject({ status: "waiting", segmentId: null, operator: null });

    const toPerson = await attendanceInA(world.segments.s1, world.viewers.operator);
    expect(await redirectTarget(transferAttendanceAction(null, form({ id: toPerson, target: `operator:${world.viewers.supervisor.userId}` })))).toBe("/live?toast=transferred");
    expect((await getAttendance(world.viewers.supervisor, toPerson))?.mine).toBe(true);

    // Someone outside the attendance's segment is refused by lib/live, as the form never offers them.
    const outside = await attendanceInA(world.segments.s1, world.viewers.operator);
    expect(await transferAttendanceAction(null, form({ id: outside, target: `operator:${world.viewers.otherOperator.userId}` }))).toMatchObject({
      ok: false, fieldErrors: { userId: ["Escolha um operador da fila deste atendimento."] },
    });
  });
});
