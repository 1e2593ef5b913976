import os from "node:os";
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

const load = async () => (await import("@/next.config")).default;

describe("next.config", () => {
  it("lets `next dev` serve its scripts at 127.0.0.1 and at every IPv4 address it prints, not only at localhost", async () => {
    const config = await load();
    const printed = Object.values(os.networkInterfaces())
      .flatMap((addresses) => addresses ?? [])
      .filter((address) => address.family === "IPv4" && !address.internal)
      .map((address) => address.address);
    expect(config.allowedDevOrigins).toEqual(expect.arrayContaining(["127.0.0.1", ...printed]));
  });

  it("sends the security headers on every response, HSTS in production only, and no X-Powered-By", async () => {
    const headersIn = async (env: string) => {
      vi.stubEnv("NODE_ENV", env);
      vi.resetModules();
      const [{ source, headers }] = await (await load()).headers!();
      expect(source).toBe("/:path*");
      return Object.fromEntries(headers.map((h) => [h.key, h.value]));
    };
    const production = await headersIn("production");
    expect(production).toMatchObject({ "Referrer-Policy": "same-origin", "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY" });
    expect(production["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
    expect(await headersIn("development")).not.toHaveProperty("Strict-Transport-Security");
    expect((await load()).poweredByHeader).toBe(false);
  });
});
