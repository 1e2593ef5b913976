import { spawn, type ChildProcess } from "node:child_process";

// Real `npm run worker` processes for the crash tests (PostgreSQL only): started, killed as a crash
// would kill them, and all gone before the test file's database is dropped.

const workers: ChildProcess[] = [];

export const startWorker = () => startProcess("lib/jobs/worker-cli.ts");

/** Another server process running `script` (with `args`) on the test database. */
export function startProcess(script: string, args: string[] = []) {
  const worker = spawn("node_modules/.bin/tsx", ["--conditions=react-server", script, ...args], {
    env: { ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL },
    stdio: "ignore",
    detached: true,
  });
  workers.push(worker);
  return worker;
}

/** Resolves with the process's exit code once it has ended. */
export function exited(worker: ChildProcess): Promise<number | null> {
  if (worker.exitCode !== null || worker.signalCode !== null) return Promise.resolve(worker.exitCode);
  return new Promise((resolve) => worker.once("exit", (code) => resolve(code)));
}

export function stopWorker(worker: ChildProcess) {
  if (worker.exitCode !== null || worker.signalCode !== null) return Promise.resolve();
  const exited = new Promise((resolve) => worker.once("exit", resolve));
  process.kill(-worker.pid!, "SIGKILL");
  return exited;
}

export const stopAllWorkers = () => Promise.all(workers.map(stopWorker));

export async function until<T>(what: string, seconds: number, probe: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`Gave up waiting ${seconds} s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
