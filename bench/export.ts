// Export of ~100,000 rows (issue 4): rows/s and the process's RSS while streaming, against a DBA's
// COPY (…) TO STDOUT of the same rows and columns on the same connection pool. Each side runs
// `runs` times, alternating which goes first (the first one reads the pages from disk); the
// medians are compared.
import type { Pool } from "pg";
import { to as copyTo } from "pg-copy-streams";
import type { Viewer } from "@/lib/auth/viewer";
import { exportContactsCsv } from "@/lib/contacts/export";

export type ExportResult = {
  rows: number;
  rawRows: number;
  seconds: number;
  rawSeconds: number;
  mb: number;
  /** RSS before the first export, the highest seen while exporting, and after the last one (after a GC when exposed). */
  rss: { beforeMb: number; peakMb: number; afterMb: number };
};

export async function benchExport(pool: Pool, admin: Viewer, target: number, runs: number): Promise<ExportResult> {
  // The day from which the newest `target` contacts were created, in Brasília time, as the filter.
  const { rows: [boundary] } = await pool.query(
    `select to_char(created_at at time zone 'America/Sao_Paulo', 'YYYY-MM-DD') as day from contacts
     where organization_id = $1 order by created_at desc, id desc offset $2 limit 1`,
    [admin.organizationId, target - 1],
  );
  const day: string = boundary?.day ?? "1970-01-01";

  const ours = async () => {
    let bytes = 0;
    let lines = 0;
    const reader = exportContactsCsv(admin, { createdFrom: day })!.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      bytes += chunk.value.byteLength;
      for (let i = chunk.value.indexOf(10); i !== -1; i = chunk.value.indexOf(10, i + 1)) lines++;
    }
    return { rows: lines - 1, bytes };
  };

  const raw = async () => {
    const client = await pool.connect();
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
      return stream.rowCount;
    } finally {
      client.release();
    }
  };

  const rssMb = () => process.memoryUsage().rss / 1e6;
  global.gc?.();
  const beforeMb = rssMb();
  let peakMb = beforeMb;
  const sampler = setInterval(() => (peakMb = Math.max(peakMb, rssMb())), 20);
  const oursSeconds: number[] = [];
  const rawSeconds: number[] = [];
  const timed = async <T>(run: () => Promise<T>, into: number[]) => {
    const started = performance.now();
    const value = await run();
    into.push((performance.now() - started) / 1000);
    return value;
  };
  let exported = { rows: 0, bytes: 0 };
  let rawRows = 0;
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 1) rawRows = await timed(raw, rawSeconds);
    exported = await timed(ours, oursSeconds);
    if (i % 2 === 0) rawRows = await timed(raw, rawSeconds);
  }
  clearInterval(sampler);
  global.gc?.();
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return {
    rows: exported.rows,
    rawRows,
    seconds: median(oursSeconds),
    rawSeconds: median(rawSeconds),
    mb: exported.bytes / 1e6,
    rss: { beforeMb, peakMb, afterMb: rssMb() },
  };
}
