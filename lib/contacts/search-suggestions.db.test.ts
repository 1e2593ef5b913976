import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { contacts, segments } from "@/db/schema";
import { createWorld, type World } from "@/db/testing/world";
import { searchSuggestions } from "./search-suggestions";
import { listOrganizationTags, listOrganizationTagUses } from "./tag-suggestions";

// What the search box may have meant: segments by name and hashtags by prefix, each only among
// what the viewer sees. The test world's visibility: supervisor in S1+S2, operator in S1 and
// responsável of operatorResponsible, otherOperator in S3 (inS3, inS1andS3, codeInA).

let world: World;
let segmentIds: Record<string, string>;

beforeAll(async () => {
  world = await createWorld();
  const db = getDb();
  const { s1, s2, s3, sB } = world.segments;
  const rename = (id: string, name: string) => db.update(segments).set({ name }).where(eq(segments.id, id));
  await rename(s1, "Varejo SP");
  await rename(s2, "Varejo RJ");
  await rename(s3, "Corporativo São Paulo");
  await rename(sB, "Varejo SP");
  const [sul] = await db.insert(segments).values({ organizationId: world.orgA, name: "Varejo Sul" }).returning({ id: segments.id });
  const [old] = await db
    .insert(segments)
    .values({ organizationId: world.orgA, name: "Varejo Antigo", archivedAt: new Date() })
    .returning({ id: segments.id });
  segmentIds = { varejoSP: s1, varejoRJ: s2, corporativo: s3, varejoSPdeB: sB, varejoSul: sul.id, varejoAntigo: old.id };

  const tags: Partial<Record<keyof World["contacts"], string[]>> = {
    inS1: ["vip", "novo"],
    inS2: ["vip", "vitalicio"],
    inS3: ["vip-ouro", "varejo"],
    noSegment: ["vinculado", "vip"],
    operatorResponsible: ["viagem"],
    contactB: ["vip", "vazamento-b"],
  };
  for (const [key, list] of Object.entries(tags)) {
    await db.update(contacts).set({ tags: list }).where(eq(contacts.id, world.contacts[key as keyof World["contacts"]]));
  }
});

const segmentNames = async (viewer: keyof World["viewers"], typed: string) =>
  (await searchSuggestions(world.viewers[viewer], typed)).segments.map((s) => s.name);

describe("searchSuggestions: segments", () => {
  it("offers the segment named like the search, ignoring case and accents", async () => {
    expect((await searchSuggestions(world.viewers.admin, "varejo sp")).segments).toEqual([{ id: segmentIds.varejoSP, name: "Varejo SP" }]);
    expect(await segmentNames("admin", "VAREJO SP")).toEqual(["Varejo SP"]);
    expect(await segmentNames("admin", "sao paulo")).toEqual(["Corporativo São Paulo"]);
    expect(await segmentNames("admin", "Corp São")).toEqual(["Corporativo São Paulo"]);
  });

  it("matches the start of the name's words, at most three, in name order, never an archived segment", async () => {
    expect(await segmentNames("admin", "varejo")).toEqual(["Varejo RJ", "Varejo SP", "Varejo Sul"]);
    expect(await segmentNames("admin", "vare s")).toEqual(["Varejo SP", "Varejo Sul"]);
    expect(await segmentNames("admin", "ejo")).toEqual([]);
    expect(await segmentNames("admin", "antigo")).toEqual([]);
  });

  it("offers nothing for a search too short, or one that is only hashtags", async () => {
    expect(await segmentNames("admin", "v")).toEqual([]);
    expect(await segmentNames("admin", "#varejo")).toEqual([]);
    expect(await segmentNames("admin", "   ")).toEqual([]);
  });

  it("offers nothing, without an error, for text the database would refuse (a NUL from a forged URL)", async () => {
    expect(await searchSuggestions(world.viewers.admin, "varejo\u0000sp")).toEqual({ segments: [], tags: [] });
    expect(await searchSuggestions(world.viewers.admin, `varejo ${"x".repeat(300)}`)).toEqual({ segments: [], tags: [] });
  });

  it("offers a supervisor or an operator only the segments of their carteira", async () => {
    expect(await segmentNames("supervisor", "varejo")).toEqual(["Varejo RJ", "Varejo SP"]);
    expect(await segmentNames("supervisor", "varejo sul")).toEqual([]);
    expect(await segmentNames("supervisor", "corporativo")).toEqual([]);
    expect(await segmentNames("operator", "varejo")).toEqual(["Varejo SP"]);
    expect(await segmentNames("operator", "varejo rj")).toEqual([]);
    expect(await segmentNames("otherOperator", "varejo")).toEqual([]);
    expect(await segmentNames("otherOperator", "corporativo")).toEqual(["Corporativo São Paulo"]);
  });

  it("never offers another organization's segment", async () => {
    expect((await searchSuggestions(world.viewers.adminB, "varejo sp")).segments).toEqual([{ id: segmentIds.varejoSPdeB, name: "Varejo SP" }]);
    expect(await segmentNames("adminB", "corporativo")).toEqual([]);
  });
});

