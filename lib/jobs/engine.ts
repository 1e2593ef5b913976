import PgBoss from "pg-boss";
import { sql, type SQL } from "drizzle-orm";
import { getDatabaseHandle, type ExecuteSql, type Handle, type Transaction } from "@/db/client";

// THE job engine: every piece of background work (bulk actions now; imports, campaign sends and
// cleanups next) is a pg-boss job. Its state is in the database (schema `pgboss`), so a job
// survives a restart, and every app server and `npm run worker` process can take jobs from it.
// The domain row (a bulk action, an import…) keeps what the user sees: options, counts, progress.

export const jobSchema = "pgboss";

/** The queues. A queue's handler lives with its domain (lib/jobs/handlers.ts maps them). */
export const queues = {
  bulkAction: "bulk-action",
  import: "import",
  resume: "resume",
  purge: "purge",
  dashboard: "dashboard",
  liveDistribute: "live-distribute",
  messageDelivery: "message-delivery",
  campaignSend: "campaign-send",
} as const;
export type QueueName = (typeof queues)[keyof typeof queues];

// "stately": at most one job waiting and one running per singletonKey, so a refresh asked for by
// many requests at once is queued once (see requestJob).
const queuePolicies: Partial<Record<QueueName, PgBoss.QueuePolicy>> = {
  [queues.dashboard]: "stately",
  [queues.liveDistribute]: "stately",
  [queues.messageDelivery]: "stately",
};

/**
 * How long one run of a job may take before pg-boss hands it to another worker: also how soon a
 * job cut off by a crash is taken up again. Handlers keep each run far shorter (a time budget
 * per run, lock and statement timeouts per transaction).
 */
export const jobExpireSeconds = Number(process.env.JOB_EXPIRE_SECONDS ?? 30);

/** Retries with exponential backoff (2 s, 4 s, 8 s… about 8 minutes in all) before a job fails for good. */
const retry = { retryLimit: 8, retryDelay: 2, retryBackoff: true } as const;

type Engine = { boss: PgBoss; working: boolean };
const globalEngine = globalThis as unknown as { __carteiraJobs?: Engine };

function createBoss(executeSql: ExecuteSql) {
  const boss = new PgBoss({
    db: { executeSql },
    schema: jobSchema,
    // Expired runs are moved to retry by the maintenance loop: often, so that a crash costs under a minute.
    maintenanceIntervalSeconds: Math.min(10, jobExpireSeconds),
    expireInSeconds: jobExpireSeconds,
    ...retry,
  });
  boss.on("error", (error) => console.error("Job engine:", error.message));
  return boss;
}

/** The process's engine, created on first use; it sends jobs before (or without) working on any. */
export function jobEngine(): PgBoss {
  // Through the handle of the moment (tests swap it per file), not the one of the first call.
  globalEngine.__carteiraJobs ??= { boss: createBoss((text, values) => getDatabaseHandle().executeSql(text, values)), working: false };
  return globalEngine.__carteiraJobs.boss;
}

/**
 * Installs (or upgrades) pg-boss's own tables and creates the queues. Part of migrating the
 * database, so that the app, the workers and the tests find them ready.
 */
export async function installJobSchema(handle: Pick<Handle, "executeSql">) {
  const boss = createBoss(handle.executeSql);
  await boss.start();
  for (const name of Object.values(queues)) {
    if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, policy: queuePolicies[name], expireInSeconds: jobExpireSeconds, ...retry });
  }
  await boss.stop({ graceful: false, close: false });
}

/**
 * Enqueues a job inside the caller's transaction: the job exists exactly when the domain row that
 * asked for it does, so nothing is lost between "row created" and "job enqueued". A job whose runs
 * are longer than most (reading an import's file) asks for a longer expiry.
 */
export async function enqueueJob(tx: Transaction, queue: QueueName, data: object, { expireInSeconds = jobExpireSeconds } = {}): Promise<string> {
  const id = await jobEngine().send(queue, data, { db: transactionDb(tx), expireInSeconds, ...retry });
  if (!id) throw new Error(`The job engine refused a job for ${queue}.`);
  return id;
}

/**
 * Asks for a job on a stately queue unless one with the same key is already waiting: for work that
 * needs doing once however often it is asked for, like refreshing a snapshot. No transaction: the
 * request is not tied to a row written with it.
 */
export async function requestJob(queue: QueueName, data: object, singletonKey: string): Promise<void> {
  await jobEngine().send(queue, data, { singletonKey, expireInSeconds: jobExpireSeconds, ...retry });
}

/** pg-boss's `db` interface over a drizzle transaction: its $n placeholders become bound parameters. */
function transactionDb(tx: Transaction) {
  return {
    executeSql: async (text: string, values: unknown[] = []) => {
      const parts = text.split(/\$(\d+)/);
      const query: SQL[] = parts.map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql`${values[Number(part) - 1]}`));
      return (await tx.execute(sql.join(query))) as unknown as { rows: unknown[] };
    },
  };
}

export type JobHandlers = Record<QueueName, (job: PgBoss.JobWithMetadata<never>) => Promise<void>>;
export type JobSchedule = { queue: QueueName; cron: string; data: object };

/**
 * Starts working on every queue in this process, and registers the schedules (pg-boss runs each
 * cron once across all processes). Called by the app server on start (instrumentation.ts) and by
 * `npm run worker`.
 */
export async function startWorkers(handlers: JobHandlers, schedules: JobSchedule[]) {
  const boss = jobEngine();
  const engine = globalEngine.__carteiraJobs!;
  if (engine.working) return;
  engine.working = true;
  await boss.start();
  for (const [queue, handler] of Object.entries(handlers)) {
    await boss.work<never>(queue, { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => handler(job));
  }
  for (const { queue, cron, data } of schedules) await boss.schedule(queue, cron, data, { tz: "America/Sao_Paulo" });
}

export async function stopWorkers() {
  const engine = globalEngine.__carteiraJobs;
  if (!engine) return;
  await engine.boss.stop({ graceful: true, close: false, wait: true, timeout: 10_000 });
  globalEngine.__carteiraJobs = undefined;
}

/**
 * Works the ready jobs of one queue in this process, as a worker would, until none is left: for
 * tests and benchmarks, which want a job's whole effect without waiting for polling. A job that
 * throws is failed (the engine schedules its retry) and its error returned.
 */
export async function workReadyJobs<T>(queue: QueueName, handler: (job: PgBoss.JobWithMetadata<T>) => Promise<void>) {
  const boss = jobEngine();
  const errors: unknown[] = [];
  for (;;) {
    const [job] = await boss.fetch<T>(queue, { includeMetadata: true });
    if (!job) return errors;
    try {
      await handler(job);
      await boss.complete(queue, job.id);
    } catch (error) {
      errors.push(error);
      await boss.fail(queue, job.id, { message: String(error) });
    }
  }
}
