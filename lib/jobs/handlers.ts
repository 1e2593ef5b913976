import "server-only";
import { purgeSignInThrottle } from "@/lib/auth/throttle";
import { purgeExpiredBulkItems } from "@/lib/bulk-actions/bulk-actions";
import { resumeOrphanedBulkActions, runBulkActionJob } from "@/lib/bulk-actions/runner";
import { runCampaignSendJob } from "@/lib/campaigns/runner";
import { purgeExpiredImports } from "@/lib/import/imports";
import { resumeOrphanedImports, runImportJob } from "@/lib/import/runner";
import { purgeIdleDashboards, refreshDashboard, type DashboardRefreshJob } from "@/lib/dashboard/dashboard";
import { distributeEverywhere, distributeWaiting, type DistributeJob } from "@/lib/live/distribute";
import { runDeliveryJob } from "@/lib/messages/delivery";
import { purgeExpiredInvites } from "@/lib/users/admin";
import { queues, type JobHandlers, type JobSchedule } from "./engine";

/** Each queue's handler. A new kind of background work adds its queue in engine.ts and its handler here. */
export const jobHandlers: JobHandlers = {
  [queues.bulkAction]: (job) => runBulkActionJob(job),
  [queues.import]: (job) => runImportJob(job),
  [queues.resume]: async () => {
    await resumeOrphanedBulkActions();
    await resumeOrphanedImports();
  },
  [queues.purge]: async () => {
    await purgeExpiredBulkItems();
    await purgeExpiredInvites();
    await purgeSignInThrottle();
    await purgeIdleDashboards();
    await purgeExpiredImports();
  },
  [queues.dashboard]: (job) => refreshDashboard(job.data as DashboardRefreshJob),
  [queues.liveDistribute]: async (job) => {
    const { organizationId } = job.data as Partial<DistributeJob>;
    if (organizationId) await distributeWaiting(organizationId);
    else await distributeEverywhere();
  },
  [queues.messageDelivery]: () => runDeliveryJob(),
  [queues.campaignSend]: (job) => runCampaignSendJob(job),
};

/**
 * pg-boss runs each schedule once across all processes: the orphan check, distribution and
 * delivery (retries that came due, requests that were lost) every minute; cleanups hourly.
 */
export const jobSchedules: JobSchedule[] = [
  { queue: queues.resume, cron: "* * * * *", data: {} },
  { queue: queues.purge, cron: "17 * * * *", data: {} },
  { queue: queues.liveDistribute, cron: "* * * * *", data: {} },
  { queue: queues.messageDelivery, cron: "* * * * *", data: {} },
];
