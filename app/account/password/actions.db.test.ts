import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { currentSessionVersion, requestHeaders, signInAs, testSecret } from "@/db/testing/session-cookie";
import { setPassword, setMustChangePassword, storedPassword, delayThrottle } from "@/db/testing/auth-fixtures";
import { createWorld } from "@/db/testing/world";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { authenticate } from "@/lib/auth/sign-in";
import { throttle } from "@/lib/auth/throttle";
import type { Viewer } from "@/lib/auth/viewer";
import { redirectTarget } from "@/db/testing/redirect-target";

// Public HTTP endpoints called as a browser would, with the real session check: next/headers
// answers the cookie and address the test sets in requestHeaders.
vi.mock("next/headers", () => ({ headers: async () => requestHeaders }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
testSecret();
const { changePasswordAction } = await import("./actions");
const { createContactAction } = await import("@/app/(app)/contacts/actions");
const { GET: exportContacts } = await import("@/app/(app)/contacts/export/route");

const initial = "Senha-inicial-1";
let initialHash: string;
beforeAll(async () => {
  initialHash = await hashPassword(initial);
});

let lastAddress = 0;
beforeEach(() => {
  requestHeaders.set("x-forwarded-for", `203.0.113.${++lastAddress}`);
});

/** A supervisor an admin just created with an initial password: signed in, not yet changed. */
async function newSupervisor(): Promise<Viewer> {
  const { supervisor } = (await createWorld()).viewers;
  await setPassword(supervisor.userId, initialHash, true);
  await signInAs(supervisor);
  return supervisor;
}

const passwordForm = (current: string, next = "Nova-senha-forte-2", confirm = next) => {
  const form = new FormData();
  form.set("current", current);
  form.set("next", next);
  form.set("confirm", confirm);
  return form;
};

describe("a user who must change an initial password", () => {
  it("cannot export: the export route answers 401", async () => {
    const supervisor = await newSupervisor();
    const response = await exportContacts(new Request("http://127.0.0.1/contacts/export"));
    expect(response.status).toBe(401);

    await setMustChangePassword(supervisor.userId, false);
    expect((await exportContacts(new Request("http://127.0.0.1/contacts/export"))).status).toBe(200);
  });

  it("cannot call server actions: creating a contact is refused until the password is changed", async () => {
    const supervisor = await newSupervisor();
    const form = new FormData();
    form.set("name", "Cliente Forjado");
    form.set("document", "529.982.247-25");
    form.set("customerCode", `FORCED-${supervisor.userId.slice(0, 8)}`);
    form.append("segmentIds", supervisor.segmentIds[0]);
    expect(await createContactAction(null, form)).toMatchObject({ ok: false, code: "forbidden" });

    await setMustChangePassword(supervisor.userId, false);
    expect(await redirectTarget(createContactAction(null, form))).toMatch(/^\/contacts\/[0-9a-f-]{36}\?toast=created$/);
  });

  it("changes it: the duty is cleared, every session ends (this one too) and sign-in takes the new password", async () => {
    const supervisor = await newSupervisor();
    const version = await currentSessionVersion(supervisor);
    expect(await redirectTarget(changePasswordAction(null, passwordForm(initial)))).toBe("/login?toast=password");

    const row = await storedPassword(supervisor.userId);
    expect(row.mustChangePassword).toBe(false);
    expect(await verifyPassword(row.passwordHash, "Nova-senha-forte-2")).toBe(true);
    expect(await currentSessionVersion(supervisor)).toBe(version + 1);
    expect(await changePasswordAction(null, passwordForm("Nova-senha-forte-2", "Outra-senha-forte-3"))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await authenticate(supervisor.email, "Nova-senha-forte-2", "198.51.100.200")).toMatchObject({ ok: true, sessionVersion: version + 1 });
  });
});

describe("the current password is throttled like sign-in, from the same counts", () => {
  it(`after ${throttle.perAddressAndEmail} wrong tries (sign-in failures included) the address waits, even with the right one, and is told how long`, async () => {
    const supervisor = await newSupervisor();
    const address = requestHeaders.get("x-forwarded-for")!;
    expect(await authenticate(supervisor.email, "errada-no-login", address)).toEqual({ ok: false, reason: "invalid" });
    for (let attempt = 2; attempt <= throttle.perAddressAndEmail; attempt++) {
      expect(await changePasswordAction(null, passwordForm(`errada-${attempt}`))).toMatchObject({ ok: false, fieldErrors: { current: ["Senha atual incorreta."] } });
    }
    // Made longer than the first delay so that the clock cannot end it during the test.
    await delayThrottle(address, supervisor.email, 300);

    expect(await changePasswordAction(null, passwordForm(initial))).toMatchObject({
      ok: false,
      fieldErrors: { current: ["Muitas tentativas sem sucesso. Por segurança, aguarde 5 minutos e tente novamente."] },
    });
    const row = await storedPassword(supervisor.userId);
    expect(row.passwordHash).toBe(initialHash);

    // From another address the owner goes on.
    requestHeaders.set("x-forwarded-for", "198.51.100.201");
    expect(await redirectTarget(changePasswordAction(null, passwordForm(initial)))).toBe("/login?toast=password");
  });
});
