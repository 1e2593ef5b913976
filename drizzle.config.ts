import { defineConfig } from "drizzle-kit";

// Migrations are generated from db/schema.ts and applied by the app itself (db/migrate.ts),
// on PGlite at start-up and on PostgreSQL through `npm run db:migrate`.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
});
