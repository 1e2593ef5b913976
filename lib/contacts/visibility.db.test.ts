import { beforeAll, describe, expect, it } from "vitest";
import { createWorld, type World } from "@/db/testing/world";
import { findContacts, getContact } from "./queries";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

describe("smoke", () => {
  it("admin sees own org only", async () => {
    const page = await findContacts(world.viewers.admin, { limit: 100 });
    expect(page.items.map((c) => c.id)).not.toContain(world.contacts.contactB);
    expect(page.items).toHaveLength(7);
    expect(await getContact(world.viewers.operator, world.contacts.inS3)).toBeNull();
  });
});
