import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { Pool } from "pg";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Plain SQL on the same database, for the job engine (pg-boss speaks text and positional values). */
export type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

export type Handle = { db: Database; executeSql: ExecuteSql; close: () => Promise<void>; embedded: boolean };

// Next loads separate module copies for pages and route handlers: one handle per process,
// kept on globalThis, or the PGlite folder would be opened twice.
const globalHandle = globalThis as unknown as { __carteiraDb?: Handle };

/** The extensions the migrations create, which PGlite must be given up front. */
export const pgliteExtensions = { pg_trgm, unaccent };

export function pgliteDir() {
  return path.resolve(/* turbopackIgnore: true */ process.env.PGLITE_DIR ?? ".data/pglite");
}

export function openPostgres(url: string): Handle {
  const pool = new Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  // An idle connection the server ends (a restart, a terminated backend) is dropped by the pool and
  // replaced on the next query; unhandled, its error would end the whole process.
  pool.on("error", (error) => console.error("PostgreSQL pool:", error.message));
  return {
    db: drizzlePg(pool, { schema }) as unknown as Database,
    executeSql: (text, values) => pool.query(text, values),
    close: () => pool.end(),
    embedded: false,
  };
}

export function openPglite(dir: string): Handle {
  mkdirSync(dir, { recursive: true });
  const releaseLock = lockFolder(dir);
  const client = new PGlite(dir, { extensions: pgliteExtensions });
  return {
    db: drizzlePglite(client, { schema }) as unknown as Database,
    executeSql: pgliteExecuteSql(client),
    close: async () => {
      await client.close();
      releaseLock();
    },
    embedded: true,
  };
}

export function getDatabaseHandle(): Handle {
  globalHandle.__carteiraDb ??= process.env.DATABASE_URL
    ? openPostgres(process.env.DATABASE_URL)
    : openPglite(pgliteDir());
  return globalHandle.__carteiraDb;
}

/** Tests put their own database here before any data-access module runs. */
export function setDatabaseHandle(handle: Handle) {
  globalHandle.__carteiraDb = handle;
}

export function getDb(): Database {
  return getDatabaseHandle().db;
}

/** PGlite runs one statement per query() and several per exec(), which has no parameters. */
export function pgliteExecuteSql(client: PGlite): ExecuteSql {
  return async (text, values) => {
    if (values && values.length > 0) return client.query(text, values);
    const results = await client.exec(text);
    return results.at(-1) ?? { rows: [] };
  };
}

/** The `pg` pool behind getDb(), for work that needs a connection of its own (COPY … TO STDOUT); null on PGlite. */
export function getPool(): Pool | null {
  const handle = getDatabaseHandle();
  return handle.embedded ? null : (handle.db as unknown as { $client: Pool }).$client;
}

// PGlite has no lock of its own and two processes on one folder corrupt it silently (lost writes,
// duplicate keys). A lock file with the owner's pid makes a second opener fail fast; a lock left by
// a process that no longer runs is taken over.
function lockFolder(dir: string) {
  const lockPath = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => {
        if (existsSync(lockPath) && readFileSync(lockPath, "utf8") === String(process.pid)) rmSync(lockPath);
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(lockPath, "utf8"));
      if (owner && owner !== process.pid && isRunning(owner)) {
        throw new Error(
          `The embedded database in ${dir} is already open by process ${owner}. ` +
            "PGlite allows a single owner: stop that process (or set DATABASE_URL to use PostgreSQL).",
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database folder ${dir}.`);
}

function isRunning(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The rows of a raw `execute`, which pg and PGlite both answer with `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
