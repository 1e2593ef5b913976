/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files by path; bundling it breaks that (every page that touches
  // the database would answer 500). pg-boss and argon2 load native or dynamic modules the same way.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg-boss"],
};

export default nextConfig;
