// The same list/search/count operations on embedded PGlite (the default database when DATABASE_URL
// is unset) at 100,000 contacts, in memory: PGlite is one single-threaded WASM process, so the
// figures say what the embedded demo can carry, not what a server does.
//   npm run bench:pglite [-- --contacts 100000 --runs 100]
import os from "node:os";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { drizzle } from "drizzle-orm/pglite";
import { pgliteExecuteSql, setDatabaseHandle, type Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import * as schema from "@/db/schema";
import { contactColumns, contactRows, createOrganization, linksWithoutMirror, progress, segmentRows } from "./generate";
import { argument, context, runAll, table, writeReport, type RawQuery } from "./run";

async function main() {
  const started = performance.now();
  const contactCount = Number(argument("--contacts") ?? 100_000);
  const runs = Number(argument("--runs") ?? 100);
  const warmup = 5;
  const seed = 0xbe4c;

  const client = new PGlite({ extensions: { pg_trgm, unaccent } });
  const handle = { db: drizzle(client, { schema }) as unknown as Database, executeSql: pgliteExecuteSql(client), close: () => client.close(), embedded: true };
  await migrateDatabase(handle);

  // COPY FROM '/dev/blob' is PGlite's COPY FROM STDIN: ~10x a multi-row INSERT.
  const loadStarted = performance.now();
  const query: RawQuery = async (text, values) => (await client.query<Record<string, unknown>>(text, values)).rows;
  const org = await createOrganization(query, contactCount, seed);
  const blob = (rows: Iterable<string>) => new Blob([...rows]);
  await client.query(`copy contacts (${contactColumns}) from '/dev/blob'`, [], {
    blob: blob(contactRows(contactCount, seed, org, progress("contacts", contactCount))),
  });
  await client.query(linksWithoutMirror.before);
  await client.query("copy contact_segments (organization_id, contact_id, segment_id) from '/dev/blob'", [], {
    blob: blob(segmentRows(contactCount, seed, org, () => {})),
  });
  await client.query(linksWithoutMirror.after);
  await client.query("vacuum analyze");
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  console.log(`Loaded ${contactCount.toLocaleString("en")} contacts into PGlite in ${loadSeconds.toFixed(1)} s`);

  setDatabaseHandle(handle);
  const ctx = await context(query, org.organizationId, contactCount);
  const results = await runAll(ctx, runs, warmup);
  const peakRss = (process.resourceUsage().maxRSS / 1024).toFixed(0);
  await client.close();

  writeReport("pglite.md", [
    `# Benchmark — PGlite (in memory), ${new Date().toISOString()}`,
    "",
    `${contactCount.toLocaleString("en")} contacts loaded in ${loadSeconds.toFixed(1)} s; ${runs} measured runs per operation after ${warmup} warm-up runs; ` +
      `Node ${process.version}, ${os.cpus().length} CPUs. Peak RSS (PGlite included): ${peakRss} MB. Total: ${((performance.now() - started) / 1000).toFixed(0)} s.`,
    "",
    "Times in ms, client-side. ratio = p50 ours / p50 raw SQL on the same PGlite.",
    "",
    ...table(results),
    "",
  ]);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
