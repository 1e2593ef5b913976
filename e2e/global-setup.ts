import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

// Starts the built app (`next start`) on a throwaway embedded database, which the server migrates
// and seeds with the demo on its first start, exactly as a new user's first run does.
export default async function setup(project: TestProject) {
  const port = Number(process.env.E2E_PORT ?? 3210);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "carteira-e2e-"));
  const server: ChildProcess = spawn("npx", ["next", "start", "-p", String(port)], {
    env: {
      ...process.env,
      PGLITE_DIR: path.join(dataDir, "pglite"),
      AUTH_SECRET: randomBytes(32).toString("base64"),
      NODE_ENV: "production",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  server.stdout?.on("data", (chunk) => (output += chunk));
  server.stderr?.on("data", (chunk) => (output += chunk));

  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${baseUrl}/login`, server, () => output);
  project.provide("baseUrl", baseUrl);

  return () => {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  };
}

export async function waitFor(url: string, server: ChildProcess, output: () => string) {
  for (let attempt = 0; attempt < 120; attempt++) {
    if (server.exitCode !== null) throw new Error(`next start exited:\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The app did not answer at ${url}:\n${output()}`);
}
