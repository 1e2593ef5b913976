// Export of ~100,000 rows (issue 4): rows/s and the process's peak RSS while streaming, against a
// DBA's COPY (…) TO STDOUT of the same rows and columns on the same connection pool.
import type { Pool } from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { Viewer } from "@/lib/auth/viewer";
import { exportContactsCsv } from "@/lib/contacts/export";

export type ExportResult = { rows: number; seconds: number; rawSeconds: number; mb: number; peakRssMb: number; baseRssMb: number };

export async function benchExport(pool: Pool, admin: Viewer, target: number): Promise<ExportResult> {
  // The day from which the newest `target` contacts were created, in Brasília time, as the filter.
  const { rows: [boundary] } = await pool.query(
    `select to_char(created_at at time zone 'America/Sao_Paulo', 'YYYY-MM-DD') as day from contacts
     where organization_id = $1 order by created_at desc, id desc offset $2 limit 1`,
    [admin.organizationId, target - 1],
  );
  const day: string = boundary?.day ?? "1970-01-01";

  global.gc?.();
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const started = performance.now();
  let bytes = 0;
  let lines = 0;
  const reader = exportContactsCsv(admin, { createdFrom: day })!.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    bytes += chunk.value.byteLength;
    for (const byte of chunk.value) if (byte === 10) lines++;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);

  const client = await pool.connect();
  const rawStarted = performance.now();
  try {
    const stream = client.query(copyTo(`copy (
      select c.name, c.document, c.document_type, c.customer_code,
        (select u.name from users u where u.organization_id = c.organization_id and u.id = c.responsible_user_id),
        c.tags, c.priority,
        array(select s.name from contact_segments cs join segments s on s.organization_id = cs.organization_id and s.id = cs.segment_id
          where cs.organization_id = c.organization_id and cs.contact_id = c.id order by s.name),
        c.phones, c.emails, c.created_at, c.updated_at
      from contacts c
      where c.organization_id = '${admin.organizationId}'
        and c.created_at >= ('${day}'::date)::timestamp at time zone 'America/Sao_Paulo'
      order by c.created_at desc, c.id desc) to stdout with (format csv, delimiter ';')`));
    for await (const _ of stream) {
      // drain
    }
  } finally {
    client.release();
  }
  const rawSeconds = (performance.now() - rawStarted) / 1000;
  return { rows: lines - 1, seconds, rawSeconds, mb: bytes / 1e6, peakRssMb: peakRss / 1e6, baseRssMb: baseRss / 1e6 };
}
