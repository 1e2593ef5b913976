import { sql } from "drizzle-orm";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createWorld, type World } from "@/db/testing/world";
import { parseContactFilters } from "./contact-filters";
import { findContacts } from "./contact-list";
import { exportContactsCsv, neutralizeFormula } from "./export";

let world: World;
beforeAll(async () => {
  world = await createWorld();
  // A contact whose name and e-mail would run as spreadsheet formulas.
  await getDb().execute(sql`update contacts set name = '=HYPERLINK("http://x")', emails = array['@evil.com.br']
    where id = ${world.contacts.inS1}::uuid`);
});

async function read(stream: ReadableStream<Uint8Array>) {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array(await new Response(stream).arrayBuffer()));
}

describe("CSV export", () => {
  it.each(["operator", "otherOperator"] as const)("is refused to an %s", (who) => {
    expect(exportContactsCsv(world.viewers[who], {})).toBeNull();
  });

  it.each(["supervisor", "admin"] as const)("holds exactly what the %s may see, with BOM, header and ';'", async (who) => {
    const viewer = world.viewers[who];
    const text = await read(exportContactsCsv(viewer, {})!);
    expect(text.startsWith("\uFEFFNome;CPF / CNPJ;")).toBe(true);
    const rows: string[][] = parse(text.slice(1), { delimiter: ";" });
    const visible = (await findContacts(viewer, { limit: 100 })).items;
    expect(rows.slice(1).map((r) => r[3]).sort()).toEqual(visible.map((c) => c.customerCode).sort());
  });

  it("exports the filtered set only, and ',' on request", async () => {
    const text = await read(exportContactsCsv(world.viewers.admin, { segment: [world.segments.s3] }, ",")!);
    const rows: string[][] = parse(text.slice(1), { delimiter: "," });
    const inS3 = (await findContacts(world.viewers.admin, { segment: [world.segments.s3], limit: 100 })).items;
    expect(rows.slice(1).map((r) => r[3]).sort()).toEqual(inS3.map((c) => c.customerCode).sort());
  });

  it("neutralizes cells that would run as formulas", async () => {
    const text = await read(exportContactsCsv(world.viewers.admin, {})!);
    const rows: string[][] = parse(text.slice(1), { delimiter: ";" });
    const row = rows.find((r) => r[0].includes("HYPERLINK"))!;
    expect(row[0]).toBe(`'=HYPERLINK("http://x")`);
    expect(row[9]).toBe("'@evil.com.br");
  });

  // What /contacts/export does with its URL: values PostgreSQL refuses with an error are dropped by
  // the list's parser. Before, a NUL in the search cut the download off.
  it.each(["q=jo%00ao", "tagAll=vip%00", "createdFrom=0000-01-01", "updatedTo=2024-13-45"])("%s exports as without it", async (query) => {
    const unfiltered = await read(exportContactsCsv(world.viewers.admin, {})!);
    expect(await read(exportContactsCsv(world.viewers.admin, parseContactFilters(new URLSearchParams(query)))!)).toBe(unfiltered);
  });

  it.each([["=1+1", "'=1+1"], ["+55", "'+55"], ["-2", "'-2"], ["@x", "'@x"], ["Maria", "Maria"], ["(11) 9", "(11) 9"]])(
    "neutralizeFormula(%j) → %j",
    (cell, expected) => {
      expect(neutralizeFormula(cell)).toBe(expected);
    },
  );
});
