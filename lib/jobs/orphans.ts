import "server-only";
import { getDb, type Transaction } from "@/db/client";
import { jobEngine, type QueueName } from "./engine";

export type UnfinishedWork = { organizationId: string; id: string; jobId: string | null };

/**
 * The minute's orphan check for one kind of domain row (a bulk action, an import): pg-boss retries
 * a job under the same id, so a run that outlived its expiry still completes the job that a newer
 * run of it holds; should that newer run crash too, the work has no job left. Each unfinished row
 * whose recorded job has finished is given a new one by `requeue`, which locks the row and checks,
 * in its transaction, that it is still unfinished with that same job. Returns how many.
 */
export async function resumeOrphans(
  queue: QueueName,
  unfinished: UnfinishedWork[],
  requeue: (tx: Transaction, work: UnfinishedWork) => Promise<boolean>,
): Promise<number> {
  let resumed = 0;
  for (const work of unfinished) {
    const job = work.jobId ? await jobEngine().getJobById(queue, work.jobId, { includeArchive: true }) : null;
    if (job && !["completed", "cancelled", "failed"].includes(job.state)) continue;
    if (await getDb().transaction((tx) => requeue(tx, work))) resumed++;
  }
  return resumed;
}
