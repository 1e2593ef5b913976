// What the HTTP benchmarks share (bench/http.ts, bench/api.ts): the production build, `next start`
// on a bench database, autocannon in a second process, and the raw side's closed loops — each child
// in its own process group, stopped whole however the run ends.
import { fork, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { waitFor } from "../e2e/global-setup";
import type { LoadRequest, LoadResult } from "./http-load";
import { percentile } from "./run";


const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules/next/dist/bin/next");
export const running = new Set<ChildProcess>();

export async function stop(child: ChildProcess) {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    const signal = (name: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, name);
      } catch {
        // already gone
      }
    };
    signal("SIGTERM");
    const kill = setTimeout(() => signal("SIGKILL"), 5000);
    await exited;
    clearTimeout(kill);
  }
  running.delete(child);
}

for (const name of ["SIGINT", "SIGTERM"] as const) {
  process.once(name, () => {
    console.error(`\n${name}: stopping the server`);
    void Promise.all([...running].map(stop)).finally(() => process.exit(130));
  });
}

/** The build rule of `npm start` (scripts/build.mjs): built when the code changed since the last build, or with --build. */
export function ensureBuild(force: boolean): string {
  const started = performance.now();
  const args = [path.join(root, "scripts/build.mjs"), ...(force ? [] : ["--if-changed"])];
  const { status } = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (status !== 0) throw new Error("next build failed");
  const id = readFileSync(path.join(root, ".next", "BUILD_ID"), "utf8").trim();
  return `build ${id} (${((performance.now() - started) / 1000).toFixed(0)} s to check or build)`;
}

export async function startServer(baseUrl: string, port: number, databaseUrl: string) {
  const listening = await fetch(baseUrl).then(() => true, () => false);
  if (listening) throw new Error(`Something already answers at ${baseUrl}: choose another --port`);
  const server = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(32).toString("base64"),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      // As on app servers beside `npm run worker`: the engine's polling and hourly purge would land in the figures.
      JOB_WORKERS: "off",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  running.add(server);
  let output = "";
  server.stdout!.on("data", (chunk) => (output += chunk));
  server.stderr!.on("data", (chunk) => (output += chunk));
  await waitFor(`${baseUrl}/login`, server, () => output);
  return server;
}

/** Autocannon in a second process, bounded in time: a run that hangs is stopped and fails. */
function load(request: LoadRequest): Promise<LoadResult> {
  const child = fork(path.join(import.meta.dirname, "http-load.ts"), { detached: true, stdio: "inherit" });
  running.add(child);
  let timer: NodeJS.Timeout | undefined;
  return new Promise<LoadResult>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`The load process did not finish within ${request.seconds + 180} s`)), (request.seconds + 180) * 1000);
    child.once("message", (result) => resolve(result as LoadResult));
    child.once("exit", (code) => reject(new Error(`The load process exited (${code}) without a result`)));
    child.send(request);
  }).finally(() => {
    clearTimeout(timer);
    return stop(child);
  });
}

/** Resident memory of a process and its descendants, in MB (Linux /proc). */
export function treeRss(pid: number): number {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    const children = readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(" ").filter(Boolean).map(Number),
    );
    return kb / 1024 + children.reduce((sum, child) => sum + treeRss(child), 0);
  } catch {
    return 0; // the process ended between two reads
  }
}

export type Latencies = { p50: number; p95: number; p99: number; perSecond: number };

export function summary(latencies: number[], seconds: number): Latencies {
  if (latencies.length === 0) throw new Error(`No response within ${seconds} s: raise --duration`);
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99), perSecond: sorted.length / seconds };
}

/** `clients` closed loops calling fn for `seconds`, each call timed, like autocannon's connections. */
export async function rawLoad(fn: () => Promise<unknown>, clients: number, seconds: number) {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() - started < seconds * 1000) {
        const start = performance.now();
        await fn();
        latencies.push(performance.now() - start);
      }
    }),
  );
  return summary(latencies, (performance.now() - started) / 1000);
}

export async function httpLoad(label: string, request: LoadRequest) {
  const result = await load(request);
  const codes = Object.entries(result.statusCodes).map(([code, n]) => `${n} × ${code}`).join(", ") || "none";
  console.log(`  ${label}, ${request.connections} conn: ${result.latencies.length} responses (${codes}), ${result.errors} errors`);
  if (result.errors > 0 || Object.keys(result.statusCodes).some((code) => code !== "200")) {
    throw new Error(`${label}: every response must be 200 (got ${codes}; ${result.errors} errors)`);
  }
  return summary(result.latencies, result.seconds);
}


/** Runs a benchmark's main when its file is the one started, stopping its children however it ends. */
export function runBenchmark(moduleUrl: string, main: () => Promise<void>) {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? "").href) return;
  main().then(
    () => process.exit(0),
    async (error) => {
      console.error(error);
      await Promise.all([...running].map(stop));
      process.exit(1);
    },
  );
}
