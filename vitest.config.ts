import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const alias = {
  "@": root,
  // `server-only` throws outside React Server Components; the tests are trusted server code.
  "server-only": path.join(root, "db/testing/server-only-stub.ts"),
};

// next-auth imports "next/server" without an extension, which Node's own resolution refuses:
// let Vite resolve it (the session tests run its cookie code).
const server = { deps: { inline: ["next-auth"] } };

const databaseProject = (name: string, globalSetup: string, include: string[]) => ({
  resolve: { alias },
  test: {
    name,
    server,
    include,
    environment: "node",
    globalSetup,
    setupFiles: ["db/testing/setup-database.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

// Database tests run on embedded PGlite always, and again on PostgreSQL when DATABASE_URL is set.
export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", server, include: ["{app,db,lib}/**/*.test.ts"], exclude: ["**/*.db.test.ts", "**/*.pg.test.ts"], environment: "node" },
      },
      {
        resolve: { alias },
        test: { name: "components", include: ["components/**/*.test.tsx"], environment: "jsdom", setupFiles: ["components/testing/setup-jsdom.ts"] },
      },
      databaseProject("db:pglite", "db/testing/global-setup-pglite.ts", ["{app,db,lib}/**/*.db.test.ts"]),
      // *.pg.test.ts need several processes on one database, which only PostgreSQL allows.
      ...(process.env.DATABASE_URL
        ? [databaseProject("db:postgres", "db/testing/global-setup-postgres.ts", ["{app,db,lib}/**/*.db.test.ts", "{app,db,lib}/**/*.pg.test.ts"])]
        : []),
    ],
  },
});
