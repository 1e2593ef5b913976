import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { sql, TransactionRollbackError } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { filtersToSearchParams, parseContactFilters, type ContactFilters } from "@/lib/contacts/contact-filters";
import { readStoredFilters, toStoredFilters } from "@/lib/contacts/stored-filters";
import { allFilters, completeFilters, oneOfEachFilter, sampleIds } from "@/lib/contacts/testing/filter-samples";
import { getDb, rowsOf } from "./client";
import { migrationsFolder } from "./migrate";
import { createWorld, type World } from "./testing/world";

// Saved filters and bulk actions used to keep the list's URL query; a migration turned those into
// versioned JSON. Here its statements run again, as shipped, on rows stored the old way (the old
// columns put back inside a transaction that is rolled back), and what they write must read back
// as the very filters the list read from the old query.

const migration = readdirSync(migrationsFolder).find((file) => file.endsWith("_list_filters_from_query_strings.sql"))!;
const statements = readFileSync(path.join(migrationsFolder, migration), "utf8").split("--> statement-breakpoint");

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

/** Each query stored the old way as a saved filter and as a bulk action; what the migration makes of them. */
async function migrate(queries: string[]): Promise<{ saved: unknown[]; bulk: unknown[]; selection: unknown }> {
  const { organizationId, userId } = world.viewers.supervisor;
  let converted: Awaited<ReturnType<typeof migrate>> | undefined;
  await getDb()
    .transaction(async (tx) => {
      await tx.execute(sql`alter table saved_filters add column query text, alter column filters drop not null`);
      await tx.execute(sql`alter table bulk_actions add column list_query text`);
      for (const [i, query] of [...queries, null].entries()) {
        if (query !== null) {
          await tx.execute(sql`insert into saved_filters (organization_id, owner_user_id, name, query)
            values (${organizationId}::uuid, ${userId}::uuid, ${`antigo ${i}`}, ${query})`);
        }
        await tx.execute(sql`insert into bulk_actions (organization_id, actor_user_id, actor_name, kind, params, total, list_query)
          values (${organizationId}::uuid, ${userId}::uuid, 'Supervisor', 'add_tags', jsonb_build_object('i', ${i}::int), 0, ${query})`);
      }
      for (const statement of statements) await tx.execute(sql.raw(statement));
      const saved = rowsOf<{ filters: unknown }>(
        await tx.execute(sql`select filters from saved_filters where organization_id = ${organizationId}::uuid
          and name like 'antigo %' order by substr(name, 8)::int`),
      );
      const bulk = rowsOf<{ filters: unknown }>(
        await tx.execute(sql`select list_filters as filters from bulk_actions where organization_id = ${organizationId}::uuid
          order by (params->>'i')::int`),
      );
      converted = { saved: saved.map((r) => r.filters), bulk: bulk.slice(0, -1).map((r) => r.filters), selection: bulk.at(-1)!.filters };
      tx.rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof TransactionRollbackError)) throw error;
    });
  return converted!;
}

const parse = (query: string) => parseContactFilters(new URLSearchParams(query));
const withoutPage = (filters: ContactFilters): ContactFilters => ({ ...filters, size: 25, after: undefined, before: undefined });

describe("the migration of stored list queries to versioned JSON", () => {
  it("turns every query a saved filter held into exactly the JSON the app now writes", async () => {
    // What saveFilter stored: the parsed filters written back, without cursors (the page size was kept).
    const samples = [...Object.values(oneOfEachFilter), allFilters, {}].map(completeFilters);
    const queries = samples.map((filters) => filtersToSearchParams({ ...filters, after: undefined, before: undefined }).toString());
    const { saved, bulk, selection } = await migrate(queries);
    expect(saved).toEqual(queries.map((query) => toStoredFilters(parse(query))));
    expect(bulk).toEqual(saved);
    expect(selection).toBeNull();
    expect(saved.map(readStoredFilters)).toEqual(samples.map(withoutPage));
  });

  it("reads a forged or hand-made query as the list read it: first of a single value, all of a list, unknown keys and bad values ignored", async () => {
    const { segA, user } = sampleIds;
    const queries = [
      `q=Jo%C3%A3o+da+Silva&q=segundo&segment=nao-uuid&segment=${segA.toUpperCase()}&segment=${segA}&tagAll=%23VIP%2C+novo&tagAll=vip` +
        "&noSegment=true&sort=aleatorio&sort=name&size=50&after=abc&evil=1&&=x&priority=high&priority=HIGH&hasPhone=&createdFrom=2026-02-30" +
        `&createdTo=2026-03-05&responsible=none&responsible=${user}&responsible=none`,
      "noSegment=1&noSegment=0&updatedFrom=2026-01-01",
      "%71=chave+codificada&tagNone=a%2Bb+c&tagAny=100%&tagAny=50%25",
      "segment&priority&q==igual=&hasEmail=no",
      "",
    ];
    const { bulk } = await migrate(queries);
    expect(bulk.map(readStoredFilters)).toEqual(queries.map((query) => withoutPage(parse(query))));
  });

  it("drops a value that is not UTF-8 once decoded instead of failing", async () => {
    const { bulk } = await migrate(["q=%FF%FE&priority=low"]);
    expect(bulk).toEqual([{ v: 1, filters: { priority: ["low"] } }]);
  });
});
