import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import { openImportFile } from "./read-file";
import { readStoredFile } from "./storage";

/** The import's stored file, opened as it was at upload (CSV or spreadsheet). */
export async function openStoredUpload(organizationId: string, importId: string) {
  const [row] = rowsOf<{ file_name: string }>(
    await getDb().execute(sql`select file_name from imports where organization_id = ${organizationId}::uuid and id = ${importId}::uuid`),
  );
  if (!row) return { ok: false as const, message: "A importação não existe mais." };
  return openImportFile(readStoredFile(organizationId, importId));
}
