import "server-only";
import { failure, type Failure } from "@/lib/actions/result";
import type { Viewer } from "./viewer";

/** Segments, users and the audit log are the admin's (DESIGN.md matrix): anyone else is refused here. */
export function refuseNonAdmin(viewer: Viewer): Failure | null {
  return viewer.role === "admin" ? null : failure("forbidden", "Apenas administradores fazem isso.");
}
