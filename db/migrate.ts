import path from "node:path";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { Database } from "./client";

export const migrationsFolder = path.resolve(/* turbopackIgnore: true */ process.cwd(), "db/migrations");

/** Applies the committed drizzle-kit migrations; the same SQL runs on PGlite and PostgreSQL. */
export async function migrateDatabase(db: Database, embedded: boolean) {
  if (embedded) await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder });
  else await migratePostgres(db as unknown as NodePgDatabase, { migrationsFolder });
}
