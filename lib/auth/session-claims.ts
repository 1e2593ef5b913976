import { z } from "zod";

/** Sessions end 8 hours after sign-in, whatever happens in between: re-issuing the cookie does not extend them. */
export const sessionMaxAgeSeconds = 8 * 60 * 60;

/**
 * What the session cookie carries (encrypted, never sent to the browser in the clear): the user,
 * their session version at sign-in (lib/auth/viewer.ts compares it on every request) and the
 * sign-in time in seconds, which every re-issued cookie keeps.
 */
const sessionClaimsSchema = z.object({ uid: z.string(), oid: z.string(), sv: z.number().int(), sat: z.number().int() });
export type SessionClaims = z.infer<typeof sessionClaimsSchema>;

export function newSessionClaims(user: { id: string; organizationId: string; sessionVersion: number }, now = Date.now()): SessionClaims {
  return { uid: user.id, oid: user.organizationId, sv: user.sessionVersion, sat: Math.floor(now / 1000) };
}

/** The claims of a decoded token while its session lasts; null past the maximum age or for any other shape (older cookies included). */
export function sessionClaims(token: unknown, now = Date.now()): SessionClaims | null {
  const parsed = sessionClaimsSchema.safeParse(token);
  if (!parsed.success || now / 1000 - parsed.data.sat >= sessionMaxAgeSeconds) return null;
  return parsed.data;
}
