import { openPostgres } from "./client";
import { migrateDatabase } from "./migrate";

// `npm run db:migrate`: for an external PostgreSQL only. The embedded PGlite database is migrated
// by the server process itself on start (a second process on its folder would corrupt it).
async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      "DATABASE_URL is not set. The embedded database (PGlite) is migrated by the app itself on first start; " +
        "set DATABASE_URL=postgres://… to migrate a PostgreSQL server.",
    );
    process.exit(1);
  }
  const handle = openPostgres(url);
  try {
    await migrateDatabase(handle);
    console.log("Migrations applied");
  } finally {
    await handle.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
