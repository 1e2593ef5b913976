import { Client } from "pg";
import type { TestProject } from "vitest/node";
import { openPostgres } from "../client";
import { migrateDatabase } from "../migrate";
import { databaseUrlFor } from "./database-url";

// Migrate one template database; each test file then gets its own copy (CREATE DATABASE … TEMPLATE),
// so files run in parallel without seeing each other's rows, and nothing is left behind.
export default async function setup(project: TestProject) {
  const baseUrl = process.env.DATABASE_URL!;
  const template = `carteira_tpl_${process.pid}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  const handle = openPostgres(databaseUrlFor(baseUrl, template));
  await migrateDatabase(handle);
  await handle.close();
  project.provide("database", { kind: "postgres", baseUrl, template });
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.end();
  };
}
