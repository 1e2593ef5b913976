import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createWorld, type World } from "@/db/testing/world";
import type { Viewer } from "@/lib/auth/viewer";
import { todayInBrasilia } from "@/lib/format/date";
import { addDays } from "@/lib/live/report-filters";
import { addAttendance } from "@/db/testing/live";

// A public HTTP endpoint: called as a browser (or a forged request) would, with whoever the test says signed in.
const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/session", () => ({ getViewer: async () => session.viewer }));

const { GET } = await import("./route");

let world: World;
const today = todayInBrasilia();
// From yesterday, so that attendances placed minutes ago are in the period even just after midnight.
const yesterday = addDays(today, -1);
beforeAll(async () => {
  world = await createWorld();
  await addAttendance(world.orgA, { segmentId: world.segments.s1, minutesAgo: 5 });
  await addAttendance(world.orgA, { segmentId: world.segments.s1, channel: "email", address: "cliente@exemplo.com", minutesAgo: 10 });
  // Outside the supervisor's queues (S1, S2): only an admin's report has it.
  await addAttendance(world.orgA, { segmentId: world.segments.s3, minutesAgo: 15 });
});
beforeEach(() => {
  session.viewer = null;
});

const get = (query: string) => GET(new Request(`http://localhost/reports/attendances/export?${query}`));
const lines = async (response: Response) => (await response.text()).replace(/^\uFEFF/, "").split("\r\n").filter(Boolean);

describe("GET /reports/attendances/export", () => {
  it("needs a session, and refuses an operator", async () => {
    expect((await get("")).status).toBe(401);
    session.viewer = world.viewers.operator;
    const refused = await get("");
    expect(refused.status).toBe(403);
    expect(await refused.text()).toBe("Apenas supervisores e administradores exportam os relatórios de atendimento.");
  });

  it("downloads the supervisor's queues in the period as CSV, named for the period", async () => {
    session.viewer = world.viewers.supervisor;
    const response = await get(`from=${yesterday}&to=${today}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="atendimentos-${yesterday}-a-${today}.csv"`);
    const csv = await lines(response);
    expect(csv[0]).toBe("Chegada;Canal;Cliente;Contato;Prioridade;Fila;Operador;Situação;Resultado;Espera (s);Atendimento (s)");
    expect(csv.slice(1).map((line) => line.split(";").slice(1, 3))).toEqual([["WhatsApp", "(11) 98765-4321"], ["E-mail", "cliente@exemplo.com"]]);
  });

  it("exports the slice of the URL, the whole set whatever the list's page, and no period from garbage", async () => {
    session.viewer = world.viewers.supervisor;
    const email = await lines(await get(`channel=email&before=${encodeURIComponent("bad cursor")}`));
    expect(email).toHaveLength(2);
    expect(email[1]).toContain(";E-mail;cliente@exemplo.com;");
    // A malformed day is dropped: the default period (the last 7 days) applies.
    const response = await get("from=2026-02-30&segment=x");
    expect(response.headers.get("Content-Disposition")).toMatch(new RegExp(`filename="atendimentos-\\d{4}-\\d{2}-\\d{2}-a-${today}\\.csv"`));
    expect(await lines(response)).toHaveLength(3);
    session.viewer = world.viewers.admin;
    expect(await lines(await get(""))).toHaveLength(4);
  });
});
