"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failure, invalidInputMessage, type ActionResult } from "@/lib/actions/result";
import { withViewer } from "@/lib/actions/validated-action";
import { refuseWithout } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { importFields } from "@/lib/import/columns";
import {
  cancelImport,
  deleteImportMapping,
  getImportView,
  previewImport,
  saveImportMapping,
  startImport,
  undoImport,
} from "@/lib/import/imports";
import type { ImportView } from "@/lib/import/view";
import { parseId } from "@/lib/sql/ids";
import { hasControlCharacters } from "@/lib/sql/values";

// Every action checks the session (withViewer) and the capability before the data layer checks
// them again; the import's state lives in the database, so its page follows it by polling
// importStatusAction and survives a reload.

const importNotFound = () => failure("not_found", "Importação não encontrada.");

/** The viewer, the capability, then the import's id (a malformed one is not found), for an action on one import. */
function onImport<T extends object>(name: string, rawId: unknown, handler: (viewer: Viewer, id: string) => Promise<ActionResult<T>>) {
  return withViewer<T>(name, async (viewer) => {
    const refused = refuseWithout(viewer, "contacts.import");
    if (refused) return refused;
    const id = parseId(rawId);
    return id ? handler(viewer, id) : importNotFound();
  });
}

/** Where the import is, for the progress panel. */
export async function importStatusAction(rawId: string): Promise<ActionResult<{ view: ImportView }>> {
  return onImport("importStatusAction", rawId, async (viewer, id) => {
    const view = await getImportView(viewer, id);
    return view ? { ok: true, view } : importNotFound();
  });
}

/** Saves the mapping and options (parsed by the data layer with importSettingsInput) and starts the dry run. */
export async function previewImportAction(rawId: string, rawSettings: unknown): Promise<ActionResult> {
  return onImport("previewImportAction", rawId, async (viewer, id) => {
    const result = await previewImport(viewer, id, rawSettings);
    if (result.ok) revalidatePath(`/contacts/import/${id}`);
    return result;
  });
}

export async function startImportAction(rawId: string): Promise<ActionResult> {
  return onImport("startImportAction", rawId, async (viewer, id) => {
    const result = await startImport(viewer, id);
    if (result.ok) revalidatePath(`/contacts/import/${id}`);
    return result;
  });
}

export async function cancelImportAction(rawId: string): Promise<ActionResult> {
  return onImport("cancelImportAction", rawId, async (viewer, id) => {
    const result = await cancelImport(viewer, id);
    if (result.ok) revalidatePath(`/contacts/import/${id}`);
    return result;
  });
}

export async function undoImportAction(rawId: string): Promise<ActionResult> {
  return onImport("undoImportAction", rawId, async (viewer, id) => {
    const result = await undoImport(viewer, id);
    if (result.ok) revalidatePath(`/contacts/import/${id}`);
    return result;
  });
}

const mappingInput = z.object({
  name: z
    .string({ error: "Dê um nome ao mapeamento." })
    .trim()
    .min(1, { error: "Dê um nome ao mapeamento." })
    .max(80, { error: "O nome pode ter até 80 caracteres." })
    .refine((name) => !hasControlCharacters(name), { error: "O nome tem caracteres de controle: digite-o de novo." }),
  columns: z
    .record(z.string().max(500), z.enum(importFields), { error: "Associe ao menos uma coluna antes de salvar." })
    .refine((columns) => Object.keys(columns).length > 0 && Object.keys(columns).length <= 200, { error: "Associe ao menos uma coluna antes de salvar." }),
});

/** Saves (or replaces, by name) the header → field mapping, to apply to the next file of the same layout. */
export async function saveImportMappingAction(raw: unknown): Promise<ActionResult<{ id: string }>> {
  return withViewer("saveImportMappingAction", async (viewer) => {
    const refused = refuseWithout(viewer, "contacts.import");
    if (refused) return refused;
    const parsed = mappingInput.safeParse(raw);
    if (!parsed.success) return failure("invalid", invalidInputMessage, z.flattenError(parsed.error).fieldErrors);
    return saveImportMapping(viewer, parsed.data.name, parsed.data.columns);
  });
}

export async function deleteImportMappingAction(rawId: string): Promise<ActionResult> {
  return withViewer("deleteImportMappingAction", async (viewer) => {
    const refused = refuseWithout(viewer, "contacts.import");
    if (refused) return refused;
    const id = parseId(rawId);
    return id ? deleteImportMapping(viewer, id) : failure("not_found", "Mapeamento não encontrado.");
  });
}
