import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "./auth";
import { loadViewer, type Viewer } from "./viewer";

/** The signed-in, active user of this request, or null. Cached per request. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = (await auth()) as { userId?: string; organizationId?: string } | null;
  if (!session?.userId || !session.organizationId) return null;
  return loadViewer(session.userId, session.organizationId);
});

/** For pages: sends whoever is not signed in (or no longer active) to the sign-in page. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  return viewer;
}
