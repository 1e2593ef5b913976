import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { authSecret, checkAuthSecretOrExit } from "./secret";

const strong = "q3J1Vx0m9cZ8b7Y6n5T4r3E2w1Q0aSdFgHjKlZxCvB="; // openssl rand -base64 32

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("authSecret", () => {
  it.each([
    { what: "the old .env.example value", secret: "change-me", problem: /published/ },
    { what: "the old end-to-end value", secret: "e2e-secret-not-for-production-000000000000", problem: /published/ },
    { what: "CI's old value", secret: `ci-only-secret-${Math.floor(Date.now() / 1000)}`, problem: /shorter than 32 bytes/ },
    { what: "31 random bytes' worth", secret: strong.slice(0, 31), problem: /shorter than 32 bytes/ },
    { what: "a long repetition", secret: "change-me-change-me-change-me-change-me", problem: /repeats too few characters/ },
  ])("refuses $what, with or without a database, saying how to make one", ({ secret, problem }) => {
    for (const databaseUrl of ["postgres://db/carteira", ""]) {
      vi.stubEnv("DATABASE_URL", databaseUrl);
      vi.stubEnv("AUTH_SECRET", secret);
      expect(() => authSecret()).toThrow(problem);
      expect(() => authSecret()).toThrow("openssl rand -base64 32");
    }
  });

  it("refuses a missing one when DATABASE_URL is set", () => {
    vi.stubEnv("DATABASE_URL", "postgres://db/carteira");
    vi.stubEnv("AUTH_SECRET", "");
    expect(() => authSecret()).toThrow(/AUTH_SECRET must be set when DATABASE_URL is set.*openssl rand/);
  });

  it("accepts a random 32-byte secret", () => {
    vi.stubEnv("DATABASE_URL", "postgres://db/carteira");
    vi.stubEnv("AUTH_SECRET", strong);
    expect(authSecret()).toBe(strong);
  });

  it("the embedded demo makes its own random secret once and keeps it in .data/auth-secret", () => {
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("AUTH_SECRET", "");
    const dir = mkdtempSync(path.join(os.tmpdir(), "carteira-secret-"));
    const previous = process.cwd();
    process.chdir(dir);
    try {
      const secret = authSecret();
      expect(Buffer.from(secret, "base64")).toHaveLength(32);
      expect(readFileSync(path.join(dir, ".data/auth-secret"), "utf8")).toBe(secret);
      expect(authSecret()).toBe(secret);
    } finally {
      process.chdir(previous);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("checkAuthSecretOrExit, at start-up", () => {
  it("stops the process with the reason when the secret is weak, and lets a good one pass", () => {
    const exit = vi.spyOn(process, "exit").mockImplementation(() => undefined as never);
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    vi.stubEnv("DATABASE_URL", "postgres://db/carteira");
    vi.stubEnv("AUTH_SECRET", "change-me");
    checkAuthSecretOrExit();
    expect(exit).toHaveBeenCalledWith(1);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^Carteira will not start: AUTH_SECRET is an example value.*openssl rand -base64 32$/));

    exit.mockClear();
    vi.stubEnv("AUTH_SECRET", strong);
    checkAuthSecretOrExit();
    expect(exit).not.toHaveBeenCalled();
  });
});
