import "server-only";
import type { FieldErrors } from "@/lib/actions/result";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { listAssignableSegments } from "@/lib/segments/queries";
import { listAssignableResponsibles } from "@/lib/users/queries";
import type { ContactInput } from "./contact-input";
import type { LoadedContact } from "./queries";

export type AuthorizedWrite = { segmentIds: string[]; responsibleUserId: string | null };

/**
 * Applies the permission table (lib/auth/permissions.ts) to a create (current = null) or an edit:
 * which segments and which responsável the contact ends up with, or the field errors that refuse
 * the write. Segment and user ids are checked against the database, never trusted from the client.
 */
export const leavesCarteiraMessage = "O contato sairia da sua carteira: mantenha um dos seus segmentos ou você como responsável.";
const leavesKeySegmentsMessage = "Esta chave de API só vê os contatos dos seus segmentos: inclua um deles em segmentIds.";

export async function authorizeContactWrite(
  viewer: Viewer,
  input: ContactInput,
  current: LoadedContact | null,
): Promise<{ ok: true; value: AuthorizedWrite } | { ok: false; fieldErrors: FieldErrors }> {
  if (!can(viewer.role, current ? "contacts.edit" : "contacts.create")) return { ok: false, fieldErrors: {} };
  const fieldErrors: FieldErrors = {};
  const assignable = new Set((await listAssignableSegments(viewer)).map((s) => s.id));

  if (input.segmentIds.some((id) => !assignable.has(id))) {
    fieldErrors.segmentIds = ["Escolha apenas segmentos da sua carteira."];
  }
  // Segments the viewer may not touch stay as they are.
  const keptSegments = (current?.segments ?? []).map((s) => s.id).filter((id) => !assignable.has(id));
  const segmentIds = [...keptSegments, ...input.segmentIds.filter((id) => assignable.has(id))];

  const currentResponsible = current?.responsibleUserId ?? null;
  let responsibleUserId = input.responsibleUserId;
  if (responsibleUserId !== currentResponsible) {
    const allowed = await listAssignableResponsibles(viewer);
    if (allowed === null) {
      if (responsibleUserId !== null) fieldErrors.responsibleUserId = ["Operadores não escolhem o responsável."];
      responsibleUserId = currentResponsible;
    } else if (responsibleUserId !== null && !allowed.some((u) => u.id === responsibleUserId)) {
      fieldErrors.responsibleUserId = ["Escolha um responsável da lista."];
    }
  }

  if (!can(viewer.role, "contacts.viewAll")) {
    // A contact created with no segment is given to its creator, so it does not vanish from their
    // carteira; an API key is nobody's responsável, so its contacts must stay in one of its segments.
    if (!current && segmentIds.length === 0 && responsibleUserId === null && !viewer.apiKeyId) responsibleUserId = viewer.userId;
    const staysVisible =
      responsibleUserId === viewer.userId || segmentIds.some((id) => viewer.segmentIds.includes(id));
    if (!staysVisible && !fieldErrors.segmentIds) {
      fieldErrors.segmentIds = [viewer.apiKeyId ? leavesKeySegmentsMessage : leavesCarteiraMessage];
    }
  }

  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, value: { segmentIds, responsibleUserId } };
}
