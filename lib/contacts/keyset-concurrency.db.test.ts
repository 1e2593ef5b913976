import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { contacts } from "@/db/schema";
import { createWorld } from "@/db/testing/world";
import { generateCpf } from "@/lib/documents/document";
import { findContacts } from "./contact-list";
import type { ContactSort } from "./contact-filters";

// Keyset pages stay stable while others write: contacts created between two page loads land
// before the cursor (newest first) and never shift the next page into repeats or gaps, as OFFSET would.
describe("keyset pagination under concurrent inserts", () => {
  it.each<ContactSort>(["created", "updated", "priority"])("paging by %s visits each existing contact once while new ones arrive", async (sort) => {
    const world = await createWorld();
    const { admin } = world.viewers;
    const before = (await findContacts(admin, { sort, limit: 100 })).items.map((c) => c.id);
    expect(before.length).toBeGreaterThan(4);

    const seen: string[] = [];
    let page = await findContacts(admin, { sort, limit: 2 });
    for (let n = 0; ; n++) {
      seen.push(...page.items.map((c) => c.id));
      // Someone creates a high-priority contact right now, before the next page is asked for.
      await getDb().insert(contacts).values({
        organizationId: world.orgA,
        name: `Novo ${n}`,
        document: generateCpf(world.random),
        documentType: "cpf",
        customerCode: `NEW-${sort}-${n}-${Math.random().toString(36).slice(2, 8)}`,
        priority: "high",
        createdAt: sql`now() + interval '1 minute'`,
        updatedAt: sql`now() + interval '1 minute'`,
      });
      if (!page.nextCursor) break;
      page = await findContacts(admin, { sort, limit: 2, after: page.nextCursor });
    }
    expect(seen).toEqual(before);
  });
});
