import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { redirectTarget } from "@/db/testing/redirect-target";
import { createWorld, type World } from "@/db/testing/world";
import type { Viewer } from "@/lib/auth/viewer";
import { getCampaign, listCampaigns } from "@/lib/campaigns/campaigns";
import { contactInput } from "@/lib/contacts/contact-input";
import { createContact } from "@/lib/contacts/mutations";
import { formatDocument, generateCpf } from "@/lib/documents/document";
import { createTemplate } from "@/lib/templates/templates";

// Public HTTP endpoints: called as a forged request would be, with whoever the test says signed in.
const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/session", () => ({ getViewer: async () => session.viewer }));

const { describeAudienceAction, startCampaignAction } = await import("./actions");

let world: World;
let templateId: string;
beforeAll(async () => {
  world = await createWorld();
  const template = await createTemplate(world.viewers.admin, { name: "Aviso", channel: "whatsapp", subject: null, body: "Olá {{contactfirstname}}" });
  if (!template.ok) throw new Error(template.message);
  templateId = template.id;
  const contact = await createContact(
    world.viewers.admin,
    contactInput.parse({
      name: "Maria Campanha",
      document: formatDocument(generateCpf(), "cpf"),
      customerCode: `CAMP-${Math.random().toString(36).slice(2, 8)}`,
      segmentIds: [world.segments.s1],
      phones: ["(11) 98765-4321"],
      consent: { whatsapp: "granted" },
    }),
    "form",
  );
  if (!contact.ok) throw new Error(contact.message);
});
beforeEach(() => {
  session.viewer = null;
});

const choices = () => ({ channel: "whatsapp", templateId, segmentIds: [world.segments.s1] });

describe("campaign server actions", () => {
  it("refuse no session and operators, creating nothing", async () => {
    for (const viewer of [null, world.viewers.operator]) {
      session.viewer = viewer;
      expect(await describeAudienceAction(choices())).toMatchObject({ ok: false, code: "forbidden" });
      expect(await startCampaignAction({ name: "X", ...choices() })).toMatchObject({ ok: false, code: "forbidden" });
    }
    expect(await listCampaigns(world.viewers.admin)).toEqual([]);
  });

  it("describe the audience, then start the campaign and open its page", async () => {
    session.viewer = world.viewers.supervisor;
    expect(await describeAudienceAction(choices())).toMatchObject({ ok: true, audience: { matched: 3, reachable: 1, incomplete: 0, sendable: 1 } });
    const target = await redirectTarget(startCampaignAction({ name: "Aviso de julho", ...choices() }));
    const id = /^\/campaigns\/([0-9a-f-]{36})$/.exec(target ?? "")?.[1];
    expect(id).toBeDefined();
    expect(await getCampaign(world.viewers.supervisor, id!)).toMatchObject({ name: "Aviso de julho", status: "sending", reachable: 1 });
  });

  it.each([
    ["null", null],
    ["a string", "x"],
    ["an array", []],
    ["ids of the wrong shape", { channel: "whatsapp", templateId: { id: 1 }, segmentIds: ["1 or 1=1"], savedFilterId: 7 }],
    ["another organization's segment", { channel: "whatsapp", segmentIds: ["00000000-0000-0000-0000-000000000000"], templateId: "00000000-0000-0000-0000-000000000000" }],
  ])("answer a forged argument (%s) with field errors, never an error", async (_, input) => {
    session.viewer = world.viewers.admin;
    expect(await describeAudienceAction(input)).toMatchObject({ ok: false, code: "invalid" });
    expect(await startCampaignAction(input)).toMatchObject({ ok: false, code: "invalid" });
  });

  it("start nothing without a name", async () => {
    session.viewer = world.viewers.admin;
    expect(await startCampaignAction({ name: "  ", ...choices() })).toMatchObject({ ok: false, fieldErrors: { name: ["Dê um nome à campanha."] } });
  });
});
