"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failure, invalidInputMessage, type ActionResult } from "@/lib/actions/result";
import { withViewer } from "@/lib/actions/validated-action";
import { bulkActionInput } from "@/lib/bulk-actions/bulk-action-input";
import {
  getBulkAction,
  previewBulkAction,
  requestBulkUndo,
  startBulkAction,
  type BulkActionSummary,
  type BulkPreview,
} from "@/lib/bulk-actions/bulk-actions";
import { parseId } from "@/lib/sql/ids";

// The work itself runs on the job engine (lib/jobs/); its state is in the database, so the page
// follows it by polling bulkActionProgressAction.

function parse(raw: unknown) {
  const parsed = bulkActionInput.safeParse(raw);
  if (parsed.success) return { ok: true as const, input: parsed.data };
  const { fieldErrors, formErrors } = z.flattenError(parsed.error);
  return { ok: false as const, failure: failure("invalid", formErrors[0] ?? invalidInputMessage, fieldErrors) };
}

/** How many contacts would change, before anything does. */
export async function previewBulkActionAction(raw: unknown): Promise<ActionResult<BulkPreview>> {
  return withViewer("previewBulkActionAction", async (viewer) => {
    const parsed = parse(raw);
    return parsed.ok ? previewBulkAction(viewer, parsed.input) : parsed.failure;
  });
}

export async function startBulkActionAction(raw: unknown): Promise<ActionResult<{ id: string }>> {
  return withViewer("startBulkActionAction", async (viewer) => {
    const parsed = parse(raw);
    if (!parsed.ok) return parsed.failure;
    return startBulkAction(viewer, parsed.input);
  });
}

const bulkActionNotFound = () => failure("not_found", "Ação em massa não encontrada.");

export async function bulkActionProgressAction(rawId: string): Promise<ActionResult<{ action: BulkActionSummary }>> {
  return withViewer("bulkActionProgressAction", async (viewer) => {
    const id = parseId(rawId);
    const action = id ? await getBulkAction(viewer, id) : null;
    if (!action) return bulkActionNotFound();
    return { ok: true, action };
  });
}

export async function undoBulkActionAction(rawId: string): Promise<ActionResult> {
  return withViewer("undoBulkActionAction", async (viewer) => {
    const id = parseId(rawId);
    if (!id) return bulkActionNotFound();
    const requested = await requestBulkUndo(viewer, id);
    if (requested.ok) revalidatePath("/contacts/bulk");
    return requested;
  });
}
