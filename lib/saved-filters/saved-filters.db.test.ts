import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createWorld, type World } from "@/db/testing/world";
import { findContacts } from "@/lib/contacts/contact-list";
import { getContact } from "@/lib/contacts/queries";
import { readStoredFilters } from "@/lib/contacts/stored-filters";
import { savedFilterInput } from "./saved-filter-input";
import { deleteSavedFilter, listSavedFilters, saveFilter } from "./saved-filters";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const input = (name: string, query: string, shared = false) => savedFilterInput.parse({ name, query, shared: shared ? "on" : "" });
const names = async (who: keyof World["viewers"]) => (await listSavedFilters(world.viewers[who])).map((f) => f.name);
const hrefOf = async (who: keyof World["viewers"], id: string) => (await listSavedFilters(world.viewers[who])).find((f) => f.id === id)?.href;

describe("saved filters", () => {
  it("are the owner's own: others of the organization do not see them", async () => {
    const name = `Meus VIPs ${randomUUID()}`;
    expect(await saveFilter(world.viewers.operator, input(name, "tagAll=vip"))).toMatchObject({ ok: true });
    expect(await names("operator")).toContain(name);
    expect(await names("supervisor")).not.toContain(name);
    expect(await names("admin")).not.toContain(name);
  });

  it("shared by an admin, reach the whole organization and no other", async () => {
    const name = `Carteira S3 ${randomUUID()}`;
    expect(await saveFilter(world.viewers.admin, input(name, `segment=${world.segments.s3}`, true))).toMatchObject({ ok: true });
    for (const who of ["admin", "supervisor", "operator", "otherOperator"] as const) expect(await names(who)).toContain(name);
    expect(await names("adminB")).not.toContain(name);
  });

  it.each(["operator", "supervisor"] as const)("cannot be shared by a %s", async (who) => {
    const name = `Compartilhado ${randomUUID()}`;
    const result = await saveFilter(world.viewers[who], input(name, "priority=high", true));
    expect(result).toMatchObject({ ok: false, fieldErrors: { shared: ["Apenas administradores compartilham filtros."] } });
    expect(await names(who)).not.toContain(name);
  });

  it("never widen visibility: the admin's shared filter, applied by an operator, shows only what the operator sees", async () => {
    const saved = await saveFilter(world.viewers.admin, input(`S3 e S1 ${randomUUID()}`, `segment=${world.segments.s3}&segment=${world.segments.s1}`, true));
    if (!saved.ok) throw new Error(saved.message);
    const applied = await findContacts(world.viewers.operator, { ...readStoredFilters(saved.filters), limit: 100 });
    expect(applied.items.length).toBeGreaterThan(0);
    for (const item of applied.items) expect(await getContact(world.viewers.operator, item.id)).not.toBeNull();
    expect(applied.items.map((c) => c.id)).not.toContain(world.contacts.inS3);
  });

  it("keep filters and sort only, as versioned JSON: page size, cursors and unknown parameters are dropped", async () => {
    const result = await saveFilter(world.viewers.operator, input(`Limpo ${randomUUID()}`, "priority=high&size=50&after=abc&sort=name&evil=1"));
    expect(result).toMatchObject({ ok: true, filters: { v: 1, filters: { priority: ["high"] }, sort: "name" } });
    if (!result.ok) return;
    expect(await hrefOf("operator", result.id)).toBe("/contacts?priority=high&sort=name");
  });

  it("refuse a second filter with the same name for the same person", async () => {
    const name = `Repetido ${randomUUID()}`;
    await saveFilter(world.viewers.supervisor, input(name, "priority=low"));
    expect(await saveFilter(world.viewers.supervisor, input(name, "priority=high"))).toMatchObject({
      ok: false,
      fieldErrors: { name: ["Você já tem um filtro com este nome."] },
    });
  });

  it("are deleted by their owner, a shared one also by an admin, and by no one else", async () => {
    const own = await saveFilter(world.viewers.operator, input(`Apagar ${randomUUID()}`, "priority=high"));
    const shared = await saveFilter(world.viewers.admin, input(`Apagar comp ${randomUUID()}`, "priority=low", true));
    if (!own.ok || !shared.ok) throw new Error("setup");
    expect(await deleteSavedFilter(world.viewers.supervisor, own.id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await deleteSavedFilter(world.viewers.operator, shared.id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await deleteSavedFilter(world.viewers.adminB, shared.id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await deleteSavedFilter(world.viewers.operator, own.id)).toEqual({ ok: true });
    expect(await deleteSavedFilter(world.viewers.admin, shared.id)).toEqual({ ok: true });
    expect(await deleteSavedFilter(world.viewers.admin, "not-a-uuid")).toMatchObject({ ok: false, code: "not_found" });
  });

  it("need a name", () => {
    const parsed = savedFilterInput.safeParse({ name: "  ", query: "" });
    expect(parsed.success).toBe(false);
  });
});
