import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createWorld, type World } from "@/db/testing/world";
import type { Viewer } from "@/lib/auth/viewer";
import { listSegmentsOverview } from "@/lib/segments/admin";

// Public HTTP endpoints: called as a forged request would be, with whoever the test says signed in.
const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/session", () => ({ getViewer: async () => session.viewer }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { addSegmentMemberAction, archiveSegmentAction, createSegmentAction, removeSegmentMemberAction, updateSegmentAction } = await import("./actions");

let world: World;
beforeAll(async () => {
  world = await createWorld();
});
beforeEach(() => {
  session.viewer = null;
});

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
};

// Read through the admin's eyes: names, descriptions, counts; an archived segment drops out.
const segmentsOfA = async () => (await listSegmentsOverview(world.viewers.admin))!;

describe("segment server actions", () => {
  it("refuse no session, operators and supervisors alike, changing nothing", async () => {
    const before = await segmentsOfA();
    for (const viewer of [null, world.viewers.operator, world.viewers.supervisor]) {
      session.viewer = viewer;
      expect(await createSegmentAction(null, form({ name: "Cobrança" }))).toMatchObject({ ok: false, code: "forbidden" });
      expect(await updateSegmentAction(null, form({ id: world.segments.s1, name: "X" }))).toMatchObject({ ok: false, code: "forbidden" });
      expect(await archiveSegmentAction(null, form({ id: world.segments.s1, contacts: "unlink" }))).toMatchObject({ ok: false, code: "forbidden" });
      expect(await addSegmentMemberAction(world.segments.s2, world.viewers.operator.userId)).toMatchObject({ ok: false, code: "forbidden" });
      expect(await removeSegmentMemberAction(world.segments.s1, world.viewers.operator.userId)).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await segmentsOfA()).toEqual(before);
  });

  it("answer bad input with field errors in Portuguese, and garbage ids with not found", async () => {
    session.viewer = world.viewers.admin;
    expect(await createSegmentAction(null, form({ name: "  " }))).toMatchObject({ ok: false, fieldErrors: { name: ["Informe o nome do segmento."] } });
    expect(await updateSegmentAction(null, form({ id: "1 or 1=1", name: "X" }))).toMatchObject({ ok: false, code: "not_found" });
    expect(await archiveSegmentAction(null, form({ id: world.segments.s1, contacts: "move" }))).toMatchObject({ ok: false, fieldErrors: { targetSegmentId: ["Escolha o segmento de destino."] } });
    expect(await addSegmentMemberAction(world.segments.s1, "nobody")).toMatchObject({ ok: false, fieldErrors: { userId: ["Escolha um usuário da lista."] } });
  });

  it("refuse an archive that moves the contacts nowhere with a field error, archiving nothing", async () => {
    session.viewer = world.viewers.admin;
    const before = await segmentsOfA();
    const forged: Record<string, string>[] = [
      { id: world.segments.s1, contacts: "move" },
      { id: world.segments.s1, contacts: "move", targetSegmentId: "" },
      { id: world.segments.s1, contacts: "move", targetSegmentId: world.segments.s1 },
      { id: world.segments.s1 },
    ];
    const answers = [];
    for (const fields of forged) answers.push(await archiveSegmentAction(null, form(fields)));
    expect(answers).toMatchObject([
      { ok: false, code: "invalid", fieldErrors: { targetSegmentId: ["Escolha o segmento de destino."] } },
      { ok: false, code: "invalid", fieldErrors: { targetSegmentId: ["Escolha o segmento de destino."] } },
      { ok: false, code: "invalid", fieldErrors: { targetSegmentId: ["Escolha outro segmento, em uso, como destino."] } },
      { ok: false, code: "invalid", fieldErrors: { contacts: ["Escolha o que fazer com os contatos."] } },
    ]);
    expect(await segmentsOfA()).toEqual(before);
  });

  it("let an admin create a segment and land on its page", async () => {
    session.viewer = world.viewers.admin;
    let target: string | undefined;
    try {
      await createSegmentAction(null, form({ name: "Cobrança", description: "Em atraso" }));
    } catch (error) {
      target = (error as { digest?: string }).digest?.split(";")[2];
    }
    expect(target).toMatch(/^\/segments\/[0-9a-f-]{36}\?toast=created$/);
    expect((await segmentsOfA()).map((s) => s.name)).toContain("Cobrança");
  });
});
