"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
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
import { runBulkAction } from "@/lib/bulk-actions/runner";
import { parseId } from "@/lib/sql/ids";

// The work itself runs after the answer is sent; its state is in the database, so the page
// follows it by polling bulkActionProgressAction, and a restart resumes it.
function runInBackground(organizationId: string, id: string) {
  after(() => runBulkAction(organizationId, id));
}

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
    const started = await startBulkAction(viewer, parsed.input);
    if (started.ok) runInBackground(viewer.organizationId, started.id);
    return started;
  });
}

const bulkActionNotFound = () => failure("not_found", "Ação em massa não encontrada.");

export async function bulkActionProgressAction(rawId: string): Promise<ActionResult<{ action: BulkActionSummary }>> {
  return withViewer("bulkActionProgressAction", async (viewer) => {
    const id = parseId(rawId);
    const action = id ? await getBulkAction(viewer, id) : null;
    if (!action) return bulkActionNotFound();
    if (action.stalled) runInBackground(viewer.organizationId, action.id);
    return { ok: true, action };
  });
}

export async function undoBulkActionAction(rawId: string): Promise<ActionResult> {
  return withViewer("undoBulkActionAction", async (viewer) => {
    const id = parseId(rawId);
    if (!id) return bulkActionNotFound();
    const requested = await requestBulkUndo(viewer, id);
    if (requested.ok) {
      runInBackground(viewer.organizationId, id);
      revalidatePath("/contacts/bulk");
    }
    return requested;
  });
}
