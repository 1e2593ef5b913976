import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createWorld, type World } from "@/db/testing/world";
import { reportFilters, reportPeriod } from "./report-filters";
import { exportReportCsv, getAttendanceReport, listReportAttendances } from "./reports";
import { addAttendance } from "@/db/testing/live";

// Relatórios de atendimento: scoped to the viewer's queues, the period, each slice.

let world: World;
beforeEach(async () => {
  world = await createWorld();
});

async function served(id: string, operatorId: string, waitSeconds: number, handleSeconds: number | null) {
  await getDb().execute(sql`
    update attendances set operator_user_id = ${operatorId}::uuid, taken_at = arrived_at + make_interval(secs => ${waitSeconds}),
      status = ${handleSeconds === null ? "open" : "closed"}, outcome = ${handleSeconds === null ? null : "resolved"},
      closed_at = ${handleSeconds === null ? null : sql`arrived_at + make_interval(secs => ${waitSeconds + handleSeconds})`}
    where id = ${id}::uuid`);
}

const today = new Date().toLocaleDateString("sv-SE", { timeZone: "America/Sao_Paulo" });
const period = reportPeriod(reportFilters.parse({}), today);

describe("the attendance report", () => {
  it("counts the viewer's queues in the period, with average and p90 waiting and handling", async () => {
    const { operator, supervisor, admin } = world.viewers;
    const a = await addAttendance(world.orgA, { segmentId: world.segments.s1, contactId: world.contacts.inS1, minutesAgo: 30 });
    const b = await addAttendance(world.orgA, { segmentId: world.segments.s1, channel: "email", address: "x@y.com", minutesAgo: 20 });
    await addAttendance(world.orgA, { segmentId: world.segments.s3, minutesAgo: 10 });
    await addAttendance(world.orgA, { segmentId: world.segments.s1, minutesAgo: 60 * 24 * 30 });
    await served(a, operator.userId, 60, 300);
    await served(b, operator.userId, 180, null);

    const report = await getAttendanceReport(supervisor, period, {});
    expect(report?.total).toMatchObject({ attendances: 2, avgWaitSeconds: 120, p90WaitSeconds: 168, avgHandleSeconds: 300, p90HandleSeconds: 300 });
    expect(report?.bySegment.map((r) => [r.label, r.attendances])).toEqual([["S1", 2]]);
    expect(report?.byOperator.map((r) => [r.label, r.attendances])).toEqual([["Operator", 2]]);
    expect(report?.byChannel.map((r) => [r.label, r.attendances])).toEqual([["E-mail", 1], ["WhatsApp", 1]]);
    expect(report?.byPriority.map((r) => [r.label, r.attendances])).toEqual([["Média", 2]]);
    expect(report?.days).toHaveLength(7);
    expect(report?.days.reduce((sum, d) => sum + d.attendances, 0)).toBe(2);

    expect((await getAttendanceReport(admin, period, {}))?.total.attendances).toBe(3);
    expect(await getAttendanceReport(operator, period, {})).toBeNull();
    expect((await getAttendanceReport(world.viewers.adminB, period, {}))?.total.attendances).toBe(0);
  });

  it("lists the attendances behind a number, page by page, and exports them as CSV", async () => {
    const { supervisor } = world.viewers;
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await addAttendance(world.orgA, { segmentId: world.segments.s1, minutesAgo: i + 1 }));
    await addAttendance(world.orgA, { segmentId: world.segments.s2, channel: "email", address: "=cmd@evil.com" });

    const first = await listReportAttendances(supervisor, period, { segment: world.segments.s1 }, 2);
    expect(first?.rows.map((r) => r.id)).toEqual([ids[0], ids[1]]);
    const second = await listReportAttendances(supervisor, period, { segment: world.segments.s1, before: first!.next! }, 2);
    expect(second).toEqual({ rows: [expect.objectContaining({ id: ids[2], queueName: "S1" })], next: null });
    expect((await listReportAttendances(supervisor, period, { channel: "email" }))?.rows).toHaveLength(1);
    // A forged cursor is the first page, not an error.
    expect((await listReportAttendances(supervisor, period, { before: "###" }))?.rows).toHaveLength(4);

    const bytes = new Uint8Array(await new Response(exportReportCsv(supervisor, period, { channel: "email" })).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split("\r\n");
    expect(lines[0]).toBe("Chegada;Canal;Cliente;Contato;Prioridade;Fila;Operador;Situação;Resultado;Espera (s);Atendimento (s)");
    expect(lines[1]).toContain(";E-mail;'=cmd@evil.com;;Média;S2;;Aguardando;;;");
    expect(lines).toHaveLength(3);
  });

  it("reads its period from the URL, dropping what is malformed", () => {
    expect(reportPeriod(reportFilters.parse({ from: "2026-02-30", to: "2026-11-20" }), today)).toEqual({ from: "2026-11-14", to: "2026-11-20" });
    expect(reportPeriod(reportFilters.parse({ from: "2026-11-20", to: "2026-11-01" }), today)).toEqual({ from: "2026-11-01", to: "2026-11-20" });
    expect(reportPeriod(reportFilters.parse({ from: "2020-01-01", to: "2026-11-20" }), today).from).toBe("2025-11-20");
    expect(reportFilters.parse({ segment: "x", channel: "fax", priority: ["low", "high"] })).toEqual({ priority: "low" });
  });
});
