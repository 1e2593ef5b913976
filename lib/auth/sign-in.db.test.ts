import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { signInThrottle, users } from "@/db/schema";
import { createWorld, type World } from "@/db/testing/world";
import { hashPassword } from "./password";
import { authenticate, lockMinutes, maxFailures } from "./sign-in";

const password = "senha-correta-123";
let world: World;
let passwordHash: string;

beforeAll(async () => {
  // argon2 is slow on purpose: hash once for every user of the file.
  passwordHash = await hashPassword(password);
  world = await createWorld();
  await getDb().update(users).set({ passwordHash }).where(sql`${users.organizationId} in (${world.orgA}, ${world.orgB})`);
});

async function throttleRow(email: string) {
  const [row] = await getDb().select().from(signInThrottle).where(eq(signInThrottle.email, email));
  return row ?? null;
}

describe("authenticate", () => {
  it("the right password signs in, with the user's id and organization", async () => {
    const { operator } = world.viewers;
    expect(await authenticate(operator.email, password)).toEqual({
      ok: true,
      userId: operator.userId,
      organizationId: operator.organizationId,
    });
  });

  it("organization B's user signs into organization B", async () => {
    const { adminB } = world.viewers;
    expect(await authenticate(adminB.email, password)).toEqual({ ok: true, userId: adminB.userId, organizationId: world.orgB });
  });

  it("the e-mail is matched case-insensitively and trimmed", async () => {
    const { supervisor } = world.viewers;
    expect(await authenticate(`  ${supervisor.email.toUpperCase()} `, password)).toEqual({
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
    expect(await authenticate(email(), attempt)).toEqual({ ok: false, reason: "invalid" });
  });

  it("an inactive user with the right password → invalid", async () => {
    const w = await createWorld();
    const { otherOperator } = w.viewers;
    await getDb().update(users).set({ passwordHash, active: false }).where(eq(users.id, otherOperator.userId));
    expect(await authenticate(otherOperator.email, password)).toEqual({ ok: false, reason: "invalid" });
    await getDb().update(users).set({ active: true }).where(eq(users.id, otherOperator.userId));
    expect(await authenticate(otherOperator.email, password)).toMatchObject({ ok: true, userId: otherOperator.userId });
  });
});

describe("throttling per e-mail, kept in the database", () => {
  it(`${maxFailures} failures lock the e-mail, even for the right password; after the lock the right password works and clears it`, async () => {
    const w = await createWorld();
    const { operator, supervisor } = w.viewers;
    await getDb().update(users).set({ passwordHash }).where(eq(users.organizationId, w.orgA));

    for (let attempt = 1; attempt < maxFailures; attempt++) {
      expect(await authenticate(operator.email, `errada-${attempt}`)).toEqual({ ok: false, reason: "invalid" });
      expect(await throttleRow(operator.email)).toMatchObject({ failures: attempt, lockedUntil: null });
    }
    // The failure that reaches the limit already answers "locked".
    expect(await authenticate(operator.email, "errada-final")).toEqual({ ok: false, reason: "locked", retryAfterMinutes: lockMinutes });

    const locked = await authenticate(operator.email, password);
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    expect(locked.ok === false && locked.retryAfterMinutes).toBeGreaterThanOrEqual(1);
    expect(locked.ok === false && locked.retryAfterMinutes).toBeLessThanOrEqual(lockMinutes);
    // Another spelling of the same e-mail is the same lock.
    expect(await authenticate(` ${operator.email.toUpperCase()}`, password)).toMatchObject({ ok: false, reason: "locked" });
    // Another e-mail is not affected.
    expect(await authenticate(supervisor.email, password)).toMatchObject({ ok: true, userId: supervisor.userId });

    // The lock and its window pass.
    await getDb()
      .update(signInThrottle)
      .set({ lockedUntil: sql`now() - interval '1 minute'`, windowStartedAt: sql`now() - interval '1 hour'` })
      .where(eq(signInThrottle.email, operator.email));

    expect(await authenticate(operator.email, password)).toEqual({ ok: true, userId: operator.userId, organizationId: w.orgA });
    expect(await throttleRow(operator.email)).toBeNull();
  });

  it("an unknown e-mail is throttled the same way (no hint that it has no account)", async () => {
    const email = `desconhecido.${Math.random().toString(36).slice(2)}@test.local`;
    for (let attempt = 1; attempt < maxFailures; attempt++) {
      expect(await authenticate(email, "x")).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await authenticate(email, "x")).toEqual({ ok: false, reason: "locked", retryAfterMinutes: lockMinutes });
    expect(await throttleRow(email)).toMatchObject({ failures: maxFailures });
  });

  it("failures older than the window start a new count", async () => {
    const w = await createWorld();
    const { admin } = w.viewers;
    await getDb().update(users).set({ passwordHash }).where(eq(users.id, admin.userId));
    for (let attempt = 1; attempt < maxFailures; attempt++) await authenticate(admin.email, "errada");
    expect(await throttleRow(admin.email)).toMatchObject({ failures: maxFailures - 1 });

    await getDb()
      .update(signInThrottle)
      .set({ windowStartedAt: sql`now() - interval '${sql.raw(String(lockMinutes + 5))} minutes'` })
      .where(eq(signInThrottle.email, admin.email));

    expect(await authenticate(admin.email, "errada")).toEqual({ ok: false, reason: "invalid" });
    expect(await throttleRow(admin.email)).toMatchObject({ failures: 1, lockedUntil: null });
    expect(await authenticate(admin.email, password)).toMatchObject({ ok: true, userId: admin.userId });
  });

  it("concurrent failures all count (as from several app servers) and lock the e-mail", async () => {
    const w = await createWorld();
    const { admin } = w.viewers;
    await getDb().update(users).set({ passwordHash }).where(eq(users.id, admin.userId));
    const attempts = maxFailures + 3;

    const results = await Promise.all(Array.from({ length: attempts }, () => authenticate(admin.email, "errada")));

    expect(results.every((r) => !r.ok)).toBe(true);
    const row = await throttleRow(admin.email);
    // Attempts that read the row after it locked answer "locked" without counting.
    expect(row?.failures).toBeGreaterThanOrEqual(maxFailures);
    expect(row?.lockedUntil).not.toBeNull();
    expect(await authenticate(admin.email, password)).toMatchObject({ ok: false, reason: "locked" });
  });

  it("a success before the limit clears the count", async () => {
    const w = await createWorld();
    const { supervisor } = w.viewers;
    await getDb().update(users).set({ passwordHash }).where(eq(users.id, supervisor.userId));
    for (let attempt = 1; attempt < maxFailures; attempt++) await authenticate(supervisor.email, "errada");
    expect(await authenticate(supervisor.email, password)).toMatchObject({ ok: true });
    expect(await throttleRow(supervisor.email)).toBeNull();
    // A fresh count: one more failure does not lock.
    expect(await authenticate(supervisor.email, "errada")).toEqual({ ok: false, reason: "invalid" });
  });
});
