import { spawnSync } from "node:child_process";
import { findChromium } from "./browser";

// End-to-end tests: `npm run build`, then vitest drives Debian's Chromium against `next start` on a
// fresh embedded database (e2e/global-setup.ts). With --if-browser (as `npm test` calls it) a
// machine without Chromium gets a notice instead of a failure; CI installs Chromium and sets CI=true.
function main() {
  const optional = process.argv.includes("--if-browser") && !process.env.CI;
  if (!findChromium()) {
    const message = "End-to-end tests need Chromium: apt-get install -y chromium (or set CHROMIUM_PATH).";
    if (optional) {
      console.warn(`\n⚠  ${message}\n   Skipping them on this machine.\n`);
      return 0;
    }
    console.error(message);
    return 1;
  }
  // The app under test runs on the embedded database, whatever the shell points at.
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  delete env.DATABASE_URL;
  const run = (command: string, args: string[]) => spawnSync(command, args, { stdio: "inherit", env }).status ?? 1;
  return run("npm", ["run", "build"]) || run("npx", ["vitest", "run", "--config", "e2e/vitest.config.ts"]);
}

process.exit(main());
