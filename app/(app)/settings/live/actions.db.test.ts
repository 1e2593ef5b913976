import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createWorld, type World } from "@/db/testing/world";
import type { Viewer } from "@/lib/auth/viewer";
import { loadLiveSettings } from "@/lib/live/settings";

// A public HTTP endpoint: called as a forged request would be, with whoever the test says signed in.
const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/session", () => ({ getViewer: async () => session.viewer }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { updateLiveSettingsAction } = await import("./actions");

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
beforeEach(() => {
  session.viewer = null;
});

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};
const valid = { "channelPriorities.whatsapp": "5", "channelPriorities.sms": "0", "channelPriorities.email": "2", maxOpenPerOperator: "4", agingMinutes: "15" };

describe("updateLiveSettingsAction", () => {
  it("refuses no session, operators and supervisors, changing nothing", async () => {
    for (const viewer of [null, world.viewers.operator, world.viewers.supervisor]) {
      session.viewer = viewer;
      expect(await updateLiveSettingsAction(null, form({ ...valid, autoDistribution: "on" }))).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await loadLiveSettings(world.orgA)).toEqual({ channelPriorities: { whatsapp: 0, sms: 0, email: 0 }, autoDistribution: false, maxOpenPerOperator: 3, agingMinutes: null });
  });

  it("saves the admin's form for their organization only: an unticked box is off, a blank aging is off", async () => {
    session.viewer = world.viewers.admin;
    expect(await updateLiveSettingsAction(null, form({ ...valid, autoDistribution: "on" }))).toMatchObject({ ok: true, savedAt: expect.any(Number) });
    expect(await loadLiveSettings(world.orgA)).toEqual({ channelPriorities: { whatsapp: 5, sms: 0, email: 2 }, autoDistribution: true, maxOpenPerOperator: 4, agingMinutes: 15 });
    expect((await loadLiveSettings(world.orgB)).autoDistribution).toBe(false);

    expect(await updateLiveSettingsAction(null, form({ ...valid, agingMinutes: "  " }))).toMatchObject({ ok: true });
    expect(await loadLiveSettings(world.orgA)).toMatchObject({ autoDistribution: false, agingMinutes: null });
  });

  it("answers every field error in Portuguese, a blank number as missing rather than zero", async () => {
    session.viewer = world.viewers.admin;
    const before = await loadLiveSettings(world.orgA);
    expect(await updateLiveSettingsAction(null, form({ "channelPriorities.whatsapp": "12", maxOpenPerOperator: "", agingMinutes: "0" }))).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: {
        channelPriorities: expect.arrayContaining(["Use de 0 a 9.", "Escolha a prioridade do canal."]),
        maxOpenPerOperator: ["Informe quantos atendimentos um operador pode ter ao mesmo tempo."],
        agingMinutes: expect.arrayContaining(["Ao menos 1 minuto."]),
      },
    });
    expect(await updateLiveSettingsAction(null, form({ ...valid, maxOpenPerOperator: "2.5", agingMinutes: "abc" }))).toMatchObject({
      ok: false,
      fieldErrors: { maxOpenPerOperator: ["Use um número inteiro."], agingMinutes: ["Informe os minutos em números inteiros, ou deixe vazio."] },
    });
    expect(await loadLiveSettings(world.orgA)).toEqual(before);
  });
});
