import "server-only";
import { stringify } from "csv-stringify/sync";
import iconv from "iconv-lite";
import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { parseId } from "@/lib/sql/ids";
import { openStoredUpload } from "./stored-upload";

// The error file: every rejected row as the file had it, with its line and a column "erro", in
// the upload's own encoding and separator (a spreadsheet's as UTF-8 with BOM and `;`, which
// Excel in Portuguese opens as columns), ready to be fixed and uploaded again. It is cut from
// the stored file, read alongside the failed rows in line order: neither is held whole.

const FAILED_PAGE = 5_000;

export async function importErrorFile(
  viewer: Viewer,
  rawId: string,
): Promise<{ fileName: string; contentType: string; body: ReadableStream<Uint8Array> } | null> {
  const id = parseId(rawId);
  if (!id) return null;
  const [imp] = rowsOf<{ file_name: string; file_kind: string; encoding: string | null; bom: boolean; separator: string | null; header: string[] }>(
    await getDb().execute(sql`
      select file_name, file_kind, encoding, bom, separator, header from imports i
      where i.organization_id = ${viewer.organizationId}::uuid and i.id = ${id}::uuid and i.failed > 0
        ${can(viewer.role, "imports.viewAll") ? sql`` : sql`and i.actor_user_id = ${viewer.userId}::uuid`}`),
  );
  if (!imp) return null;
  const opened = await openStoredUpload(viewer.organizationId, id);
  if (!opened.ok) return null;
  const encoding = imp.file_kind === "csv" && imp.encoding === "windows-1252" ? "windows-1252" : "utf-8";
  const bom = imp.file_kind === "xlsx" || imp.bom;
  const delimiter = imp.separator ?? ";";
  const encode = (text: string) => iconv.encode(text, encoding);
  const line = (cells: string[]) => encode(stringify([cells], { delimiter, record_delimiter: "\r\n" }));

  async function* failedRows() {
    for (let after = 0; ; ) {
      const page = rowsOf<{ line: number; error: string }>(
        await getDb().execute(sql`
          select line, error from import_rows
          where organization_id = ${viewer.organizationId}::uuid and import_id = ${id}::uuid and state = 'failed' and line > ${after}
          order by line limit ${FAILED_PAGE}`),
      );
      yield* page;
      if (page.length < FAILED_PAGE) return;
      after = page.at(-1)!.line;
    }
  }

  const rows = opened.rows;
  async function* bytes() {
    if (bom) yield new Uint8Array([0xef, 0xbb, 0xbf]).subarray(0, encoding === "utf-8" ? 3 : 0);
    yield line(["linha", ...imp.header, "erro"]);
    const failed = failedRows();
    let next = await failed.next();
    for await (const row of rows) {
      if (next.done) break;
      if (row.line < next.value.line) continue;
      const cells = [...row.cells, ...Array<string>(Math.max(0, imp.header.length - row.cells.length)).fill("")];
      yield line([String(row.line), ...cells.slice(0, imp.header.length), next.value.error]);
      next = await failed.next();
    }
  }
  const iterator = bytes();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await iterator.return(undefined);
    },
  });
  const base = imp.file_name.replace(/\.[^.]+$/, "");
  return { fileName: `${base}-erros.csv`, contentType: `text/csv; charset=${encoding}`, body };
}
