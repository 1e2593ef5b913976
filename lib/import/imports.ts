import "server-only";
import type { ActionResult } from "@/lib/actions/result";
import type { Viewer } from "@/lib/auth/viewer";
import type { ImportField } from "./columns";
import type { ImportView } from "./view";

// The import's data-access functions (viewer-scoped). Bodies being written: see issue 12.

/** An import in the history list. */
export type ImportListItem = {
  id: string;
  fileName: string;
  actorName: string;
  createdAt: string;
  finishedAt: string | null;
  status: ImportView["status"];
  /** Options in words: "Chave: código do cliente · Adicionar e atualizar · +#vip · Segmento Varejo SP". */
  optionsSummary: string;
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  durationSeconds: number | null;
};

export type SavedImportMapping = { id: string; name: string; columns: Record<string, ImportField> };

/** Stores an upload (streamed) as a new import, reads its format and header; a file that cannot be read is refused and nothing is kept. */
export async function createImport(viewer: Viewer, fileName: string, body: AsyncIterable<Uint8Array>): Promise<ActionResult<{ id: string }>> {
  void viewer; void fileName; void body;
  throw new Error("not yet");
}

/** One import the viewer may see (their own; an admin's: any of the organization), or null. */
export async function getImportView(viewer: Viewer, id: string): Promise<ImportView | null> {
  void viewer; void id;
  throw new Error("not yet");
}

/** The history, newest first, keyset-paged by `before` (an import id from the previous page). */
export async function listImports(viewer: Viewer, page: { before?: string | null; limit?: number }): Promise<{ items: ImportListItem[]; next: string | null }> {
  void viewer; void page;
  throw new Error("not yet");
}

/** Saves the mapping and options (raw form values, parsed by importSettingsInput) and starts the dry run. */
export async function previewImport(viewer: Viewer, id: string, rawSettings: unknown): Promise<ActionResult> {
  void viewer; void id; void rawSettings;
  throw new Error("not yet");
}

/** After the dry run: starts the import itself on the job engine. */
export async function startImport(viewer: Viewer, id: string): Promise<ActionResult> {
  void viewer; void id;
  throw new Error("not yet");
}

/** Stops a dry run or an import under way; what was written stays (and can be undone). */
export async function cancelImport(viewer: Viewer, id: string): Promise<ActionResult> {
  void viewer; void id;
  throw new Error("not yet");
}

/** Undoes a finished (or cancelled) import within 7 days. */
export async function undoImport(viewer: Viewer, id: string): Promise<ActionResult> {
  void viewer; void id;
  throw new Error("not yet");
}

/** The rejected rows as a CSV in the upload's encoding and separator, or null. */
export async function importErrorFile(viewer: Viewer, id: string): Promise<{ fileName: string; contentType: string; body: ReadableStream<Uint8Array> } | null> {
  void viewer; void id;
  throw new Error("not yet");
}

/** The viewer's saved mappings. */
export async function listImportMappings(viewer: Viewer): Promise<SavedImportMapping[]> {
  void viewer;
  throw new Error("not yet");
}

/** Saves (or replaces, by name) a mapping: header → field. */
export async function saveImportMapping(viewer: Viewer, name: string, columns: Record<string, ImportField>): Promise<ActionResult<{ id: string }>> {
  void viewer; void name; void columns;
  throw new Error("not yet");
}

export async function deleteImportMapping(viewer: Viewer, id: string): Promise<ActionResult> {
  void viewer; void id;
  throw new Error("not yet");
}
