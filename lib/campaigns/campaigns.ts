import "server-only";
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb, rowsOf } from "@/db/client";
import { campaigns, messageTemplates, users, type CampaignAudience, type CampaignStatus, type Channel } from "@/db/schema";
import { failure, invalidInputMessage, type ActionResult } from "@/lib/actions/result";
import { can, refuseWithout } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { enqueueJob, queues } from "@/lib/jobs/engine";
import { parseId } from "@/lib/sql/ids";
import { audienceCondition, countAudience, resolveAudience } from "./audience";
import { campaignInput } from "./campaign-input";

// Campaigns (/campaigns): who may send one is campaigns.send (supervisors, admins). Who sees one:
// its creator, and the organization's (campaigns.viewAll, admins). The row keeps what the user
// sees — the template's text as it was, the audience as chosen, the counts — and the job engine
// writes its messages (runner.ts).

export type CampaignListItem = {
  id: string;
  name: string;
  channel: Channel;
  templateName: string;
  audience: Pick<CampaignAudience, "segmentNames" | "savedFilterName">;
  status: CampaignStatus;
  /** Reachable and complete contacts when it started: the messages it means to write. */
  reachable: number;
  written: number;
  createdByName: string;
  createdAt: Date;
  finishedAt: Date | null;
};

export type DeliveryCounts = { queued: number; sent: number; failed: number };
export type CampaignDetail = CampaignListItem & { matched: number; subject: string | null; body: string; delivery: DeliveryCounts };

const CAMPAIGNS_LIST_MAX = 200;

function visibleCampaigns(viewer: Viewer, ...conditions: SQL[]) {
  return and(
    eq(campaigns.organizationId, viewer.organizationId),
    can(viewer.role, "campaigns.viewAll") ? undefined : eq(campaigns.createdByUserId, viewer.userId),
    ...conditions,
  );
}

/**
 * Starts a campaign: checks the choices (resolveAudience), counts the audience, and writes the
 * campaign's row and its send job in one transaction. The counts are those of this moment; the
 * send re-evaluates the audience when it runs, for the creator as they are then.
 */
export async function startCampaign(viewer: Viewer, rawInput: unknown): Promise<ActionResult<{ id: string }>> {
  const refused = refuseWithout(viewer, "campaigns.send");
  if (refused) return refused;
  const parsed = campaignInput.safeParse(rawInput);
  if (!parsed.success) return failure("invalid", invalidInputMessage, z.flattenError(parsed.error).fieldErrors);
  const resolved = await resolveAudience(viewer, parsed.data);
  if (!resolved.ok) return resolved;
  const { input, audience } = resolved;
  const { template, savedFilter } = audience;
  const filters = savedFilter?.stored ?? null;
  const counts = await countAudience(audienceCondition(viewer, { segmentIds: input.segmentIds, filters }), input.channel, template);
  if (counts.sendable === 0) {
    return failure("invalid", "Nenhum contato deste público pode receber a mensagem: ninguém alcançável com os dados completos.");
  }
  const id = await getDb().transaction(async (tx) => {
    const [created] = await tx
      .insert(campaigns)
      .values({
        organizationId: viewer.organizationId,
        name: parsed.data.name,
        channel: input.channel,
        templateId: template.id,
        subject: template.channel === "email" ? template.subject : null,
        body: template.body,
        audience: {
          segmentIds: audience.segments.map((s) => s.id),
          segmentNames: audience.segments.map((s) => s.name),
          savedFilterId: savedFilter?.id ?? null,
          savedFilterName: savedFilter?.name ?? null,
          filters,
        },
        matched: counts.matched,
        reachable: counts.sendable,
        createdByUserId: viewer.userId,
      })
      .returning({ id: campaigns.id });
    await enqueueJob(tx, queues.campaignSend, { organizationId: viewer.organizationId, id: created.id });
    return created.id;
  });
  return { ok: true, id };
}

const listColumns = {
  id: campaigns.id,
  name: campaigns.name,
  channel: campaigns.channel,
  templateName: messageTemplates.name,
  audience: campaigns.audience,
  status: campaigns.status,
  reachable: campaigns.reachable,
  written: campaigns.written,
  createdByName: users.name,
  createdAt: campaigns.createdAt,
  finishedAt: campaigns.finishedAt,
};

// With the template's and the creator's names: both stay (templates are archived, users deactivated, never deleted).
function selectCampaigns() {
  return getDb()
    .select({ ...listColumns, matched: campaigns.matched, subject: campaigns.subject, body: campaigns.body })
    .from(campaigns)
    .innerJoin(messageTemplates, and(eq(messageTemplates.organizationId, campaigns.organizationId), eq(messageTemplates.id, campaigns.templateId)))
    .innerJoin(users, and(eq(users.organizationId, campaigns.organizationId), eq(users.id, campaigns.createdByUserId)));
}

type CampaignRow = Awaited<ReturnType<typeof selectCampaigns>>[number];

const toListItem = ({ audience, matched: _matched, subject: _subject, body: _body, ...row }: CampaignRow): CampaignListItem => ({
  ...row,
  audience: { segmentNames: audience.segmentNames, savedFilterName: audience.savedFilterName },
});

/**
 * The campaigns the viewer sees, newest first (campaigns_org_created_idx). Capped, not paged: an
 * organization sends a few campaigns a week. Null for a viewer who may not send campaigns.
 */
export async function listCampaigns(viewer: Viewer): Promise<CampaignListItem[] | null> {
  if (!can(viewer.role, "campaigns.send")) return null;
  const rows = await selectCampaigns()
    .where(visibleCampaigns(viewer))
    .orderBy(desc(campaigns.createdAt), desc(campaigns.id))
    .limit(CAMPAIGNS_LIST_MAX);
  return rows.map(toListItem);
}

/** One campaign the viewer sees, with its progress and its messages' delivery; null otherwise (a malformed id included). */
export async function getCampaign(viewer: Viewer, rawId: string): Promise<CampaignDetail | null> {
  const id = parseId(rawId);
  if (!id || !can(viewer.role, "campaigns.send")) return null;
  const [row] = await selectCampaigns().where(visibleCampaigns(viewer, eq(campaigns.id, id)));
  if (!row) return null;
  // The unique index messages_campaign_contact_key (organization, campaign, contact) serves this.
  const statuses = rowsOf<{ status: string; count: number }>(
    await getDb().execute(sql`
      select status, count(*)::int as count from messages
      where organization_id = ${viewer.organizationId}::uuid and campaign_id = ${id}::uuid
      group by status`),
  );
  const count = (status: string) => statuses.find((s) => s.status === status)?.count ?? 0;
  return {
    ...toListItem(row),
    matched: row.matched,
    subject: row.subject,
    body: row.body,
    delivery: { queued: count("queued"), sent: count("sent"), failed: count("failed") },
  };
}
