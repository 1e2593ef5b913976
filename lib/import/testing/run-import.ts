import iconv from "iconv-lite";
import type { Viewer } from "@/lib/auth/viewer";
import { queues, workReadyJobs } from "@/lib/jobs/engine";
import { suggestMapping } from "../columns";
import { createImport, getImportView, previewImport, startImport } from "../imports";
import { runImportJob, type ImportJob } from "../runner";
import { defaultUpdatePolicies, type RawImportSettings } from "../settings";

// Helpers for import tests: a CSV from lines, uploaded in small pieces, and the job worked in-process.

export function csvFile(lines: string[], encoding: "utf-8" | "windows-1252" = "utf-8"): Uint8Array {
  const text = lines.join("\r\n") + "\r\n";
  return encoding === "utf-8" ? new TextEncoder().encode(text) : new Uint8Array(iconv.encode(text, "windows-1252"));
}

export async function* inPieces(bytes: Uint8Array, size = 1000) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export const workImports = (chunkRows?: number) => workReadyJobs<ImportJob>(queues.import, (job) => runImportJob(job, chunkRows));

export async function uploadCsv(viewer: Viewer, lines: string[], fileName = "contatos.csv", encoding: "utf-8" | "windows-1252" = "utf-8") {
  const created = await createImport(viewer, fileName, inPieces(csvFile(lines, encoding)));
  if (!created.ok) throw new Error(created.message);
  return created.id;
}

/** Settings with the suggested mapping of the upload's header, and the defaults. */
export async function settingsFor(viewer: Viewer, id: string, overrides: Partial<RawImportSettings> = {}): Promise<RawImportSettings> {
  const view = await getImportView(viewer, id);
  if (!view) throw new Error("no import");
  return { mapping: suggestMapping(view.header), key: "customerCode", mode: "upsert", policies: defaultUpdatePolicies, addTags: [], ...overrides };
}

/** Upload, dry run and import, all worked through: the import's view at the end. */
export async function importCsv(viewer: Viewer, lines: string[], overrides: Partial<RawImportSettings> = {}) {
  const id = await uploadCsv(viewer, lines);
  const previewed = await previewImport(viewer, id, await settingsFor(viewer, id, overrides));
  if (!previewed.ok) throw new Error(previewed.message);
  expectNoErrors(await workImports());
  const started = await startImport(viewer, id);
  if (!started.ok) throw new Error(started.message);
  expectNoErrors(await workImports());
  return (await getImportView(viewer, id))!;
}

function expectNoErrors(errors: unknown[]) {
  if (errors.length > 0) throw errors[0];
}
