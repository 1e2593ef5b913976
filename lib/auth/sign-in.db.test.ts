import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { signInThrottle, users } from "@/db/schema";
import { createWorld, type World } from "@/db/testing/world";
import { hashPassword } from "./password";
import { authenticate } from "./sign-in";
import { purgeSignInThrottle, throttle } from "./throttle";

const password = "senha-correta-123";
let world: World;
let passwordHash: string;

beforeAll(async () => {
  // argon2 is slow on purpose: hash once for every user of the file.
  passwordHash = await hashPassword(password);
  world = await createWorld();
  await getDb().update(users).set({ passwordHash }).where(sql`${users.organizationId} in (${world.orgA}, ${world.orgB})`);
});

// Every test signs in from addresses of its own, so that the counts of one do not throttle another.
let lastAddress = 0;
const newAddress = () => `198.51.100.${++lastAddress}`;

async function throttleRow(address: string, email: string) {
  const [row] = await getDb()
    .select({
      failures: signInThrottle.failures,
      retryAt: signInThrottle.retryAt,
      // Set in the same statement as updated_at, so the difference is the delay exactly.
      delaySeconds: sql<number | null>`extract(epoch from ${signInThrottle.retryAt} - ${signInThrottle.updatedAt})::int`,
    })
    .from(signInThrottle)
    .where(and(eq(signInThrottle.address, address), eq(signInThrottle.email, email)));
  return row ?? null;
}

/** Moves the end of a key's wait: into the past (the person waited) or further ahead (no race with the clock). */
async function waitEndsIn(address: string, email: string, seconds: number) {
  await getDb()
    .update(signInThrottle)
    .set({ retryAt: sql`now() + make_interval(secs => ${seconds})` })
    .where(and(eq(signInThrottle.address, address), eq(signInThrottle.email, email)));
}

describe("authenticate", () => {
  it("the right password signs in, with the user's id, organization and session version", async () => {
    const { operator } = world.viewers;
    expect(await authenticate(operator.email, password, newAddress())).toEqual({
      ok: true,
      userId: operator.userId,
      organizationId: operator.organizationId,
      sessionVersion: 1,
    });
  });

  it("organization B's user signs into organization B", async () => {
    const { adminB } = world.viewers;
    expect(await authenticate(adminB.email, password, newAddress())).toMatchObject({ ok: true, userId: adminB.userId, organizationId: world.orgB });
  });

  it("the e-mail is matched case-insensitively and trimmed", async () => {
    const { supervisor } = world.viewers;
    expect(await authenticate(`  ${supervisor.email.toUpperCase()} `, password, newAddress())).toMatchObject({
      ok: true,
      userId: supervisor.userId,
      organizationId: supervisor.organizationId,
    });
  });

  it.each([
    { what: "a wrong password", email: () => world.viewers.admin.email, password: "senha-errada" },
    { what: "an empty password", email: () => world.viewers.admin.email, password: "" },
    { what: "the password in another case", email: () => world.viewers.admin.email, password: password.toUpperCase() },
    { what: "an unknown e-mail", email: () => "ninguem@test.local", password },
    { what: "an empty e-mail", email: () => "", password },
  ])("$what → invalid, the same answer for all", async ({ email, password: attempt }) => {
    expect(await authenticate(email(), attempt, newAddress())).toEqual({ ok: false, reason: "invalid" });
  });

  it("an inactive user with the right password → invalid", async () => {
    const w = await createWorld();
    const { otherOperator } = w.viewers;
    await getDb().update(users).set({ passwordHash, active: false }).where(eq(users.id, otherOperator.userId));
    expect(await authenticate(otherOperator.email, password, newAddress())).toEqual({ ok: false, reason: "invalid" });
    await getDb().update(users).set({ active: true }).where(eq(users.id, otherOperator.userId));
    expect(await authenticate(otherOperator.email, password, newAddress())).toMatchObject({ ok: true, userId: otherOperator.userId });
  });
});