describe("listOrganizationTags", () => {
  it("lists the tags of the viewer's contacts that start with the prefix, most used first, then by name", async () => {
    expect(await listOrganizationTagUses(world.viewers.admin, "vi")).toEqual([
      { tag: "vip", uses: 3 },
      { tag: "viagem", uses: 1 },
      { tag: "vinculado", uses: 1 },
      { tag: "vip-ouro", uses: 1 },
      { tag: "vitalicio", uses: 1 },
    ]);
    expect(await listOrganizationTags(world.viewers.admin, "#VIP")).toEqual(["vip", "vip-ouro"]);
    expect(await listOrganizationTags(world.viewers.admin)).toEqual(["vip", "novo", "varejo", "viagem", "vinculado", "vip-ouro", "vitalicio"]);
    expect(await listOrganizationTags(world.viewers.admin, undefined, 2)).toEqual(["vip", "novo"]);
  });

  it("counts only the contacts the viewer sees", async () => {
    expect(await listOrganizationTagUses(world.viewers.supervisor, "vi")).toEqual([
      { tag: "vip", uses: 2 },
      { tag: "vitalicio", uses: 1 },
    ]);
    expect(await listOrganizationTags(world.viewers.operator, "vi")).toEqual(["viagem", "vip"]);
    expect(await listOrganizationTags(world.viewers.otherOperator)).toEqual(["varejo", "vip-ouro"]);
    expect(await listOrganizationTags(world.viewers.adminB)).toEqual(["vazamento-b", "vip"]);
  });

  it("reads the prefix literally", async () => {
    expect(await listOrganizationTags(world.viewers.admin, "v_p")).toEqual([]);
    expect(await listOrganizationTags(world.viewers.admin, "%")).toEqual([]);
    expect(await listOrganizationTags(world.viewers.admin, "xyz")).toEqual([]);
  });
});

describe("searchSuggestions: hashtags", () => {
  it("completes a #prefix typed in the box with the viewer's tags, not the ones typed", async () => {
    expect((await searchSuggestions(world.viewers.operator, "#vi")).tags).toEqual([
      { typed: "vi", tag: "viagem" },
      { typed: "vi", tag: "vip" },
    ]);
    expect((await searchSuggestions(world.viewers.admin, "silva #vip")).tags).toEqual([{ typed: "vip", tag: "vip-ouro" }]);
    expect((await searchSuggestions(world.viewers.supervisor, "#vip-o")).tags).toEqual([]);
    expect((await searchSuggestions(world.viewers.admin, "vip")).tags).toEqual([]);
  });

  it("offers segments and hashtags from one box", async () => {
    const both = await searchSuggestions(world.viewers.supervisor, "#vit varejo rj");
    expect(both).toEqual({ segments: [{ id: segmentIds.varejoRJ, name: "Varejo RJ" }], tags: [{ typed: "vit", tag: "vitalicio" }] });
  });
});
