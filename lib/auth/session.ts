import "server-only";
import { getToken } from "next-auth/jwt";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { sessionSecret } from "./auth";
import { sessionClaims } from "./session-claims";
import { loadSessionViewer, type Viewer } from "./viewer";

/**
 * The user of this request's session cookie, while it lasts and its session version is current,
 * including one who must still change an initial password. Cached per request. Only the password
 * change and sign-out use it directly: everything else asks getViewer.
 */
export const getSessionViewer = cache(async (): Promise<Viewer | null> => {
  const requestHeaders = await headers();
  // Auth.js names the cookie after the protocol that set it (__Secure- over https): read the one this browser holds.
  const secureCookie = /(^|;\s*)__Secure-authjs\.session-token/.test(requestHeaders.get("cookie") ?? "");
  const claims = sessionClaims(await getToken({ req: { headers: requestHeaders }, secret: sessionSecret, secureCookie }));
  if (!claims) return null;
  return loadSessionViewer(claims.uid, claims.oid, claims.sv);
});

/**
 * The signed-in, active user of this request, or null — also for a user who must change an
 * initial password: until they do, no page, server action or route handler works for them.
 */
export async function getViewer(): Promise<Viewer | null> {
  const viewer = await getSessionViewer();
  return viewer?.mustChangePassword ? null : viewer;
}

/** For pages: sends whoever is not signed in to the sign-in page, and whoever must change their password to that page. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getSessionViewer();
  if (!viewer) redirect("/login");
  if (viewer.mustChangePassword) redirect("/account/password");
  return viewer;
}
