// `npm run build`: `next build`, then a hash of the code it was built from, kept in .next (which
// every `next build` empties first, so no other build keeps a stale one). `npm start` runs this
// with --if-changed: it builds only when there is no such hash or the code's hash differs.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

// What `next build` reads (the tests beside the code included); docs/, e2e/ and bench/ are not.
const sources = [
  "app",
  "components",
  "lib",
  "db",
  "instrumentation.ts",
  "instrumentation-client.ts",
  "proxy.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];
const stamp = ".next/sources-hash";

function sourcesHash() {
  const files = sources
    .flatMap((source) => (statSync(source).isDirectory() ? readdirSync(source, { recursive: true }).map((file) => path.join(source, file)) : [source]))
    .filter((file) => statSync(file).isFile())
    .sort();
  const hash = createHash("sha256");
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(file));
  return hash.digest("hex");
}

const hash = sourcesHash();
if (process.argv.includes("--if-changed")) {
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === hash) process.exit(0);
  console.log(`Carteira: ${existsSync(stamp) ? "the code changed since the last build" : "no build yet"}, building the app (a few minutes) …`);
}
const status = spawnSync("npx", ["next", "build"], { stdio: "inherit" }).status ?? 1;
if (status === 0) writeFileSync(stamp, hash);
process.exit(status);