describe("throttling by address and by address and e-mail, kept in the database", () => {
  it(`after ${throttle.perAddressAndEmail} failures an address waits 2, 4, 8… seconds for that e-mail, up to ${throttle.maxDelaySeconds / 60} minutes; waiting attempts count nothing`, async () => {
    const { operator } = world.viewers;
    const address = newAddress();
    for (let attempt = 1; attempt < throttle.perAddressAndEmail; attempt++) {
      expect(await authenticate(operator.email, `errada-${attempt}`, address)).toEqual({ ok: false, reason: "invalid" });
      expect(await throttleRow(address, operator.email)).toMatchObject({ failures: attempt, retryAt: null });
    }
    for (const delaySeconds of [2, 4, 8, 16]) {
      expect(await authenticate(operator.email, "errada", address)).toEqual({ ok: false, reason: "invalid" });
      expect(await throttleRow(address, operator.email)).toMatchObject({ delaySeconds });
      await waitEndsIn(address, operator.email, -1);
    }

    await waitEndsIn(address, operator.email, 90);
    const before = await throttleRow(address, operator.email);
    // Even the right password, and another spelling of the e-mail, must wait.
    for (const email of [operator.email, ` ${operator.email.toUpperCase()}`]) {
      const refused = await authenticate(email, password, address);
      expect(refused).toMatchObject({ ok: false, reason: "throttled" });
      expect(refused.ok === false && refused.reason === "throttled" && refused.retryAfterSeconds).toBeGreaterThan(60);
      expect(refused.ok === false && refused.reason === "throttled" && refused.retryAfterSeconds).toBeLessThanOrEqual(90);
    }
    expect((await throttleRow(address, operator.email))?.failures).toBe(before?.failures);

    // The owner signs in from their own address; the address still signs in other people.
    expect(await authenticate(operator.email, password, newAddress())).toMatchObject({ ok: true, userId: operator.userId });
    expect(await authenticate(world.viewers.supervisor.email, password, address)).toMatchObject({ ok: true });

    // Someone who keeps trying reaches the cap.
    for (let attempt = 0; attempt < 8; attempt++) {
      await waitEndsIn(address, operator.email, -1);
      await authenticate(operator.email, "errada", address);
    }
    expect(await throttleRow(address, operator.email)).toMatchObject({ delaySeconds: throttle.maxDelaySeconds });

    // After the wait, the right password works and the count starts afresh.
    await waitEndsIn(address, operator.email, -1);
    expect(await authenticate(operator.email, password, address)).toMatchObject({ ok: true, userId: operator.userId });
    expect(await throttleRow(address, operator.email)).toBeNull();
  });

  it(`after ${throttle.perAddress} failures across e-mails an address waits for every e-mail; other addresses do not`, async () => {
    const { admin } = world.viewers;
    const address = newAddress();
    for (let attempt = 1; attempt <= throttle.perAddress; attempt++) {
      expect(await authenticate(`tentativa-${attempt}@test.local`, "x", address)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await throttleRow(address, "")).toMatchObject({ failures: throttle.perAddress, delaySeconds: 2 });

    await waitEndsIn(address, "", 60);
    expect(await authenticate(admin.email, password, address)).toMatchObject({ ok: false, reason: "throttled" });
    expect(await authenticate(admin.email, password, newAddress())).toMatchObject({ ok: true, userId: admin.userId });
  });

  it("an unknown e-mail is throttled the same way (no hint that it has no account)", async () => {
    const email = `desconhecido.${Math.random().toString(36).slice(2)}@test.local`;
    const address = newAddress();
    for (let attempt = 1; attempt <= throttle.perAddressAndEmail; attempt++) {
      expect(await authenticate(email, "x", address)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await throttleRow(address, email)).toMatchObject({ failures: throttle.perAddressAndEmail, delaySeconds: 2 });
  });

  it("a key with no attempt for an hour starts a new count", async () => {
    const { admin } = world.viewers;
    const address = newAddress();
    for (let attempt = 1; attempt < throttle.perAddressAndEmail; attempt++) await authenticate(admin.email, "errada", address);
    await getDb()
      .update(signInThrottle)
      .set({ updatedAt: sql`now() - interval '61 minutes'` })
      .where(eq(signInThrottle.address, address));

    expect(await authenticate(admin.email, "errada", address)).toEqual({ ok: false, reason: "invalid" });
    expect(await throttleRow(address, admin.email)).toMatchObject({ failures: 1, retryAt: null });
    expect(await throttleRow(address, "")).toMatchObject({ failures: 1, retryAt: null });
  });

  it("concurrent attempts (as on several app servers) are counted one by one: only the free ones reach the password", async () => {
    const { admin } = world.viewers;
    const address = newAddress();
    const results = await Promise.all(Array.from({ length: throttle.perAddressAndEmail + 5 }, () => authenticate(admin.email, "errada", address)));

    const checked = results.filter((r) => !r.ok && r.reason === "invalid");
    expect(checked).toHaveLength(throttle.perAddressAndEmail);
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(5);
    expect(await throttleRow(address, admin.email)).toMatchObject({ failures: throttle.perAddressAndEmail });
  });

  it("a success clears its e-mail's count and gives the address back the failure it reserved", async () => {
    const { supervisor } = world.viewers;
    const address = newAddress();
    await authenticate(supervisor.email, "errada", address);
    await authenticate("outra.pessoa@test.local", "errada", address);
    expect(await throttleRow(address, "")).toMatchObject({ failures: 2 });

    expect(await authenticate(supervisor.email, password, address)).toMatchObject({ ok: true });
    expect(await throttleRow(address, supervisor.email)).toBeNull();
    expect(await throttleRow(address, "")).toMatchObject({ failures: 2, retryAt: null });
  });
});

describe("purgeSignInThrottle", () => {
  it("deletes the rows with no attempt for a day and keeps the others", async () => {
    const [stale, recent] = [newAddress(), newAddress()];
    await getDb()
      .insert(signInThrottle)
      .values([
        { address: stale, email: "", failures: 7, updatedAt: sql`now() - interval '25 hours'` },
        { address: recent, email: "", failures: 7, updatedAt: sql`now() - interval '23 hours'` },
      ]);

    expect(await purgeSignInThrottle()).toBe(1);
    expect(await throttleRow(stale, "")).toBeNull();
    expect(await throttleRow(recent, "")).toMatchObject({ failures: 7 });
  });
});
