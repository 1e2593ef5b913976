import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import { rolesWith } from "@/lib/auth/permissions";
import { loadViewer } from "@/lib/auth/viewer";
import { queues, requestJob } from "@/lib/jobs/engine";
import { textArray } from "@/lib/sql/arrays";
import { takeNextFor } from "./queues";
import { loadLiveSettings } from "./settings";

// Automatic distribution (an admin setting): waiting attendances are given to the available
// operators of their queues, fewest open attendances first, never above the cap; operators on
// pause get nothing. It runs on the job engine — asked for whenever something may now be
// distributed (an arrival, a close, an operator back from pause, a transfer to a queue, a change
// of the settings) and every minute for aging — once per organization at a time however often
// it is asked for. Each give is takeNextFor, the same take as the operator's own click.

export type DistributeJob = { organizationId: string };

/** Asks the job engine to distribute the organization's waiting attendances, when distribution is on. */
export async function requestDistribution(organizationId: string) {
  if (!(await loadLiveSettings(organizationId)).autoDistribution) return;
  await requestJob(queues.liveDistribute, { organizationId } satisfies DistributeJob, organizationId);
}

/** Gives waiting attendances to available operators until no one of them can take more. Answers how many were given. */
export async function distributeWaiting(organizationId: string): Promise<number> {
  const settings = await loadLiveSettings(organizationId);
  if (!settings.autoDistribution) return 0;
  const candidates = rowsOf<{ id: string; open: number | string }>(
    await getDb().execute(sql`
      select u.id, (select count(*) from attendances a where a.organization_id = u.organization_id and a.operator_user_id = u.id and a.status = 'open') as open
      from users u
      left join operator_presence p on p.organization_id = u.organization_id and p.user_id = u.id
      where u.organization_id = ${organizationId}::uuid and u.active and u.role = any(${textArray(rolesWith("live.attend"))})
        and coalesce(p.status, 'available') = 'available'`),
  ).map((row) => ({ id: row.id, open: Number(row.open) }));
  let given = 0;
  for (;;) {
    // Fewest open first; among equals, a stable order.
    const next = candidates.filter((c) => c.open < settings.maxOpenPerOperator).sort((a, b) => a.open - b.open || a.id.localeCompare(b.id))[0];
    if (!next) return given;
    const operator = await loadViewer(next.id, organizationId);
    const taken = operator ? await takeNextFor(operator, settings) : "none";
    if (taken === "none" || taken === "atCap") {
      // Nothing for them in their queues now (or they were just given their last one elsewhere).
      candidates.splice(candidates.indexOf(next), 1);
      continue;
    }
    next.open++;
    given++;
  }
}

/** The minute's pass, for every organization with distribution on (aging raises attendances as time passes). */
export async function distributeEverywhere(): Promise<void> {
  const organizations = rowsOf<{ organization_id: string }>(await getDb().execute(sql`select organization_id from live_settings where auto_distribution`));
  for (const { organization_id } of organizations) await distributeWaiting(organization_id);
}
