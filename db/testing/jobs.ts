import type PgBoss from "pg-boss";
import { jobEngine, type QueueName } from "@/lib/jobs/engine";

/**
 * Works the jobs of a queue in this process, as a worker would, until none is ready: tests see a
 * job's whole effect without timers. A job that throws is failed (the engine schedules its retry)
 * and its error is returned.
 */
export async function workQueue<T>(queue: QueueName, handler: (job: PgBoss.JobWithMetadata<T>) => Promise<void>) {
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
