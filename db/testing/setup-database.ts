import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { Client } from "pg";
import { afterAll, inject } from "vitest";
import { openPostgres, pgliteExecuteSql, pgliteExtensions, setDatabaseHandle, type Database } from "../client";
import * as schema from "../schema";
import { databaseUrlFor } from "./database-url";

declare module "vitest" {
  export interface ProvidedContext {
    database: { kind: "pglite"; dumpFile: string } | { kind: "postgres"; baseUrl: string; template: string };
  }
}

// Runs before each database test file: gives the file a migrated database of its own and makes
// it the one the data-access layer uses.
const target = inject("database");

if (target.kind === "pglite") {
  const client = new PGlite({
    loadDataDir: new Blob([readFileSync(target.dumpFile)]),
    extensions: pgliteExtensions,
  });
  setDatabaseHandle({
    db: drizzle(client, { schema }) as unknown as Database,
    executeSql: pgliteExecuteSql(client),
    close: () => client.close(),
    embedded: true,
  });
  afterAll(() => client.close());
} else {
  const name = `carteira_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new Client({ connectionString: target.baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${target.template}`);
  const url = databaseUrlFor(target.baseUrl, name);
  // For tests that start other processes (workers) on this file's database.
  process.env.TEST_DATABASE_URL = url;
  const handle = openPostgres(url);
  setDatabaseHandle(handle);
  afterAll(async () => {
    await handle.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  });
}
