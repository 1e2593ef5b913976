import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authenticate } from "./sign-in";
import { authSecret } from "./secret";

export const sessionMaxAgeSeconds = 8 * 60 * 60;

class LockedSignIn extends CredentialsSignin {
  code = "locked";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: authSecret(),
  trustHost: true,
  // Signed JWT cookie: app servers stay stateless. The user row is still read on every request
  // (lib/auth/session.ts), so deactivation does not wait for the cookie to expire.
  session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials) {
        const email = typeof credentials.email === "string" ? credentials.email : "";
        const password = typeof credentials.password === "string" ? credentials.password : "";
        if (!email || !password) return null;
        const outcome = await authenticate(email, password);
        if (outcome.ok) return { id: outcome.userId, organizationId: outcome.organizationId };
        if (outcome.reason === "locked") throw new LockedSignIn();
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.oid = (user as { organizationId: string }).organizationId;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.uid as string, organizationId: token.oid as string };
    },
  },
});
