import { decode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { requestHeaders, sendCookie, testSecret } from "@/db/testing/session-cookie";
import { newSessionClaims } from "./session-claims";

const secret = testSecret();
const { handlers } = await import("./auth");

const user = { id: "7d0c1d0e-8f51-4a57-9e43-6a0d8f0b1c11", organizationId: "0f6f0c3e-2b8a-4d7e-a0c4-1b2c3d4e5f60", sessionVersion: 3 };
const hours = (n: number) => n * 60 * 60 * 1000;

/** GET /api/auth/session as a browser holding the cookie of these claims. */
async function getSession(signedInAt: number) {
  await sendCookie(newSessionClaims(user, signedInAt));
  const response = await handlers.GET(
    new Request("http://127.0.0.1:3000/api/auth/session", { headers: { cookie: requestHeaders.get("cookie")! } }) as never,
  );
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token="));
  return { body: await response.text(), cookie: cookie?.split(";")[0].slice("authjs.session-token=".length) };
}

describe("GET /api/auth/session", () => {
  it("tells the browser neither the user's nor the organization's id", async () => {
    const { body } = await getSession(Date.now());
    expect(JSON.parse(body)).toHaveProperty("expires");
    expect(body).not.toContain(user.id);
    expect(body).not.toContain(user.organizationId);
    expect(body).not.toMatch(/"(uid|oid|sv|sat|sub)"/);
  });

  it("re-issues a cookie that keeps the sign-in time, so the 8 hours are not extended", async () => {
    const signedInAt = Date.now() - hours(8) + 10 * 60_000;
    const { cookie } = await getSession(signedInAt);
    const reissued = await decode({ token: cookie, secret, salt: "authjs.session-token" });
    expect(reissued).toMatchObject({ uid: user.id, sv: 3, sat: Math.floor(signedInAt / 1000) });
  });

  it("past the 8 hours answers no session and clears the cookie", async () => {
    const { body, cookie } = await getSession(Date.now() - hours(8) - 1000);
    expect(JSON.parse(body)).toBeNull();
    expect(cookie).toBe("");
  });
});
