import os from "node:os";
import type { NextConfig } from "next";

const production = process.env.NODE_ENV === "production";

// The same for every response, assets included; the Content-Security-Policy, which needs a nonce
// per request, is set by proxy.ts.
const securityHeaders = [
  // List URLs hold filters and searches (a CPF, a name): never sent to another site.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  // For browsers without CSP frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  // Production only: on a developer's http://localhost it would be ignored, or worse, remembered.
  ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : []),
];

// `next dev` serves its client scripts only to the origins it knows: opened at 127.0.0.1 or at the
// "Network" address it prints, pages would render but never hydrate (no masks, chips or charts).
// So 127.0.0.1 and every IPv4 address of this machine (the kind it prints) are allowed too.
const machineAddresses = Object.values(os.networkInterfaces())
  .flatMap((addresses) => addresses ?? [])
  .filter((address) => address.family === "IPv4" && !address.internal)
  .map((address) => address.address);

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files by path; bundling it breaks that (every page that touches
  // the database would answer 500). pg-boss and argon2 load native or dynamic modules the same way.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg-boss"],
  poweredByHeader: false,
  allowedDevOrigins: ["127.0.0.1", ...machineAddresses],
  // Next's default bottom-left sits on the sidebar's "Sair", and top-right on "+ Criar contato" and
  // the phone's "Menu": bottom-right only ever covers content that scrolls from under it.
  devIndicators: { position: "bottom-right" },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
