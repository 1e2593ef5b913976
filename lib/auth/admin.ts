import "server-only";
import { failure, type Failure } from "@/lib/actions/result";
import type { Viewer } from "./viewer";

/** Segments, users and the audit log are the admin's (DESIGN.md matrix). */
export function canAdminister(viewer: Viewer) {
  return viewer.role === "admin";
}

/** The refusal every administrative data-access function answers anyone else with. */
export function refuseNonAdmin(viewer: Viewer): Failure | null {
  return canAdminister(viewer) ? null : failure("forbidden", "Apenas administradores fazem isso.");
}
