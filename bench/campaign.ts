// The campaign benchmark of issue 14: "Enviar" for an audience of every contact of the bench
// organization (1,000,000) by e-mail — the job's batches (runCampaignSendJob: the audience, consent
// and address, the template rendered in SQL, the outbox's columns, resumable batches of 5,000) —
// beside one raw `INSERT … SELECT` writing the same rows with the same rendering written by hand.
//   npm run bench:campaign              the 1,000,000-contact bench database
//   npm run bench:campaign -- --smoke   5,000 contacts (CI: proves it still runs; figures not checked)
// Options: --contacts N, --reset. See bench/README.md.
import os from "node:os";
import { openPostgres, setDatabaseHandle } from "@/db/client";
import { loadViewer } from "@/lib/auth/viewer";
import { runCampaignSendJob, type CampaignSendJob } from "@/lib/campaigns/runner";
import { benchDatabaseUrl, ensureBenchData } from "./generate";
import { runBenchmark } from "./http-server";
import { argument, writeReport } from "./run";

const subject = "Seu código, {{contactfirstname}}";
const body = "Olá {{contactname}}, seu código é @ChaveCliente.";

async function main() {
  const started = performance.now();
  const smoke = process.argv.includes("--smoke");
  const contactCount = Number(argument("--contacts") ?? (smoke ? 5_000 : 1_000_000));
  const url = benchDatabaseUrl(smoke ? "carteira_bench_smoke" : "carteira_bench");
  const { organizationId: org } = await ensureBenchData(url, contactCount, { reset: process.argv.includes("--reset") });
  const handle = openPostgres(url);
  setDatabaseHandle(handle);
  const q = async <T>(text: string, values: unknown[] = []) => (await handle.executeSql(text, values)).rows as T[];
  try {
    // Every contact with an e-mail accepts e-mail (the generator records no consent): the audience is the organization.
    const consented = await q<{ n: number }>(
      `with w as (update contacts set consent = jsonb_build_object('email', jsonb_build_object('status', 'granted', 'at', now(), 'source', 'system', 'by', 'Bench'))
        where organization_id = $1 and not consent ? 'email' returning 1) select count(*)::int as n from w`,
      [org],
    );
    if (consented[0].n > 0) await q("vacuum analyze contacts");
    await q("truncate messages");
    const [admin] = await q<{ id: string }>("select id from users where organization_id = $1 and role = 'admin' limit 1", [org]);
    const viewer = (await loadViewer(admin.id, org))!;
    const segments = await q<{ id: string; name: string }>("select id, name from segments where organization_id = $1 and archived_at is null order by name", [org]);
    const [template] = await q<{ id: string }>(
      `insert into message_templates (organization_id, name, channel, subject, body, created_by_user_id)
       values ($1, 'Bench ' || gen_random_uuid(), 'email', $2, $3, $4) returning id`,
      [org, subject, body, admin.id],
    );
    const [{ audience }] = await q<{ audience: number }>(
      "select count(*)::int as audience from contacts where organization_id = $1 and segment_ids && $2::uuid[] and emails <> '{}'",
      [org, segments.map((s) => s.id)],
    );
    const [{ version }] = await q<{ version: string }>("select current_setting('server_version') as version");

    // Ours: the campaign row as startCampaign writes it, then the job's runs until it is sent.
    const [campaign] = await q<{ id: string }>(
      `insert into campaigns (organization_id, name, channel, template_id, subject, body, audience, created_by_user_id)
       values ($1, 'Bench', 'email', $2, $3, $4, $5, $6) returning id`,
      [org, template.id, subject, body, JSON.stringify({ segmentIds: segments.map((s) => s.id), segmentNames: segments.map((s) => s.name), savedFilterId: null, savedFilterName: null, filters: null }), admin.id],
    );
    const job = { data: { organizationId: org, id: campaign.id } satisfies CampaignSendJob, retryCount: 0, retryLimit: 8 };
    const oursStarted = performance.now();
    let runs = 0;
    for (;;) {
      runs++;
      await runCampaignSendJob(job as Parameters<typeof runCampaignSendJob>[0]);
      const [{ status }] = await q<{ status: string }>("select status from campaigns where organization_id = $1 and id = $2", [org, campaign.id]);
      if (status !== "sending") break;
    }
    const oursSeconds = (performance.now() - oursStarted) / 1000;
    const [{ written }] = await q<{ written: number }>("select written from campaigns where organization_id = $1 and id = $2", [org, campaign.id]);
    if (viewer.role !== "admin" || written !== audience) throw new Error(`The campaign wrote ${written} messages for an audience of ${audience}`);

    // The floor: one statement, the same rows and rendering by hand, into the same table and indexes.
    const [raw] = await q<{ id: string }>(
      `insert into campaigns (organization_id, name, channel, template_id, subject, body, audience, created_by_user_id)
       values ($1, 'Bench (raw)', 'email', $2, $3, $4, '{}', $5) returning id`,
      [org, template.id, subject, body, admin.id],
    );
    const rawStarted = performance.now();
    const [{ n: rawWritten }] = await q<{ n: number }>(
      `with w as (
        insert into messages (organization_id, contact_id, campaign_id, template_id, channel, address, subject, body, direction, status, attempts, next_attempt_at)
        select c.organization_id, c.id, $2, $3, 'email', c.emails[1],
          'Seu código, ' || substring(c.name from '^\\s*(\\S*)'),
          'Olá ' || c.name || ', seu código é ' || c.customer_code || '.',
          'outbound', 'queued', 0, now()
        from contacts c
        where c.organization_id = $1 and c.segment_ids && $4::uuid[] and c.emails <> '{}' and c.consent @> '{"email":{"status":"granted"}}'
        on conflict do nothing returning 1)
      select count(*)::int as n from w`,
      [org, raw.id, template.id, segments.map((s) => s.id)],
    );
    const rawSeconds = (performance.now() - rawStarted) / 1000;
    await q("truncate messages");

    const rate = (n: number, s: number) => Math.round(n / s).toLocaleString("en");
    writeReport(smoke ? "campaign-smoke.md" : "campaign-latest.md", [
      `# Campaign benchmark — PostgreSQL, ${smoke ? "smoke" : "full"} run, ${new Date().toISOString()}`,
      "",
      `${contactCount.toLocaleString("en")} contacts in one organization; the audience: every active segment (${segments.length}), ` +
        `by e-mail, consent granted to all: ${audience.toLocaleString("en")} contacts. PostgreSQL ${version}, Node ${process.version}, ` +
        `${os.cpus().length} CPUs. Total: ${((performance.now() - started) / 1000).toFixed(0)} s.`,
      "",
      "| Enviar | messages | seconds | messages/s |",
      "|---|--:|--:|--:|",
      `| ours (runCampaignSendJob, ${runs} runs, batches of 5,000) | ${written.toLocaleString("en")} | ${oursSeconds.toFixed(1)} | ${rate(written, oursSeconds)} |`,
      `| raw INSERT … SELECT (one statement) | ${rawWritten.toLocaleString("en")} | ${rawSeconds.toFixed(1)} | ${rate(rawWritten, rawSeconds)} |`,
      `| ratio (ours ÷ raw, time) | | ${(oursSeconds / rawSeconds).toFixed(2)} | |`,
      "",
    ]);
  } finally {
    await handle.close();
  }
}

runBenchmark(import.meta.url, main);
