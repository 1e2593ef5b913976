import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Routes and components never touch tables: they call lib/ functions that take the viewer, where
// the visibility predicate and the permission table are applied.
const noDatabase = (allow = "") => ({
  patterns: [
    {
      regex: `^(@/db${allow}|drizzle-orm)(/.*)?$|^(\\.\\./)+db(/|$)`,
      message: "Pages, actions and components read and write through lib/<domain>/ functions that take the viewer, never the database.",
    },
  ],
});

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // `_name` marks a value destructured out on purpose.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["app/**", "components/**"],
    rules: { "no-restricted-imports": ["error", noDatabase()] },
  },
  {
    // The server actions' database tests build their fixtures with the test harness, and only that.
    files: ["app/**/*.db.test.ts"],
    rules: { "no-restricted-imports": ["error", noDatabase("(?!/testing/)")] },
  },
  {
    // The schema is the bottom layer: lib/ imports it, never the other way round.
    files: ["db/schema.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ regex: "^(@|\\.\\.)/lib(/|$)", message: "The schema imports nothing from lib/." }] }] },
  },
  {
    // The enumerations are read by the schema, the zod schemas and the browser alike.
    files: ["db/enums.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "ImportDeclaration, ExportAllDeclaration, ExportNamedDeclaration[source]", message: "db/enums.ts imports nothing." },
      ],
    },
  },
  globalIgnores([".next/**", ".data/**", "next-env.d.ts", "db/migrations/**"]),
]);
