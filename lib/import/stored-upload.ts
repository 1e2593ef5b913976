import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import { openUpload, type OpenedUpload } from "./open-upload";
import { readStoredFile } from "./storage";

/** The import's stored file, opened as at upload (a CSV, or a spreadsheet by its name). */
export async function openStoredUpload(organizationId: string, importId: string): Promise<OpenedUpload> {
  const [row] = rowsOf<{ file_name: string }>(
    await getDb().execute(sql`select file_name from imports where organization_id = ${organizationId}::uuid and id = ${importId}::uuid`),
  );
  if (!row) return { ok: false, message: "A importação não existe mais." };
  return openUpload(row.file_name, readStoredFile(organizationId, importId));
}
