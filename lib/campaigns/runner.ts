import "server-only";
import type PgBoss from "pg-boss";
import { and, eq, sql } from "drizzle-orm";
import { getDb, rowsOf, type Transaction } from "@/db/client";
import { campaigns, type CampaignAudience, type Channel } from "@/db/schema";
import { logFailure } from "@/lib/actions/log-failure";
import { can } from "@/lib/auth/permissions";
import { loadViewer } from "@/lib/auth/viewer";
import type { StoredContactFilters } from "@/lib/contacts/stored-filters";
import { enqueueJob, queues } from "@/lib/jobs/engine";
import { outboxColumns, outboxValues, requestDelivery } from "@/lib/messages/outbox";
import { renderTemplateSql } from "@/lib/templates/render-sql";
import { addressSql, audienceCondition, sendableSql } from "./audience";

/** Messages per statement: set-based, and a transaction short enough to show progress. */
export const BATCH_SIZE = 5_000;
/** One run works this long, then hands over to a new job: far inside the engine's expiry. */
const RUN_BUDGET_MS = 10_000;

export type CampaignSendJob = { organizationId: string; id: string };

type Campaign = {
  organizationId: string;
  id: string;
  channel: Channel;
  templateId: string;
  subject: string | null;
  body: string;
  audience: CampaignAudience;
  createdByUserId: string;
};

/**
 * The job engine's handler for a campaign's send: writes its messages into the outbox in batches,
 * in contact id order, one transaction each. The audience is re-evaluated here, for the creator as
 * they are now (their visibility, segments and role today; a creator deactivated or no longer
 * allowed to send fails the campaign), so contacts that left their carteira since the start get
 * nothing, and the campaign's `reachable` (counted at the start) may differ from `written`.
 *
 * Each batch locks the campaign's row and starts after the last contact the campaign has a message
 * for (read from the messages, through messages_campaign_contact_key): a run cut off anywhere, or
 * two runs of the job at once, continue from what is committed, and the unique index with
 * `ON CONFLICT DO NOTHING` keeps one message per contact whatever happens. `written` adds only the
 * rows inserted.
 */
export async function runCampaignSendJob(job: PgBoss.JobWithMetadata<CampaignSendJob>, batchSize = BATCH_SIZE): Promise<void> {
  const { organizationId, id } = job.data;
  const campaign = await sending(organizationId, id);
  if (!campaign) return;
  const viewer = await loadViewer(campaign.createdByUserId, organizationId);
  if (!viewer || !can(viewer.role, "campaigns.send")) {
    await getDb().transaction((tx) => finish(tx, campaign, "failed"));
    return;
  }
  const where = audienceCondition(viewer, { segmentIds: campaign.audience.segmentIds, filters: campaign.audience.filters as StoredContactFilters | null });
  const template = { subject: campaign.subject, body: campaign.body };
  const started = Date.now();
  try {
    for (;;) {
      const outcome = await getDb().transaction(async (tx): Promise<"more" | "done"> => {
        if (!(await lockSending(tx, campaign))) return "done";
        const after = await lastContactWritten(tx, campaign);
        const [batch] = rowsOf<{ scanned: number }>(
          await tx.execute(sql`
            with batch as (
              select contacts.organization_id, contacts.id, ${addressSql(campaign.channel)} as address,
                ${campaign.subject === null ? sql`null::text` : renderTemplateSql(campaign.subject)} as subject,
                ${renderTemplateSql(campaign.body)} as body
              from contacts
              where ${where} and ${sendableSql(campaign.channel, template)} ${after ? sql`and contacts.id > ${after}::uuid` : sql``}
              order by contacts.id
              limit ${batchSize}
            ), inserted as (
              insert into messages (organization_id, contact_id, campaign_id, template_id, channel, address, subject, body, ${outboxColumns})
              select b.organization_id, b.id, ${campaign.id}::uuid, ${campaign.templateId}::uuid, ${campaign.channel}, b.address, b.subject, b.body, ${outboxValues}
              from batch b
              on conflict do nothing
              returning 1
            ), counted as (
              update campaigns set written = campaigns.written + (select count(*) from inserted)
              where organization_id = ${campaign.organizationId}::uuid and id = ${campaign.id}::uuid
              returning 1
            )
            select (select count(*) from batch)::int as scanned, (select count(*) from counted)::int as updated`),
        );
        if (batch.scanned < batchSize) {
          await finish(tx, campaign, "sent");
          return "done";
        }
        if (Date.now() - started < RUN_BUDGET_MS) return "more";
        // Handing over inside the batch's transaction: the next run exists exactly when this batch does.
        await enqueueCampaignSendJob(tx, organizationId, id);
        return "done";
      });
      if (outcome === "done") break;
    }
  } catch (error) {
    logFailure(`Campaign ${id}`, error);
    if (job.retryCount >= job.retryLimit) await getDb().transaction((tx) => finish(tx, campaign, "failed"));
    // The engine keeps what is thrown in its table: the error's code, never the query's values.
    throw new Error(`A batch of campaign ${id} failed (${(error as { code?: string }).code ?? "no code"}); the engine retries it.`);
  } finally {
    // Whatever this run committed is in the outbox: delivery may start on it now.
    await requestDelivery();
  }
}

/** Enqueues the job that sends the campaign, in the caller's transaction. */
export async function enqueueCampaignSendJob(tx: Transaction, organizationId: string, id: string) {
  await enqueueJob(tx, queues.campaignSend, { organizationId, id } satisfies CampaignSendJob);
}

async function sending(organizationId: string, id: string): Promise<Campaign | null> {
  const [campaign] = await getDb()
    .select({
      organizationId: campaigns.organizationId,
      id: campaigns.id,
      channel: campaigns.channel,
      templateId: campaigns.templateId,
      subject: campaigns.subject,
      body: campaigns.body,
      audience: campaigns.audience,
      createdByUserId: campaigns.createdByUserId,
    })
    .from(campaigns)
    .where(and(eq(campaigns.organizationId, organizationId), eq(campaigns.id, id), eq(campaigns.status, "sending")));
  return campaign ?? null;
}

/** Locks the campaign's row for this batch (batches of one campaign never run side by side); false once it is no longer sending. */
async function lockSending(tx: Transaction, campaign: Campaign) {
  await tx.execute(sql`set local lock_timeout = '10s'`);
  const [row] = rowsOf(
    await tx.execute(sql`
      select 1 from campaigns
      where organization_id = ${campaign.organizationId}::uuid and id = ${campaign.id}::uuid and status = 'sending'
      for update`),
  );
  return row !== undefined;
}

/** The last contact the campaign has a message for: batches go in contact id order, so it is where the send stands. */
async function lastContactWritten(tx: Transaction, campaign: Campaign): Promise<string | null> {
  const [last] = rowsOf<{ contactId: string }>(
    await tx.execute(sql`
      select contact_id as "contactId" from messages
      where organization_id = ${campaign.organizationId}::uuid and campaign_id = ${campaign.id}::uuid
      order by contact_id desc limit 1`),
  );
  return last?.contactId ?? null;
}

async function finish(tx: Transaction, campaign: Campaign, status: "sent" | "failed") {
  await tx
    .update(campaigns)
    .set({ status, finishedAt: new Date() })
    .where(and(eq(campaigns.organizationId, campaign.organizationId), eq(campaigns.id, campaign.id), eq(campaigns.status, "sending")));
}
