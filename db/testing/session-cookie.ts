import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { getDb } from "../client";
import { users } from "../schema";
import { newSessionClaims, sessionMaxAgeSeconds } from "@/lib/auth/session-claims";
import type { Viewer } from "@/lib/auth/viewer";

// Tests that go through the real session check (lib/auth/session.ts) send the cookie a browser would.
// They mock next/headers to answer `requestHeaders`, and set a secret before importing the app.

export const requestHeaders = new Headers({ "x-forwarded-for": "192.0.2.10" });

/** A random session secret for this test file, unless the run has one. */
export function testSecret() {
  process.env.AUTH_SECRET ||= randomBytes(32).toString("base64");
  return process.env.AUTH_SECRET;
}

export async function currentSessionVersion(viewer: Viewer) {
  const [user] = await getDb()
    .select({ sessionVersion: users.sessionVersion })
    .from(users)
    .where(and(eq(users.organizationId, viewer.organizationId), eq(users.id, viewer.userId)));
  return user.sessionVersion;
}

/** Puts in requestHeaders the session cookie of these claims (any shape), as Auth.js encrypts it over http. */
export async function sendCookie(claims: object) {
  const salt = "authjs.session-token";
  const token = await encode({ token: claims, secret: testSecret(), salt, maxAge: sessionMaxAgeSeconds });
  requestHeaders.set("cookie", `${salt}=${token}`);
}

/** Signs the viewer in as of now (or `signedInAt`), with their current session version; answers the claims. */
export async function signInAs(viewer: Viewer, signedInAt = Date.now()) {
  const claims = newSessionClaims({ id: viewer.userId, organizationId: viewer.organizationId, sessionVersion: await currentSessionVersion(viewer) }, signedInAt);
  await sendCookie(claims);
  return claims;
}
