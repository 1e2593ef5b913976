import { spawn, type ChildProcess } from "node:child_process";

// Real `npm run worker` processes for the crash tests (PostgreSQL only): started, killed as a crash
// would kill them, and all gone before the test file's database is dropped.

const workers: ChildProcess[] = [];

export function startWorker() {
  const worker = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "lib/jobs/worker-cli.ts"], {
    env: { ...process.env, DATABASE_URL: process.env.TEST_DATABASE_URL },
    stdio: "ignore",
    detached: true,
  });
  workers.push(worker);
  return worker;
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
