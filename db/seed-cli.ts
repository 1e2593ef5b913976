import { openPostgres } from "./client";
import { formatDemoLogins } from "./print-logins";
import { isDatabaseSeeded, seedDemo } from "./seed";

// `npm run db:seed`: for an external PostgreSQL only (run `npm run db:migrate` first). The embedded
// PGlite database is seeded by the server process itself on first start.
async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      "DATABASE_URL is not set. The embedded database (PGlite) is seeded by the app itself on first start; " +
        "set DATABASE_URL=postgres://… to seed a PostgreSQL server.",
    );
    process.exit(1);
  }
  const handle = openPostgres(url);
  try {
    if (await isDatabaseSeeded(handle.db)) {
      console.log("Database already seeded: nothing to do.");
      return;
    }
    await seedDemo(handle.db);
    console.log("Demo data seeded. Logins:\n");
    console.log(formatDemoLogins());
  } finally {
    await handle.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
