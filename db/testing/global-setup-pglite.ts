import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import type { TestProject } from "vitest/node";
import { pgliteExecuteSql, pgliteExtensions, type Database } from "../client";
import { migrateDatabase } from "../migrate";

// A fresh PGlite costs seconds to migrate: migrate once, dump it, and let each test file load the dump.
export default async function setup(project: TestProject) {
  const client = new PGlite({ extensions: pgliteExtensions });
  await migrateDatabase({ db: drizzle(client) as unknown as Database, executeSql: pgliteExecuteSql(client), embedded: true });
  const dump = await client.dumpDataDir("none");
  await client.close();
  const dir = mkdtempSync(path.join(os.tmpdir(), "carteira-pglite-"));
  const file = path.join(dir, "migrated.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("database", { kind: "pglite", dumpFile: file });
  return () => rmSync(dir, { recursive: true, force: true });
}
