// The benchmarks' own databases, on DATABASE_URL's server (default 127.0.0.1:5432): created and
// dropped by name, never the database DATABASE_URL names.
import { Client } from "pg";

/** The URL of `database` on DATABASE_URL's server. */
export function serverUrl(database: string) {
  const url = new URL(process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
  url.pathname = `/${database}`;
  return url.toString();
}

/** One statement on the server's maintenance database (create or drop a database). */
export async function onServer(statement: string) {
  const admin = new Client({ connectionString: serverUrl("postgres") });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}
