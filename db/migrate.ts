import path from "node:path";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { installJobSchema } from "@/lib/jobs/engine";
import type { Handle } from "./client";

export const migrationsFolder = path.resolve(/* turbopackIgnore: true */ process.cwd(), "db/migrations");

/**
 * Applies the committed drizzle-kit migrations (the same SQL on PGlite and PostgreSQL), then
 * installs the job engine's own tables, which pg-boss versions and migrates itself.
 */
export async function migrateDatabase(handle: Pick<Handle, "db" | "executeSql" | "embedded">) {
  if (handle.embedded) await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
  else await migratePostgres(handle.db as unknown as NodePgDatabase, { migrationsFolder });
  await installJobSchema(handle);
}
