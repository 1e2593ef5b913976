import { beforeAll, describe, expect, it, vi } from "vitest";
import { requestHeaders, testSecret } from "@/db/testing/session-cookie";
import { setPassword, delayThrottle } from "@/db/testing/auth-fixtures";
import { createWorld, type World } from "@/db/testing/world";
import { hashPassword } from "@/lib/auth/password";
import { throttle } from "@/lib/auth/throttle";

// The sign-in form's action through Auth.js, as a browser posts it: next/headers answers the
// request's headers (its address in X-Forwarded-For) and keeps the cookies it sets.
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({
  headers: async () => requestHeaders,
  cookies: async () => ({ set: (name: string, value: string) => jar.set(name, value), get: (name: string) => jar.get(name) }),
}));
testSecret();
const { signInAction } = await import("./actions");

const password = "senha-correta-123";
let world: World;
beforeAll(async () => {
  world = await createWorld();
  await setPassword(world.viewers.operator.userId, await hashPassword(password));
  requestHeaders.set("host", "127.0.0.1:3000");
  requestHeaders.set("x-forwarded-proto", "http");
});

const form = (email: string, attempt: string) => {
  const data = new FormData();
  data.set("email", email);
  data.set("password", attempt);
  return data;
};

async function submitFrom(address: string, email: string, attempt: string) {
  requestHeaders.set("x-forwarded-for", address);
  try {
    return await signInAction(null, form(email, attempt));
  } catch (error) {
    return { redirectedTo: (error as { digest?: string }).digest?.split(";")[2] };
  }
}

describe("signInAction", () => {
  it("throttles by the request's address, says how long to wait, and lets the owner in from another address", async () => {
    const { operator } = world.viewers;
    for (let attempt = 1; attempt <= throttle.perAddressAndEmail; attempt++) {
      expect(await submitFrom("203.0.113.50", operator.email, "errada")).toMatchObject({ ok: false, message: "E-mail ou senha inválidos." });
    }
    await delayThrottle("203.0.113.50", operator.email, 30);

    const refused = await submitFrom("203.0.113.50", operator.email, password);
    expect(refused).toMatchObject({ ok: false, code: "forbidden" });
    expect("message" in refused && refused.message).toMatch(/^Muitas tentativas sem sucesso\. Por segurança, aguarde (29|30) segundos e tente novamente\.$/);

    expect(await submitFrom("203.0.113.51", operator.email, password)).toEqual({ redirectedTo: "http://127.0.0.1:3000/contacts" });
    expect([...jar.keys()]).toContain("authjs.session-token");
  });
});
