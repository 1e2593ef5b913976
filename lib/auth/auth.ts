import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { clientAddress } from "./client-address";
import { authSecret } from "./secret";
import { newSessionClaims, sessionClaims, sessionMaxAgeSeconds } from "./session-claims";
import { authenticate } from "./sign-in";

export const sessionSecret = authSecret();

class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

export function isThrottledSignIn(error: unknown): error is ThrottledSignIn {
  return error instanceof ThrottledSignIn;
}

export const { handlers, signIn, signOut } = NextAuth({
  secret: sessionSecret,
  trustHost: true,
  // Signed, encrypted JWT cookie: app servers stay stateless. The user row is still read on every
  // request (lib/auth/session.ts), which is where revoked sessions end.
  session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const email = typeof credentials.email === "string" ? credentials.email : "";
        const password = typeof credentials.password === "string" ? credentials.password : "";
        if (!email || !password) return null;
        const outcome = await authenticate(email, password, clientAddress(request.headers));
        if (outcome.ok) return { id: outcome.userId, organizationId: outcome.organizationId, sessionVersion: outcome.sessionVersion };
        if (outcome.reason === "throttled") throw new ThrottledSignIn(outcome.retryAfterSeconds);
        return null;
      },
    }),
  ],
  callbacks: {
    // The token holds only the session claims. Re-issuing it (GET /api/auth/session) keeps the
    // sign-in time, and past the maximum age answers null, which clears the cookie.
    jwt({ token, user }) {
      if (user) return newSessionClaims(user as { id: string; organizationId: string; sessionVersion: number });
      return sessionClaims(token) ? token : null;
    },
    // No session callback: the default hands the browser only name, e-mail and image, which the
    // token does not hold. Ids are read on the server from the decoded cookie (lib/auth/session.ts).
  },
});
